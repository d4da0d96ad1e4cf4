/**
 * Hồ Gươm's water: a surface that darkens towards the visitor, the mirrored skyline and
 * landmarks broken by ripples, and the moon's path of light. Runs in the renderer.
 */
import { PAINT, type Canvas2D } from './palette.js';

/** A part of the screen, CSS px. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Paints `layer` (which holds the part `box` of the screen) mirrored about the water line
 * `waterY` (CSS px), faint and squashed.
 */
export function mirror(
  c: CanvasRenderingContext2D,
  layer: HTMLCanvasElement,
  box: Box,
  waterY: number,
  alpha: number,
): void {
  c.save();
  c.globalAlpha = alpha;
  c.translate(0, waterY);
  c.scale(1, -0.75);
  c.translate(0, -waterY);
  c.drawImage(layer, box.x, box.y, box.width, box.height);
  c.restore();
}

/** The water's own colour, from the lit far shore to the dark near water. */
export function paintWater({ c, w, h, layout }: Canvas2D): void {
  const horizon = layout.horizon * h;
  const water = c.createLinearGradient(0, horizon, 0, h);
  water.addColorStop(0, PAINT.water);
  water.addColorStop(0.45, '#0d1033');
  water.addColorStop(1, PAINT.waterDeep);
  c.fillStyle = water;
  c.fillRect(0, horizon, w, h - horizon);
}

/**
 * Ripples: thin horizontal strokes in the water's colour that break the reflections, closer
 * together far away, and a few light glints.
 */
export function paintRipples({ c, w, h, layout, random }: Canvas2D): void {
  const horizon = layout.horizon * h;
  const depth = h - horizon;
  const unit = Math.min(w, h) / 1000;
  for (let i = 0; i < 900; i++) {
    const t = Math.pow(random(), 1.7);
    const y = horizon + 2 + t * depth;
    const length = (10 + random() * 70) * (0.3 + t * 1.6) * unit;
    const x = random() * w;
    c.globalAlpha = 0.35 + random() * 0.4;
    c.fillStyle = random() < 0.85 ? '#0a0d2a' : '#2b2f70';
    c.fillRect(x, y, length, Math.max(1, (0.6 + t * 2.2) * unit));
  }
  c.globalAlpha = 1;
  // The near water fades to the darkest navy, where the visitor's text sits.
  const fade = c.createLinearGradient(0, horizon + depth * 0.3, 0, h);
  fade.addColorStop(0, 'rgba(5, 8, 22, 0)');
  fade.addColorStop(1, 'rgba(5, 8, 22, 0.85)');
  c.fillStyle = fade;
  c.fillRect(0, horizon + depth * 0.3, w, depth * 0.7);
}

/** The moon's broken path of light on the water, below the moon. */
export function paintMoonPath({ c, w, h, layout, random }: Canvas2D): void {
  const { moon } = layout.landmarks;
  const horizon = layout.horizon * h;
  const x = moon.x * w;
  const r = moon.radius * h;
  const reach = (h - horizon) * 0.45;
  // Soft glints, each a squashed glow, thinning out towards the visitor.
  for (let i = 0; i < 28; i++) {
    const t = Math.pow(random(), 1.3);
    const y = horizon + 3 + t * reach;
    const half = r * (0.5 + t * 1.2) * (0.5 + random());
    const cx = x + (random() - 0.5) * r * (1 + t);
    c.save();
    c.translate(cx, y);
    c.scale(1, 0.06 + t * 0.04);
    const glint = c.createRadialGradient(0, 0, 0, 0, 0, half);
    glint.addColorStop(0, `rgba(255, 233, 184, ${(1 - t) * 0.5})`);
    glint.addColorStop(1, 'rgba(255, 233, 184, 0)');
    c.fillStyle = glint;
    c.fillRect(-half, -half, half * 2, half * 2);
    c.restore();
  }
}

/** One lotus leaf seen from the side: a flat ellipse with its notch, lit at the far edge. */
function lotusPad(c: CanvasRenderingContext2D, x: number, y: number, r: number, tilt: number): void {
  c.save();
  c.translate(x, y);
  c.rotate(tilt);
  c.scale(1, 0.32);
  c.beginPath();
  c.moveTo(0, 0);
  c.arc(0, 0, r, 0.2, Math.PI * 2 - 0.2);
  c.closePath();
  const leaf = c.createLinearGradient(0, -r, 0, r);
  leaf.addColorStop(0, '#25574a');
  leaf.addColorStop(1, '#0a2222');
  c.fillStyle = leaf;
  c.fill();
  c.restore();
}

/** A closed lotus bud on its stem. */
function lotusBud(c: CanvasRenderingContext2D, x: number, y: number, size: number): void {
  c.strokeStyle = '#1f4a3c';
  c.lineWidth = Math.max(1.5, size * 0.08);
  c.beginPath();
  c.moveTo(x, y);
  c.quadraticCurveTo(x + size * 0.2, y - size * 0.8, x, y - size * 1.6);
  c.stroke();
  c.beginPath();
  c.moveTo(x, y - size * 1.55);
  c.bezierCurveTo(x - size * 0.45, y - size * 1.9, x - size * 0.2, y - size * 2.5, x, y - size * 2.75);
  c.bezierCurveTo(x + size * 0.2, y - size * 2.5, x + size * 0.45, y - size * 1.9, x, y - size * 1.55);
  const bud = c.createLinearGradient(0, y - size * 2.75, 0, y - size * 1.55);
  bud.addColorStop(0, '#ffc2d0');
  bud.addColorStop(1, '#c2506a');
  c.fillStyle = bud;
  c.fill();
}

/** Lotus leaves and buds in the near corners of the lake, framing the scene. */
export function paintLotusCorners({ c, w, h, random }: Canvas2D): void {
  const unit = Math.min(w, h);
  const reach = w > h ? 0.16 : 0.13;
  for (const side of [0, 1]) {
    for (let i = 0; i < 9; i++) {
      const t = random();
      const x = side === 0 ? t * reach * w : w - t * reach * w;
      const y = h * (0.86 + random() * 0.14);
      lotusPad(c, x, y, unit * (0.035 + random() * 0.035), (random() - 0.5) * 0.3);
    }
    for (let i = 0; i < 2; i++) {
      const x =
        side === 0 ? (0.03 + random() * (reach - 0.06)) * w : w - (0.03 + random() * (reach - 0.06)) * w;
      lotusBud(c, x, h * (0.9 + random() * 0.06), unit * (0.02 + random() * 0.01));
    }
  }
}
