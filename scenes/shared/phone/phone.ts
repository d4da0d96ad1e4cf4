/**
 * The phone simulator as one part: the still body and screen (DOM canvases), the Phaser
 * game that draws what moves on top, and the DOM overlay that holds every word on the phone.
 * A station creates one, puts `stage` and `overlay.element` where it wants them, feeds it a
 * layout, switches its mode and writes to its model; `destroy()` frees the game, its WebGL
 * context, the listeners and the DOM.
 */
import type * as Phaser from 'phaser';
import { h, place } from '../dom/dom.js';
import { PhoneBackdrop } from './backdrop.js';
import { startGame, stopGame } from './game/main.js';
import type { ScreenMode, StationLayout } from './layout.js';
import { PhoneOverlay } from './overlay.js';
import { PhoneModel } from './phone-model.js';

export interface PhoneOptions {
  /** Accessible name of the message log. */
  readonly label: string;
  /** A tap anywhere on the phone (stations use it to show pending messages at once). */
  readonly onTap: () => void;
  /** The first layout (the station measures the window). */
  readonly layout: StationLayout;
}

export class PhoneSimulator {
  /** The canvases' box: still layers below, the Phaser canvas on top. Decorative. */
  readonly stage: HTMLDivElement;
  readonly overlay: PhoneOverlay;
  readonly model: PhoneModel;
  private readonly backdrop = new PhoneBackdrop();
  private game: Phaser.Game | null = null;
  private observer: ResizeObserver | null = null;
  private destroyed = false;

  constructor(options: PhoneOptions) {
    this.model = new PhoneModel(options.layout);
    // The Phaser canvas is appended after the backdrop, so it draws on top of it.
    this.stage = h('div', { class: 'story__stage', 'aria-hidden': 'true' }, this.backdrop.element);
    this.overlay = new PhoneOverlay(options.label, options.onTap);
  }

  /** The layout the phone is drawn at. */
  get layout(): StationLayout {
    return this.model.layout;
  }

  /**
   * Starts the live layer. Without WebGL the phone still works (its words are DOM and its
   * body a 2D canvas), so a failure is logged and play goes on.
   */
  start(): void {
    try {
      this.game = startGame(this.stage, this.model);
    } catch (error) {
      console.error('Phone scene unavailable:', error);
    }
    // The shell shows the station's layer only after mount; refit the canvas once it has a size.
    this.observer = new ResizeObserver(() => {
      this.game?.scale.refresh();
    });
    this.observer.observe(this.stage);
  }

  /** Moves and repaints every layer for `layout`. */
  setLayout(layout: StationLayout): void {
    this.model.setLayout(layout);
    this.backdrop.update(layout, this.model.mode);
    place(this.stage, layout.stage);
    this.overlay.setLayout(layout);
  }

  /** Switches the phone's look (lock screen, SMS, chat, call, video). */
  setMode(mode: ScreenMode): void {
    this.model.setMode(mode);
    this.backdrop.update(this.model.layout, mode);
  }

  /** Frees the game (and its WebGL context), the observer and the DOM; safe to call twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.game) stopGame(this.game);
    this.game = null;
    this.overlay.destroy();
    this.stage.remove();
    this.overlay.element.remove();
  }
}
