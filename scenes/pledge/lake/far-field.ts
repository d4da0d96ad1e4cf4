/**
 * The still part of the lantern lake, painted once per screen size with Canvas 2D: the night
 * sky, the far bank, the water, and every lantern that is too far out to move visibly (all
 * but the newest few hundred). Painting 100,000 of them costs one pass over their positions,
 * then nothing per frame: the frame rate does not depend on how many lanterns there are.
 * Tiny far lanterns are added straight into the pixels; the bigger ones are glow stamps.
 * Runs in the renderer.
 */
import { placeLantern, type LakeGeometry } from './placement.js';

/** Lanterns at least this old are painted here; younger ones float in the live layer. */
export const LIVE_LANTERNS = 400;

/** 0xRRGGBB to [r, g, b] 0..255. */
export function rgbOf(hex: number): [number, number, number] {
  return [(hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff];
}

function glowStamp(colour: number, size: number): HTMLCanvasElement {
  const stamp = document.createElement('canvas');
  stamp.width = size;
  stamp.height = size;
  const ctx = stamp.getContext('2d');
  if (!ctx) return stamp;
  const [r, g, b] = rgbOf(colour);
  const gradient = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  gradient.addColorStop(0, 'rgba(255,250,235,1)');
  gradient.addColorStop(0.18, `rgba(${r},${g},${b},0.95)`);
  gradient.addColorStop(1, `rgba(${r},${g},${b},0)`);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, size, size);
  return stamp;
}

function paintScene(ctx: CanvasRenderingContext2D, lake: LakeGeometry, glow: number): void {
  const { width, height, horizon } = lake;
  const sky = ctx.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, '#070b1c');
  sky.addColorStop(1, '#1f2a5c');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, horizon);
  ctx.fillStyle = 'rgba(245,247,255,0.7)';
  for (let i = 0; i < 90; i++) {
    const x = (Math.sin(i * 12.9898) * 43758.5453) % 1;
    const y = (Math.sin(i * 78.233) * 12543.123) % 1;
    ctx.fillRect(Math.abs(x) * width, Math.abs(y) * horizon * 0.8, 1.5, 1.5);
  }
  const water = ctx.createLinearGradient(0, horizon, 0, height);
  water.addColorStop(0, '#141b3d');
  water.addColorStop(1, '#070b1c');
  ctx.fillStyle = water;
  ctx.fillRect(0, horizon, width, height - horizon);
  // The lanterns' glow on the horizon grows with their number (log: visible from the first).
  const haze = ctx.createLinearGradient(0, horizon - height * 0.08, 0, horizon + height * 0.06);
  haze.addColorStop(0, 'rgba(255,201,77,0)');
  haze.addColorStop(0.6, `rgba(255,201,77,${(0.05 + 0.3 * glow).toFixed(3)})`);
  haze.addColorStop(1, 'rgba(255,201,77,0)');
  ctx.fillStyle = haze;
  ctx.fillRect(0, horizon - height * 0.08, width, height * 0.14);
  // The far bank: a low dark line of trees and roofs.
  ctx.fillStyle = '#0b1026';
  ctx.beginPath();
  ctx.moveTo(0, horizon);
  for (let x = 0; x <= width; x += width / 40) {
    ctx.lineTo(x, horizon - height * (0.012 + 0.012 * Math.abs(Math.sin(x * 0.013))));
  }
  ctx.lineTo(width, horizon);
  ctx.fill();
}

/**
 * Paints the lake with its lanterns (`colours`: each one's palette index, oldest first) into
 * `canvas` (its size: `lake` × `dpr`); returns how many were painted here (the rest are live).
 */
export function paintFarField(
  canvas: HTMLCanvasElement,
  lake: LakeGeometry,
  colours: Uint8Array,
  palette: readonly number[],
  dpr: number,
): number {
  const count = colours.length;
  canvas.width = Math.round(lake.width * dpr);
  canvas.height = Math.round(lake.height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paintScene(ctx, lake, Math.min(1, Math.log10(1 + count) / 5));
  const painted = Math.max(0, count - LIVE_LANTERNS);
  if (painted === 0) return 0;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const { data } = image;
  const rgb = palette.map(rgbOf);
  const big: { x: number; y: number; radius: number; colour: number; brightness: number }[] = [];
  // Lantern number i is count-1-i lanterns old.
  for (let index = 0; index < painted; index++) {
    const place = placeLantern(index, count - 1 - index, lake);
    const colour = colours[index] ?? 0;
    if (place.radius * dpr >= 3) {
      big.push({ ...place, colour });
      continue;
    }
    const px = Math.round(place.x * dpr);
    const py = Math.round(place.y * dpr);
    if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height) continue;
    const [r, g, b] = rgb[colour] ?? [255, 201, 77];
    const k = (py * canvas.width + px) * 4;
    const light = place.brightness;
    data[k] = Math.min(255, (data[k] ?? 0) + r * light);
    data[k + 1] = Math.min(255, (data[k + 1] ?? 0) + g * light);
    data[k + 2] = Math.min(255, (data[k + 2] ?? 0) + b * light);
  }
  ctx.putImageData(image, 0, 0);
  const stamps = palette.map((colour) => glowStamp(colour, 64));
  ctx.globalCompositeOperation = 'lighter';
  for (const place of big) {
    const stamp = stamps[place.colour];
    if (!stamp) continue;
    ctx.globalAlpha = place.brightness;
    const size = place.radius * 2.4;
    ctx.drawImage(stamp, place.x - size / 2, place.y - size / 2, size, size);
  }
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  return painted;
}
