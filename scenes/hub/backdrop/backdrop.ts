/**
 * The pre-rendered backdrop of the hub world: Hồ Gươm by night, painted once per screen size
 * with Canvas 2D at the screen's full device resolution, and shown as a plain canvas under the
 * WebGL layer. A static image costs the page nothing per frame, so it stays sharp on kiosks
 * without a GPU, where a full-screen textured quad in WebGL alone costs about a third of the
 * frame rate (measured with bench/world.bench.ts's bare page). Runs in the renderer.
 */
import { seededRng } from '../../shared/seeded-rng.js';
import type { WorldLayout } from '../world-layout.js';
import { mirror, paintLotusCorners, paintMoonPath, paintRipples, paintWater, type Box } from './lake.js';
import { paintBridge, paintPenTower, paintTemple, paintTurtleTower } from './landmarks.js';
import type { Canvas2D } from './palette.js';
import { paintSkyline } from './skyline.js';
import { paintMoon, paintSky, paintStars } from './sky.js';

type Painter = (canvas: Canvas2D) => void;

interface Landmark {
  paint: Painter;
  water: (layout: WorldLayout) => number;
  /** The part of the screen it covers (its glow included), as fractions. */
  box: (layout: WorldLayout, w: number, h: number) => Box;
}

/** A box around a landmark standing at `x` on `water`, `up` high, `side` wide each way (CSS px). */
const around = (x: number, water: number, up: number, side: number): Box => ({
  x: x - side,
  y: water - up,
  width: side * 2,
  height: up + 4,
});

/** Far to near, so nearer landmarks cover farther ones. */
const LANDMARKS: readonly Landmark[] = [
  {
    paint: paintTurtleTower,
    water: (l) => l.landmarks.tower.water,
    box: (l, w, h) => {
      const t = l.landmarks.tower.height * h;
      return around(l.landmarks.tower.x * w, l.landmarks.tower.water * h, t * 1.45, t * 0.95);
    },
  },
  {
    paint: paintTemple,
    water: (l) => l.landmarks.temple.water,
    box: (l, w, h) => {
      const t = l.landmarks.temple.height * h;
      return around(l.landmarks.temple.x * w, l.landmarks.temple.water * h, t * 1.6, t * 1.75);
    },
  },
  {
    paint: paintBridge,
    water: (l) => l.landmarks.bridge.water,
    box: (l, w, h) => {
      const { x0, x1, water, rise } = l.landmarks.bridge;
      return {
        x: x0 * w - 20,
        y: (water - rise * 2.2) * h,
        width: (x1 - x0) * w + 40,
        height: rise * 2.2 * h + 4,
      };
    },
  },
  {
    paint: paintPenTower,
    water: (l) => l.landmarks.pen.water,
    box: (l, w, h) => {
      const t = l.landmarks.pen.height * h;
      return around(l.landmarks.pen.x * w, l.landmarks.pen.water * h, t * 1.15, t * 0.65);
    },
  },
];

/** The same seed on every kiosk: the same stars, windows and ripples everywhere. */
const SEED = 1428;

let cached: { key: string; canvas: HTMLCanvasElement } | null = null;

function context(canvas: HTMLCanvasElement, software = false): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: software });
  if (!ctx) throw new Error('Canvas 2D is unavailable');
  return ctx;
}

/** A transparent canvas holding `box` of the screen; its context draws in screen CSS px. */
function layerFor(
  box: Box,
  dpr: number,
  software = false,
): { canvas: HTMLCanvasElement; c: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(box.width * dpr));
  canvas.height = Math.max(1, Math.ceil(box.height * dpr));
  const c = context(canvas, software);
  c.scale(dpr, dpr);
  c.translate(-box.x, -box.y);
  return { canvas, c };
}

/** Paints the whole scene for a `width`×`height` CSS px screen at `dpr` device px per CSS px. */
export function paintBackdrop(
  width: number,
  height: number,
  dpr: number,
  layout: WorldLayout,
): HTMLCanvasElement {
  const w = width;
  const h = height;
  const screen = layerFor({ x: 0, y: 0, width: w, height: h }, dpr, true);
  const c = screen.c;
  const random = seededRng(SEED);
  const horizon = layout.horizon * h;

  const scene: Canvas2D = { c, w, h, layout, random };
  paintSky(scene);
  paintStars(scene);
  paintMoon(scene);
  // The old quarter is painted on its own band so the water can mirror it.
  const band: Box = {
    x: 0,
    y: horizon - layout.skylineHeight * h * 1.6,
    width: w,
    height: layout.skylineHeight * h * 1.6 + 4,
  };
  const skyline = layerFor(band, dpr);
  paintSkyline({ ...scene, c: skyline.c });
  paintWater(scene);
  mirror(c, skyline.canvas, band, horizon, 0.42);
  c.drawImage(skyline.canvas, band.x, band.y, band.width, band.height);

  // Each landmark is mirrored about its own water line, then painted over its reflection.
  const painted = LANDMARKS.map((landmark) => {
    const box = landmark.box(layout, w, h);
    const layer = layerFor(box, dpr);
    landmark.paint({ ...scene, c: layer.c });
    mirror(c, layer.canvas, box, landmark.water(layout) * h, 0.38);
    return { box, canvas: layer.canvas };
  });
  paintMoonPath(scene);
  paintRipples(scene);
  for (const { box, canvas } of painted) c.drawImage(canvas, box.x, box.y, box.width, box.height);
  paintLotusCorners(scene);
  return screen.canvas;
}

/**
 * The backdrop for this screen, painted at most once per size and handed from one visitor's
 * world to the next (only one world shows at a time), so a new world costs no painting.
 */
export function backdropFor(
  width: number,
  height: number,
  dpr: number,
  layout: WorldLayout,
): HTMLCanvasElement {
  const key = `${width}x${height}@${dpr}/${layout.orientation}`;
  if (cached?.key !== key) {
    const canvas = paintBackdrop(width, height, dpr, layout);
    canvas.className = 'world-backdrop';
    canvas.setAttribute('aria-hidden', 'true');
    cached = { key, canvas };
  }
  return cached.canvas;
}
