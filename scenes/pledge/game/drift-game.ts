/**
 * The minigame's live picture (Phaser): a night river of lanes, a glowing wake behind every
 * drifting item, the shield gate at the right edge, and a ring burst where an item was blocked
 * or slipped. Every word and every tap lives in the DOM (the items are buttons, so they have
 * accessible names and several fingers work at once); the scene only reads `DriftModel` each
 * frame, like the phone's scene reads its model. Runs in the renderer.
 */
import * as Phaser from 'phaser';
import { domDrivenGameConfig, startTrackedGame, stopGame } from '../../shared/phone/game/main.js';

const MODEL_KEY = 'pledge.drift-model';

/** One burst ring: where, what colour (0xRRGGBB), and when it began (ms, the model's clock). */
export interface Burst {
  x: number;
  y: number;
  colour: number;
  at: number;
}

/** What the scene draws, in CSS px of the field; the station writes it, the scene reads it. */
export class DriftModel {
  width = 1;
  height = 1;
  lanes = 1;
  /** Centre and size of each drifting item this frame (nothing that tells a scam from a safe one). */
  items: { x: number; y: number; width: number; height: number }[] = [];
  bursts: Burst[] = [];
  now = 0;
  /** 0..1 of the round gone (the river speeds up: its ripples too). */
  progress = 0;
}

const BURST_MS = 700;
/** The wake's lines: vertical offset (share of the item's height), length (share of its width), alpha. */
const WAKE = [
  [-0.25, 0.18, 0.3],
  [0, 0.3, 0.45],
  [0.25, 0.18, 0.3],
] as const;
const WAKE_COLOUR = 0xbcd6ff;

class DriftScene extends Phaser.Scene {
  private graphics: Phaser.GameObjects.Graphics | null = null;

  constructor() {
    super('drift');
  }

  create(): void {
    this.graphics = this.add.graphics();
  }

  override update(): void {
    const model = this.registry.get(MODEL_KEY) as DriftModel | undefined;
    const g = this.graphics;
    if (!model || !g) return;
    g.clear();
    // The lanes and the gate are the field's CSS background (static): only what moves is drawn.
    const laneHeight = model.height / model.lanes;
    // Ripples drifting with the river: quicker as the round speeds up.
    const drift = (model.now / (30 - model.progress * 14)) % 160;
    g.lineStyle(2, 0x5aa9ff, 0.12);
    for (let lane = 0; lane < model.lanes; lane++) {
      const y = (lane + 0.5) * laneHeight;
      for (let x = drift - 160; x < model.width; x += 160)
        g.lineBetween(x, y + laneHeight * 0.38, x + 60, y + laneHeight * 0.38);
    }
    // A wake of three motion lines behind each item, the same for every item: a colour by
    // danger would give the answer away.
    for (const item of model.items) {
      const left = item.x - item.width / 2 - 14;
      for (const [offset, share, alpha] of WAKE) {
        const length = item.width * share;
        const y = item.y + item.height * offset;
        g.lineStyle(offset === 0 ? 4 : 3, WAKE_COLOUR, alpha);
        g.lineBetween(left - length, y, left, y);
      }
    }
    for (const burst of model.bursts) {
      const t = (model.now - burst.at) / BURST_MS;
      if (t < 0 || t > 1) continue;
      g.lineStyle(6 * (1 - t) + 1, burst.colour, 1 - t);
      g.strokeCircle(burst.x, burst.y, 30 + t * 110);
    }
    model.bursts = model.bursts.filter((burst) => model.now - burst.at <= BURST_MS);
  }
}

/** Starts the river in `parent` (sized by the DOM); throws when WebGL and canvas both fail. */
export function startDriftGame(parent: HTMLElement, model: DriftModel): Phaser.Game {
  // The items are DOM buttons: taps never reach Phaser.
  const game = startTrackedGame({ ...domDrivenGameConfig(parent), scene: [DriftScene] });
  game.registry.set(MODEL_KEY, model);
  return game;
}

/** Destroys the game and releases its WebGL context at once (see stopGame). */
export function stopDriftGame(game: Phaser.Game): void {
  stopGame(game);
}
