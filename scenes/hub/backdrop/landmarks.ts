/**
 * The landmarks of Hồ Gươm, floodlit at night, each drawn standing on its own water line so
 * the lake can mirror it: Tháp Rùa (Turtle Tower) on its islet, Cầu Thê Húc (the red bridge),
 * Đền Ngọc Sơn (the temple at its end) and Tháp Bút (Pen Tower) on the shore. Flat shapes
 * with painted light, no outlines: they read at a glance from across a square. Runs in the renderer.
 */
import { PAINT, type Canvas2D } from './palette.js';

type Ctx = CanvasRenderingContext2D;

/** A lit stone fill: floodlight from the front-left. */
function stone(c: Ctx, left: number, right: number): CanvasGradient {
  const g = c.createLinearGradient(left, 0, right, 0);
  g.addColorStop(0, PAINT.stone);
  g.addColorStop(0.7, PAINT.stone);
  g.addColorStop(1, PAINT.stoneShade);
  return g;
}

function arch(c: Ctx, x: number, bottom: number, width: number, height: number): void {
  const r = width / 2;
  c.beginPath();
  c.moveTo(x - r, bottom);
  c.lineTo(x - r, bottom - height + r);
  c.arc(x, bottom - height + r, r, Math.PI, 0);
  c.lineTo(x + r, bottom);
  c.closePath();
}

/** Warm light seen through an opening. */
function litOpening(c: Ctx): void {
  c.fillStyle = PAINT.stoneDark;
  c.fill();
  c.globalAlpha = 0.75;
  c.fillStyle = '#ffd98a';
  c.fill();
  c.globalAlpha = 1;
}

function glow(c: Ctx, x: number, y: number, r: number, alpha: number): void {
  const g = c.createRadialGradient(x, y, 0, x, y, r);
  g.addColorStop(0, `rgba(255, 214, 140, ${alpha})`);
  g.addColorStop(1, 'rgba(255, 214, 140, 0)');
  c.fillStyle = g;
  c.fillRect(x - r, y - r, r * 2, r * 2);
}

/** A curved Vietnamese roof with upturned eaves. */
function roof(c: Ctx, x: number, bottom: number, width: number, height: number, colour: string): void {
  const half = width / 2;
  c.beginPath();
  c.moveTo(x - half, bottom - height * 0.35);
  c.quadraticCurveTo(x - half * 0.8, bottom, x - half * 0.55, bottom);
  c.lineTo(x + half * 0.55, bottom);
  c.quadraticCurveTo(x + half * 0.8, bottom, x + half, bottom - height * 0.35);
  c.quadraticCurveTo(x + half * 0.5, bottom - height * 0.5, x + half * 0.35, bottom - height);
  c.lineTo(x - half * 0.35, bottom - height);
  c.quadraticCurveTo(x - half * 0.5, bottom - height * 0.5, x - half, bottom - height * 0.35);
  c.closePath();
  c.fillStyle = colour;
  c.fill();
}

/** Tháp Rùa: three floors getting smaller, arched doors, a round window, a curved roof. */
export function paintTurtleTower({ c, w, h, layout }: Canvas2D): void {
  const { tower } = layout.landmarks;
  const x = tower.x * w;
  const water = tower.water * h;
  const t = tower.height * h;
  glow(c, x, water - t * 0.5, t * 0.9, 0.28);
  // The islet, with a few bushes.
  c.fillStyle = PAINT.islet;
  c.beginPath();
  c.ellipse(x, water, t * 0.75, t * 0.09, 0, Math.PI, 0);
  c.fill();
  for (const dx of [-0.6, -0.45, 0.48, 0.62]) {
    c.beginPath();
    c.arc(x + dx * t, water - t * 0.05, t * 0.09, 0, Math.PI * 2);
    c.fill();
  }
  const floors = [
    { width: 0.6, height: 0.34, doors: 3 },
    { width: 0.42, height: 0.22, doors: 2 },
    { width: 0.27, height: 0.17, doors: 0 },
  ];
  let bottom = water - t * 0.06;
  for (const floor of floors) {
    const fw = floor.width * t;
    const fh = floor.height * t;
    c.fillStyle = stone(c, x - fw / 2, x + fw / 2);
    c.fillRect(x - fw / 2, bottom - fh, fw, fh);
    // A cornice a little wider than the floor.
    c.fillStyle = PAINT.stoneShade;
    c.fillRect(x - fw * 0.56, bottom - fh - t * 0.018, fw * 1.12, t * 0.022);
    for (let d = 0; d < floor.doors; d++) {
      const dx = x + (d - (floor.doors - 1) / 2) * (fw / floor.doors);
      arch(c, dx, bottom, (fw / floor.doors) * 0.48, fh * 0.72);
      litOpening(c);
    }
    if (floor.doors === 0) {
      c.beginPath();
      c.arc(x, bottom - fh * 0.5, fw * 0.2, 0, Math.PI * 2);
      litOpening(c);
    }
    bottom -= fh + t * 0.018;
  }
  roof(c, x, bottom, t * 0.38, t * 0.1, PAINT.roofTile);
  c.fillStyle = PAINT.stone;
  c.fillRect(x - t * 0.012, bottom - t * 0.17, t * 0.024, t * 0.08);
}

/** Cầu Thê Húc, side-on: a red arched deck on posts, its railing lined with small lights. */
export function paintBridge({ c, w, h, layout }: Canvas2D): void {
  const { bridge } = layout.landmarks;
  const x0 = bridge.x0 * w;
  const x1 = bridge.x1 * w;
  const water = bridge.water * h;
  const rise = bridge.rise * h;
  const deckAt = (s: number): number => water - rise * 0.35 - Math.sin(Math.PI * s) * rise;
  const thick = rise * 0.22;
  const posts = 22;
  c.fillStyle = PAINT.bridgeShade;
  for (let i = 0; i <= posts; i++) {
    const s = i / posts;
    const x = x0 + (x1 - x0) * s;
    c.fillRect(x - thick * 0.15, deckAt(s), thick * 0.3, water - deckAt(s));
  }
  const curve = (offset: number): void => {
    for (let i = 0; i <= 48; i++) {
      const s = i / 48;
      const x = x0 + (x1 - x0) * s;
      if (i === 0) c.moveTo(x, deckAt(s) - offset);
      else c.lineTo(x, deckAt(s) - offset);
    }
  };
  // Deck.
  c.beginPath();
  curve(0);
  for (let i = 48; i >= 0; i--) {
    const s = i / 48;
    c.lineTo(x0 + (x1 - x0) * s, deckAt(s) + thick);
  }
  c.closePath();
  c.fillStyle = PAINT.bridge;
  c.fill();
  // Railing: top rail and balusters.
  c.strokeStyle = PAINT.bridge;
  c.lineWidth = Math.max(1.5, thick * 0.35);
  c.beginPath();
  curve(rise * 0.42);
  c.stroke();
  c.lineWidth = Math.max(1, thick * 0.18);
  c.beginPath();
  for (let i = 0; i <= posts * 2; i++) {
    const s = i / (posts * 2);
    const x = x0 + (x1 - x0) * s;
    c.moveTo(x, deckAt(s));
    c.lineTo(x, deckAt(s) - rise * 0.42);
  }
  c.stroke();
  for (let i = 1; i < posts; i += 2) {
    const s = i / posts;
    glow(c, x0 + (x1 - x0) * s, deckAt(s) - rise * 0.45, thick * 1.4, 0.9);
  }
}

/** Đền Ngọc Sơn among its trees: a lit hall under a double roof. */
export function paintTemple({ c, w, h, layout }: Canvas2D): void {
  const { temple } = layout.landmarks;
  const x = temple.x * w;
  const water = temple.water * h;
  const t = temple.height * h;
  c.fillStyle = PAINT.tree;
  for (const [dx, dy, r] of [
    [-1.1, 0.35, 0.45],
    [-0.6, 0.55, 0.5],
    [0.7, 0.6, 0.55],
    [1.2, 0.35, 0.45],
    [0.1, 0.8, 0.4],
  ] as const) {
    c.beginPath();
    c.arc(x + dx * t, water - dy * t, r * t, 0, Math.PI * 2);
    c.fill();
  }
  c.fillRect(x - t * 1.6, water - t * 0.2, t * 3.2, t * 0.2);
  glow(c, x, water - t * 0.35, t * 1.2, 0.35);
  const hallW = t * 1.3;
  const hallH = t * 0.38;
  c.fillStyle = '#e2a55a';
  c.fillRect(x - hallW / 2, water - t * 0.12 - hallH, hallW, hallH);
  c.fillStyle = PAINT.stoneDark;
  for (let i = 0; i <= 4; i++) {
    c.fillRect(x - hallW / 2 + (hallW / 4) * i - t * 0.02, water - t * 0.12 - hallH, t * 0.04, hallH);
  }
  roof(c, x, water - t * 0.12 - hallH, hallW * 1.35, t * 0.24, PAINT.roofTile);
  roof(c, x, water - t * 0.12 - hallH - t * 0.3, hallW * 0.8, t * 0.2, PAINT.roofTile);
}

/** Tháp Bút on its rocky mound: a slim stone spire ending in a brush tip. */
export function paintPenTower({ c, w, h, layout }: Canvas2D): void {
  const { pen } = layout.landmarks;
  const x = pen.x * w;
  const water = pen.water * h;
  const t = pen.height * h;
  c.fillStyle = PAINT.islet;
  c.beginPath();
  c.ellipse(x, water, t * 0.55, t * 0.2, 0, Math.PI, 0);
  c.fill();
  glow(c, x, water - t * 0.5, t * 0.6, 0.2);
  const base = water - t * 0.15;
  const top = water - t;
  c.beginPath();
  c.moveTo(x - t * 0.09, base);
  c.lineTo(x - t * 0.045, top + t * 0.1);
  c.lineTo(x, top);
  c.lineTo(x + t * 0.045, top + t * 0.1);
  c.lineTo(x + t * 0.09, base);
  c.closePath();
  c.fillStyle = stone(c, x - t * 0.09, x + t * 0.09);
  c.fill();
  c.fillStyle = PAINT.stoneShade;
  for (let i = 1; i < 5; i++) {
    const y = base - ((base - top) * i) / 5.4;
    const half = t * (0.09 - (0.045 * i) / 5.4) + t * 0.01;
    c.fillRect(x - half, y, half * 2, Math.max(1, t * 0.012));
  }
}
