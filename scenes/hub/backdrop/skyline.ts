/**
 * The old quarter across the water: a far row of taller blocks in the haze, a near row of
 * narrow tube houses (nhà ống) with tiled roofs and lit windows, festival lantern strings,
 * and the trees and street lamps along the lake shore. Runs in the renderer.
 */
import type { Rng } from '../../shared/seeded-rng.js';
import { PAINT, type Canvas2D } from './palette.js';

interface Row {
  colour: string;
  /** Tallest building, as a share of the layout's skyline height. */
  tallest: number;
  minWidth: number;
  maxWidth: number;
  windowAlpha: number;
  roofs: boolean;
}

const FAR: Row = {
  colour: PAINT.farBuilding,
  tallest: 1,
  minWidth: 0.02,
  maxWidth: 0.05,
  windowAlpha: 0.45,
  roofs: false,
};
const NEAR: Row = {
  colour: PAINT.nearBuilding,
  tallest: 0.72,
  minWidth: 0.012,
  maxWidth: 0.026,
  windowAlpha: 0.9,
  roofs: true,
};

export function paintSkyline({ c, w, h, layout, random }: Canvas2D): void {
  const horizon = layout.horizon * h;
  const tallest = layout.skylineHeight * h;
  const roofTops = paintRow(c, w, horizon, tallest, FAR, random);
  paintRow(c, w, horizon, tallest, NEAR, random);
  paintLanternStrings(c, horizon, tallest, roofTops, random);
  paintShore(c, w, h, horizon, tallest, random);
}

/** One row of buildings along the horizon; returns some rooftop points for lantern strings. */
function paintRow(
  c: CanvasRenderingContext2D,
  w: number,
  horizon: number,
  tallest: number,
  row: Row,
  random: Rng,
): [number, number][] {
  const tops: [number, number][] = [];
  const floor = Math.max(6, tallest / 7);
  for (let x = -w * 0.01; x < w;) {
    const width = w * (row.minWidth + random() * (row.maxWidth - row.minWidth));
    const floors = 2 + Math.floor(random() * 5);
    const height =
      Math.min(tallest * row.tallest, floors * floor * (row.roofs ? 1 : 1.4)) * (0.7 + random() * 0.3);
    const top = horizon - height;
    c.fillStyle = row.colour;
    c.fillRect(x, top, width + 1, height + 1);
    if (row.roofs && random() < 0.7) {
      // A tiled roof, a little wider than the walls.
      c.beginPath();
      c.moveTo(x - width * 0.08, top);
      c.lineTo(x + width * 0.2, top - floor * 0.6);
      c.lineTo(x + width * 0.8, top - floor * 0.6);
      c.lineTo(x + width * 1.08, top);
      c.closePath();
      c.fillStyle = PAINT.roof;
      c.fill();
    }
    paintWindows(c, x, top, width, height, floor, row.windowAlpha, random);
    tops.push([x + width / 2, top]);
    x += width + (random() < 0.15 ? width * 0.4 : 0);
  }
  return tops;
}

function paintWindows(
  c: CanvasRenderingContext2D,
  x: number,
  top: number,
  width: number,
  height: number,
  floor: number,
  alpha: number,
  random: Rng,
): void {
  const columns = width > floor * 2.2 ? 3 : 2;
  const paneW = (width / columns) * 0.42;
  const paneH = floor * 0.45;
  for (let y = top + floor * 0.35; y + paneH < top + height - floor * 0.3; y += floor) {
    for (let col = 0; col < columns; col++) {
      if (random() > 0.55) continue;
      c.globalAlpha = alpha * (0.45 + random() * 0.55);
      c.fillStyle = random() < 0.3 ? PAINT.windowWarm : PAINT.window;
      c.fillRect(x + (col + 0.29) * (width / columns), y, paneW, paneH);
    }
  }
  c.globalAlpha = 1;
}

/** Strings of small festival lanterns hung between rooftops. */
function paintLanternStrings(
  c: CanvasRenderingContext2D,
  horizon: number,
  tallest: number,
  tops: [number, number][],
  random: Rng,
): void {
  const bulb = Math.max(1.5, tallest / 60);
  for (let i = 0; i + 3 < tops.length; i += 4 + Math.floor(random() * 3)) {
    const [x0, y0] = tops[i] ?? [0, 0];
    const [x1, y1] = tops[i + 3] ?? [0, 0];
    const a = Math.max(y0, horizon - tallest * 0.7);
    const b = Math.max(y1, horizon - tallest * 0.7);
    const sag = tallest * 0.12;
    const lights = Math.max(4, Math.round((x1 - x0) / (bulb * 6)));
    for (let k = 1; k < lights; k++) {
      const t = k / lights;
      const x = x0 + (x1 - x0) * t;
      const y = a + (b - a) * t + Math.sin(Math.PI * t) * sag;
      c.fillStyle = k % 3 === 0 ? PAINT.window : PAINT.lanternRed;
      c.beginPath();
      c.arc(x, y, bulb, 0, Math.PI * 2);
      c.fill();
    }
  }
}

/** Round tree crowns along the shore, hiding the houses' feet, and the lamps between them. */
function paintShore(
  c: CanvasRenderingContext2D,
  w: number,
  h: number,
  horizon: number,
  tallest: number,
  random: Rng,
): void {
  const crown = tallest * 0.28;
  for (let x = -crown; x < w + crown; x += crown * (0.8 + random() * 0.7)) {
    const r = crown * (0.6 + random() * 0.6);
    c.fillStyle = random() < 0.5 ? PAINT.tree : PAINT.treeLight;
    c.beginPath();
    c.arc(x, horizon - r * 0.45, r, 0, Math.PI * 2);
    c.arc(x + r * 0.7, horizon - r * 0.2, r * 0.75, 0, Math.PI * 2);
    c.fill();
  }
  c.fillStyle = PAINT.tree;
  c.fillRect(0, horizon - crown * 0.2, w, crown * 0.2 + Math.max(2, h * 0.003));
  const lamp = Math.max(1.5, tallest / 70);
  for (let x = random() * crown * 2; x < w; x += crown * (1.6 + random())) {
    const glow = c.createRadialGradient(x, horizon - lamp * 4, 0, x, horizon - lamp * 4, lamp * 7);
    glow.addColorStop(0, 'rgba(255, 220, 150, 0.9)');
    glow.addColorStop(1, 'rgba(255, 200, 120, 0)');
    c.fillStyle = glow;
    c.fillRect(x - lamp * 7, horizon - lamp * 11, lamp * 14, lamp * 14);
  }
}
