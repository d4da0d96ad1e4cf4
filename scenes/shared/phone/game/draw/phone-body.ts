/** Paints the phone's body (frame, side buttons, shadow) into a canvas texture. */
import { LAYOUT } from '../../layout.js';
import { BODY } from '../tunables.js';
import { roundedRect } from './canvas.js';

/**
 * Draws a `width` × `height` phone body at (`BODY.pad`, `BODY.pad`) on `ctx`, whose canvas
 * must be `width + 2·pad` × `height + 2·pad`.
 */
export function paintBody(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  const pad = BODY.pad;
  const radius = width * LAYOUT.bodyRadius;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);

  // Side buttons first, so the frame overlaps their inner edge.
  ctx.fillStyle = BODY.frameBottom;
  const button = (x: number, y: number, h: number): void => {
    roundedRect(ctx, x, y, width * 0.03, h, width * 0.012);
    ctx.fill();
  };
  button(pad - width * 0.018, pad + height * 0.17, height * 0.045);
  button(pad - width * 0.018, pad + height * 0.25, height * 0.08);
  button(pad - width * 0.018, pad + height * 0.345, height * 0.08);
  button(pad + width - width * 0.012, pad + height * 0.26, height * 0.12);

  ctx.save();
  ctx.shadowColor = BODY.shadow;
  ctx.shadowBlur = BODY.shadowBlur;
  ctx.shadowOffsetY = BODY.shadowOffsetY;
  const frame = ctx.createLinearGradient(0, pad, 0, pad + height);
  frame.addColorStop(0, BODY.frameTop);
  frame.addColorStop(1, BODY.frameBottom);
  ctx.fillStyle = frame;
  roundedRect(ctx, pad, pad, width, height, radius);
  ctx.fill();
  ctx.restore();

  // A thin lit edge reads as metal and separates the phone from the navy backdrop.
  ctx.lineWidth = Math.max(2, width * 0.006);
  ctx.strokeStyle = BODY.edge;
  roundedRect(ctx, pad + 1.5, pad + 1.5, width - 3, height - 3, radius - 1.5);
  ctx.stroke();
}
