/**
 * The few live things of the lake: flower lanterns drifting on the water, sky lanterns rising,
 * and the shimmer of the Turtle Tower's light on the water. Each stays inside its zones of
 * the layout (which no text covers), shrinking away at a zone's edges rather than crossing
 * them. Screen space (CSS px); perspective from the horizon. Runs in the renderer.
 */
import type { Rng } from '../../shared/seeded-rng.js';
import type { WorldLayout, Zone } from '../world-layout.js';
import type { SpriteBatch } from './sprite-batch.js';
import { LANTERN_WATERLINE, type Frame, type FrameName } from './sprite-atlas.js';

/** How many of each the governor's detail levels allow (index = level). */
export const LANTERN_BUDGET = {
  water: [6, 12, 20, 28],
  sky: [0, 2, 4, 7],
  shimmer: [0, 2, 4, 6],
} as const;

/** Lantern tints: cream, warm yellow, rose (the campaign's sun and rose). */
const TINTS = [0xffffff, 0xfff0b0, 0xffc2d0] as const;
const LANTERN_ASPECT = 160 / 256;
/** How far a flower lantern bobs, as a share of its height. */
const BOB = 0.02;
const SKY_ASPECT = 128 / 200;

interface Mover {
  zone: Zone;
  x: number;
  y: number;
  speed: number;
  height: number;
  phase: number;
  tint: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Share of the edge distance over which a sprite shrinks away (1 = its own size). */
function edgeFade(distance: number, size: number): number {
  return Math.max(0, Math.min(1, distance / Math.max(1, size)));
}

function pickZone(zones: readonly Zone[], random: Rng): Zone | null {
  const area = (z: Zone): number => (z.x1 - z.x0) * (z.y1 - z.y0);
  const total = zones.reduce((sum, z) => sum + area(z), 0);
  let pick = random() * total;
  for (const zone of zones) {
    pick -= area(zone);
    if (pick <= 0) return zone;
  }
  return zones[zones.length - 1] ?? null;
}

export class Lanterns {
  private water: Mover[] = [];
  private sky: Mover[] = [];
  private view: Viewport = { width: 1, height: 1 };
  private horizon = 0;
  private shimmerAt = { x: 0, y: 0, span: 0, unit: 1 };
  private presence = 1;
  private zones: Zone[] = [];
  /** The nearest lanterns' height: bigger would read as a boat, not a lantern. */
  private maxSize = 100;

  constructor(
    private readonly random: Rng,
    private readonly frames: Record<FrameName, Frame>,
  ) {}

  /** Scatters the lanterns over the zones of this layout and mode. */
  place(layout: WorldLayout, view: Viewport, zones: { water: readonly Zone[]; sky: readonly Zone[] }): void {
    this.view = view;
    this.zones = [...zones.water, ...zones.sky];
    this.horizon = layout.horizon * view.height;
    const unit = Math.min(view.width, view.height);
    const perspective = 0.55 * Math.min(1, view.width / view.height);
    this.maxSize = unit * 0.1;
    this.water = [];
    for (let i = 0; i < LANTERN_BUDGET.water[3]; i++) {
      const lantern = this.waterLantern(zones.water, perspective);
      if (lantern) this.water.push(lantern);
    }
    // Far first, so nearer lanterns cover farther ones (the batch draws in order).
    this.water.sort((a, b) => a.y - b.y);
    this.sky = [];
    for (let i = 0; i < LANTERN_BUDGET.sky[3]; i++) {
      const zone = pickZone(zones.sky, this.random);
      if (!zone) break;
      const height = unit * 0.05 * (0.5 + this.random() * 0.5);
      this.sky.push({
        zone,
        x: (zone.x0 + this.random() * (zone.x1 - zone.x0)) * view.width,
        y: (zone.y0 + this.random() * (zone.y1 - zone.y0)) * view.height,
        speed: height * (0.12 + this.random() * 0.1),
        height,
        phase: this.random() * Math.PI * 2,
        tint: 0xffffff,
      });
    }
    const { tower } = layout.landmarks;
    this.shimmerAt = {
      x: tower.x * view.width,
      y: tower.water * view.height,
      span: tower.height * view.height * 0.45,
      unit,
    };
  }

  /** The rows of the screen (CSS px) the lanterns and the shimmer can reach. */
  extent(): { top: number; bottom: number } {
    let top = this.shimmerAt.y;
    let bottom = this.shimmerAt.y + this.shimmerAt.span + this.shimmerAt.unit * 0.02;
    for (const zone of this.zones) {
      top = Math.min(top, zone.y0 * this.view.height);
      bottom = Math.max(bottom, zone.y1 * this.view.height);
    }
    return { top, bottom };
  }

  /**
   * Moves everything by `dt` seconds and queues the sprites allowed at `detail` (0–3),
   * `presence` (0–1) times as opaque (the lake fades out and back in when the mode changes).
   */
  update(dt: number, elapsed: number, detail: number, presence: number, batch: SpriteBatch): void {
    const level = Math.max(0, Math.min(3, Math.round(detail)));
    const budget = (counts: readonly number[]): number => counts[level] ?? 0;
    this.presence = presence;
    this.drawShimmer(elapsed, budget(LANTERN_BUDGET.shimmer), batch);
    this.drawSky(dt, elapsed, budget(LANTERN_BUDGET.sky), batch);
    this.drawWater(dt, elapsed, budget(LANTERN_BUDGET.water), batch);
  }

  private waterLantern(zones: readonly Zone[], perspective: number): Mover | null {
    const { width, height } = this.view;
    for (let attempt = 0; attempt < 12; attempt++) {
      const zone = pickZone(zones, this.random);
      if (!zone) return null;
      const y = (zone.y0 + this.random() * (zone.y1 - zone.y0)) * height;
      const size = Math.min((y - this.horizon) * perspective, this.maxSize);
      // The whole lantern, reflection and bobbing included, must lie inside the zone.
      const bob = size * BOB;
      if (size < 3 || y - size * LANTERN_WATERLINE - bob < zone.y0 * height) continue;
      if (y + size * (1 - LANTERN_WATERLINE) + bob > zone.y1 * height) continue;
      const tint = TINTS[Math.floor(this.random() * TINTS.length)] ?? 0xffffff;
      return {
        zone,
        x: (zone.x0 + this.random() * (zone.x1 - zone.x0)) * width,
        y,
        speed: size * (0.08 + this.random() * 0.1) * (this.random() < 0.5 ? -1 : 1),
        height: size,
        phase: this.random() * Math.PI * 2,
        tint,
      };
    }
    return null;
  }

  private drawWater(dt: number, elapsed: number, limit: number, batch: SpriteBatch): void {
    const { width } = this.view;
    // Every other lantern is skipped first, so a lower level thins the lake evenly.
    const step = this.water.length / Math.max(1, limit);
    for (let k = 0; k < Math.min(limit, this.water.length); k++) {
      const lantern = this.water[Math.floor(k * step)];
      if (!lantern) continue;
      const x0 = lantern.zone.x0 * width;
      const x1 = lantern.zone.x1 * width;
      lantern.x += lantern.speed * dt;
      if (lantern.x > x1) lantern.x = x0;
      if (lantern.x < x0) lantern.x = x1;
      const w = lantern.height * LANTERN_ASPECT;
      const fade = edgeFade(Math.min(lantern.x - x0, x1 - lantern.x), w);
      const bob = Math.sin(elapsed * 1.4 + lantern.phase) * lantern.height * BOB;
      batch.draw({
        frame: this.frames.lantern,
        x: lantern.x,
        y: lantern.y - lantern.height * (LANTERN_WATERLINE - 0.5) + bob,
        width: w * fade,
        height: lantern.height * fade,
        tint: lantern.tint,
        opacity: (0.6 + 0.4 * fade) * this.presence,
        glow: false,
      });
    }
  }

  private drawSky(dt: number, elapsed: number, limit: number, batch: SpriteBatch): void {
    const { width, height } = this.view;
    for (const lantern of this.sky.slice(0, limit)) {
      const top = lantern.zone.y0 * height;
      const bottom = lantern.zone.y1 * height;
      lantern.y -= lantern.speed * dt;
      if (lantern.y < top) {
        lantern.y = bottom;
        lantern.x = (lantern.zone.x0 + this.random() * (lantern.zone.x1 - lantern.zone.x0)) * width;
      }
      const w = lantern.height * SKY_ASPECT;
      const left = lantern.zone.x0 * width;
      const right = lantern.zone.x1 * width;
      const sway = Math.sin(elapsed * 0.5 + lantern.phase) * w * 0.3;
      const x = Math.max(left + w / 2, Math.min(right - w / 2, lantern.x + sway));
      const fade = edgeFade(Math.min(lantern.y - top, bottom - lantern.y), lantern.height);
      batch.draw({
        frame: this.frames.sky,
        x,
        y: lantern.y,
        width: w * fade,
        height: lantern.height * fade,
        tint: lantern.tint,
        opacity: fade * this.presence,
        glow: false,
      });
    }
  }

  private drawShimmer(elapsed: number, count: number, batch: SpriteBatch): void {
    const { x, y, span, unit } = this.shimmerAt;
    for (let i = 0; i < count; i++) {
      const depth = (i + 1) / (count + 1);
      const wave = Math.sin(elapsed * (0.9 + i * 0.37) + i * 1.7);
      batch.draw({
        frame: this.frames.streak,
        x: x + wave * unit * 0.012,
        y: y + depth * span,
        width: unit * (0.03 + depth * 0.05) * (0.8 + 0.2 * wave),
        height: unit * 0.008 * (1 + depth),
        tint: 0xffffff,
        opacity: (0.35 + 0.3 * (0.5 + 0.5 * wave)) * this.presence,
        glow: true,
      });
    }
  }
}
