/**
 * The live layer's pictures, painted once with Canvas 2D into one atlas texture: flower
 * lanterns (hoa đăng) with their reflections, sky lanterns, the beacons' lotus, halo and beam,
 * a candle flame and a water shimmer. Painted art has soft, antialiased edges, so the sprites
 * stay smooth on software WebGL without multisampling. Runs in the renderer.
 */

/** A frame's place in the atlas, in UV units (origin bottom-left, as WebGL samples it). */
export interface Frame {
  u: number;
  v: number;
  du: number;
  dv: number;
}

export type FrameName = 'lotus' | 'beam' | 'halo' | 'lantern' | 'sky' | 'flame' | 'streak';

/** Pixel rectangles of the frames in the atlas (x, y from the top-left, width, height). */
const RECTS: Readonly<Record<FrameName, readonly [number, number, number, number]>> = {
  lotus: [0, 0, 512, 320],
  beam: [520, 0, 64, 504],
  halo: [592, 0, 256, 256],
  lantern: [856, 0, 160, 256],
  sky: [592, 264, 128, 200],
  flame: [728, 264, 128, 128],
  streak: [728, 400, 256, 48],
};

export const ATLAS_SIZE = { width: 1024, height: 512 } as const;

/** Where, in a lantern frame, the water line is (fraction of its height from the top). */
export const LANTERN_WATERLINE = 0.56;
/** Where, in the lotus frame, the water line is. */
export const LOTUS_WATERLINE = 0.9;

/** UV rectangle of each frame. */
export function atlasFrames(): Record<FrameName, Frame> {
  const frames = {} as Record<FrameName, Frame>;
  for (const [name, [x, y, w, h]] of Object.entries(RECTS) as [FrameName, (typeof RECTS)[FrameName]][]) {
    frames[name] = {
      u: x / ATLAS_SIZE.width,
      v: 1 - (y + h) / ATLAS_SIZE.height,
      du: w / ATLAS_SIZE.width,
      dv: h / ATLAS_SIZE.height,
    };
  }
  return frames;
}

/** Paints every frame into a new canvas of ATLAS_SIZE. */
export function paintAtlas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = ATLAS_SIZE.width;
  canvas.height = ATLAS_SIZE.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is unavailable');
  const at = (name: FrameName, paint: (c: CanvasRenderingContext2D, w: number, h: number) => void): void => {
    const [x, y, w, h] = RECTS[name];
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    ctx.translate(x, y);
    paint(ctx, w, h);
    ctx.restore();
  };
  at('lotus', paintLotus);
  at('beam', paintBeam);
  at('halo', paintHalo);
  at('lantern', paintLantern);
  at('sky', paintSkyLantern);
  at('flame', paintFlame);
  at('streak', paintStreak);
  return canvas;
}

function radial(
  c: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  stops: readonly [number, string][],
): CanvasGradient {
  const g = c.createRadialGradient(x, y, 0, x, y, r);
  for (const [at, colour] of stops) g.addColorStop(at, colour);
  return g;
}

/** One lotus petal from the base (0,0) pointing up, `len` long and `wide` wide. */
function petal(c: CanvasRenderingContext2D, len: number, wide: number): void {
  c.beginPath();
  c.moveTo(0, 0);
  c.bezierCurveTo(-wide, -len * 0.35, -wide * 0.55, -len * 0.85, 0, -len);
  c.bezierCurveTo(wide * 0.55, -len * 0.85, wide, -len * 0.35, 0, 0);
  c.closePath();
}

/**
 * A lotus lantern in white and greys, tinted with the station's colour at draw time.
 * Back petals darker, front petals lighter, a bright heart where the candle sits.
 */
function paintLotus(c: CanvasRenderingContext2D, w: number, h: number): void {
  const cx = w / 2;
  const base = h * LOTUS_WATERLINE;
  const rows: readonly { count: number; spread: number; len: number; wide: number; shade: string }[] = [
    { count: 7, spread: 1.5, len: h * 0.74, wide: w * 0.1, shade: '#9aa0b4' },
    { count: 6, spread: 1.25, len: h * 0.66, wide: w * 0.11, shade: '#d9dce6' },
    { count: 5, spread: 0.95, len: h * 0.56, wide: w * 0.1, shade: '#ffffff' },
  ];
  for (const row of rows) {
    for (let i = 0; i < row.count; i++) {
      const t = row.count === 1 ? 0 : i / (row.count - 1) - 0.5;
      c.save();
      c.translate(cx + t * w * 0.32, base);
      c.rotate(t * row.spread);
      petal(c, row.len, row.wide);
      const g = c.createLinearGradient(0, 0, 0, -row.len);
      g.addColorStop(0, '#6d7287');
      g.addColorStop(0.55, row.shade);
      g.addColorStop(1, '#ffffff');
      c.fillStyle = g;
      c.fill();
      c.lineWidth = 2;
      c.strokeStyle = 'rgba(255,255,255,0.55)';
      c.stroke();
      c.restore();
    }
  }
  // The water-line leaves: a flat dark pad the lotus floats on.
  c.beginPath();
  c.ellipse(cx, base, w * 0.44, h * 0.07, 0, 0, Math.PI * 2);
  c.fillStyle = '#5b6078';
  c.fill();
  c.fillStyle = radial(c, cx, base - h * 0.28, w * 0.2, [
    [0, 'rgba(255,255,255,0.95)'],
    [1, 'rgba(255,255,255,0)'],
  ]);
  c.fillRect(0, 0, w, h);
}

function paintBeam(c: CanvasRenderingContext2D, w: number, h: number): void {
  const across = c.createLinearGradient(0, 0, w, 0);
  across.addColorStop(0, 'rgba(255,255,255,0)');
  across.addColorStop(0.5, 'rgba(255,255,255,1)');
  across.addColorStop(1, 'rgba(255,255,255,0)');
  c.fillStyle = across;
  c.fillRect(0, 0, w, h);
  // Fade towards the top with a mask.
  c.globalCompositeOperation = 'destination-in';
  const up = c.createLinearGradient(0, 0, 0, h);
  up.addColorStop(0, 'rgba(0,0,0,0)');
  up.addColorStop(0.7, 'rgba(0,0,0,0.7)');
  up.addColorStop(1, 'rgba(0,0,0,1)');
  c.fillStyle = up;
  c.fillRect(0, 0, w, h);
  c.globalCompositeOperation = 'source-over';
}

function paintHalo(c: CanvasRenderingContext2D, w: number, h: number): void {
  c.fillStyle = radial(c, w / 2, h / 2, w / 2, [
    [0, 'rgba(255,255,255,0.9)'],
    [0.35, 'rgba(255,255,255,0.35)'],
    [1, 'rgba(255,255,255,0)'],
  ]);
  c.fillRect(0, 0, w, h);
}

/** A flower lantern (hoa đăng): a small pink-and-cream lotus with a candle, and its reflection. */
function paintLantern(c: CanvasRenderingContext2D, w: number, h: number): void {
  const cx = w / 2;
  const water = h * LANTERN_WATERLINE;
  const drawBody = (): void => {
    c.fillStyle = radial(c, cx, water - h * 0.16, w * 0.5, [
      [0, 'rgba(255,214,140,0.85)'],
      [0.5, 'rgba(255,170,90,0.25)'],
      [1, 'rgba(255,150,80,0)'],
    ]);
    c.fillRect(0, 0, w, water + 2);
    for (const [spread, len, shade] of [
      [1.2, h * 0.3, '#ff8fa3'],
      [0.6, h * 0.34, '#ffd1dc'],
    ] as const) {
      for (let i = 0; i < 5; i++) {
        const t = i / 4 - 0.5;
        c.save();
        c.translate(cx + t * w * 0.3, water);
        c.rotate(t * spread);
        petal(c, len, w * 0.1);
        const g = c.createLinearGradient(0, 0, 0, -len);
        g.addColorStop(0, '#c2506a');
        g.addColorStop(1, shade);
        c.fillStyle = g;
        c.fill();
        c.restore();
      }
    }
    c.fillStyle = radial(c, cx, water - h * 0.1, w * 0.12, [
      [0, 'rgba(255,250,220,1)'],
      [1, 'rgba(255,210,120,0)'],
    ]);
    c.fillRect(0, 0, w, water);
  };
  drawBody();
  // Reflection: the body mirrored on the water line, faint and squashed, with ripple gaps.
  c.save();
  c.beginPath();
  c.rect(0, water, w, h - water);
  c.clip();
  c.translate(0, water);
  c.scale(1, -0.6);
  c.translate(0, -water);
  c.globalAlpha = 0.35;
  drawBody();
  c.restore();
  c.globalCompositeOperation = 'destination-out';
  c.fillStyle = 'rgba(0,0,0,0.6)';
  for (let y = water + 6; y < h; y += 9) c.fillRect(0, y, w, 3);
  c.globalCompositeOperation = 'source-over';
}

/** A sky lantern (đèn trời): a glowing paper lantern, brightest at its open bottom. */
function paintSkyLantern(c: CanvasRenderingContext2D, w: number, h: number): void {
  const cx = w / 2;
  c.fillStyle = radial(c, cx, h * 0.55, w * 0.5, [
    [0, 'rgba(255,190,90,0.55)'],
    [1, 'rgba(255,150,60,0)'],
  ]);
  c.fillRect(0, 0, w, h);
  c.beginPath();
  c.moveTo(cx - w * 0.22, h * 0.3);
  c.quadraticCurveTo(cx, h * 0.2, cx + w * 0.22, h * 0.3);
  c.lineTo(cx + w * 0.16, h * 0.72);
  c.quadraticCurveTo(cx, h * 0.76, cx - w * 0.16, h * 0.72);
  c.closePath();
  const body = c.createLinearGradient(0, h * 0.25, 0, h * 0.74);
  body.addColorStop(0, '#e0633c');
  body.addColorStop(0.6, '#ffb24d');
  body.addColorStop(1, '#fff1b8');
  c.fillStyle = body;
  c.fill();
  c.fillStyle = radial(c, cx, h * 0.72, w * 0.12, [
    [0, 'rgba(255,255,230,1)'],
    [1, 'rgba(255,230,150,0)'],
  ]);
  c.fillRect(0, 0, w, h);
}

function paintFlame(c: CanvasRenderingContext2D, w: number, h: number): void {
  c.fillStyle = radial(c, w / 2, h / 2, w / 2, [
    [0, 'rgba(255,255,235,1)'],
    [0.25, 'rgba(255,214,120,0.85)'],
    [0.6, 'rgba(255,160,70,0.25)'],
    [1, 'rgba(255,140,60,0)'],
  ]);
  c.fillRect(0, 0, w, h);
}

function paintStreak(c: CanvasRenderingContext2D, w: number, h: number): void {
  c.save();
  c.translate(w / 2, h / 2);
  c.scale(1, h / w);
  c.fillStyle = radial(c, 0, 0, w / 2, [
    [0, 'rgba(255,236,190,0.9)'],
    [1, 'rgba(255,220,160,0)'],
  ]);
  c.fillRect(-w / 2, -w / 2, w, w);
  c.restore();
}
