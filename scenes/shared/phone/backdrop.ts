/**
 * The phone's still layers (body and screen for the current mode), painted once per mode or
 * layout change into two DOM canvases under the Phaser canvas. Why not Phaser images: on the
 * kiosk's software WebGL, redrawing these ~1.6 megapixels of texture every frame cut the
 * scene from ~59 to ~15 fps, while the browser composites unchanged canvases almost for free.
 * The Phaser scene draws everything that moves on top (typing dots, call ripples, the
 * deepfake's glitches and mouth, the countdown ring, feedback effects).
 */
import { paintBody } from './game/draw/phone-body.js';
import { paintScreen } from './game/draw/screens.js';
import { BODY } from './game/tunables.js';
import type { ScreenMode, StationLayout } from './layout.js';
import { h, place } from '../dom/dom.js';

export class PhoneBackdrop {
  readonly element: HTMLDivElement;
  private readonly body: HTMLCanvasElement;
  private readonly screen: HTMLCanvasElement;
  private painted = '';

  constructor() {
    this.body = h('canvas', { class: 'story-backdrop__body' });
    this.screen = h('canvas', { class: 'story-backdrop__screen' });
    this.element = h('div', { class: 'story-backdrop', 'aria-hidden': 'true' }, this.body, this.screen);
  }

  /** Repaints if the layout or the mode changed since the last paint. */
  update(layout: StationLayout, mode: ScreenMode): void {
    const key = `${mode}|${JSON.stringify(layout.phone)}|${JSON.stringify(layout.stage)}`;
    if (key === this.painted) return;
    this.painted = key;
    const { phone, screen, stage } = layout;
    const origin = { x: stage.x, y: stage.y };

    this.body.width = phone.width + 2 * BODY.pad;
    this.body.height = phone.height + 2 * BODY.pad;
    place(
      this.body,
      { x: phone.x - BODY.pad, y: phone.y - BODY.pad, width: this.body.width, height: this.body.height },
      origin,
    );
    paintBody(context(this.body), phone.width, phone.height);

    this.screen.width = screen.width;
    this.screen.height = screen.height;
    place(this.screen, screen, origin);
    paintScreen(context(this.screen), mode, screen.width, screen.height, phone.width);
  }
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is unavailable');
  return ctx;
}
