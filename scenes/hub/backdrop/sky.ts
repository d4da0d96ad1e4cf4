/**
 * The night sky over Hồ Gươm: a deep navy that warms towards the city's glow at the
 * horizon, stars, and the moon. Canvas 2D, painted once per screen size. Runs in the renderer.
 */
import { PAINT, type Canvas2D } from './palette.js';

/** Fills everything above the horizon. */
export function paintSky({ c, w, h, layout }: Canvas2D): void {
  const horizon = layout.horizon * h;
  const sky = c.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, PAINT.skyTop);
  sky.addColorStop(0.55, PAINT.skyMid);
  sky.addColorStop(0.85, PAINT.skyLow);
  sky.addColorStop(1, PAINT.skyGlow);
  c.fillStyle = sky;
  c.fillRect(0, 0, w, horizon + 1);
  // The old quarter's warm glow, strongest behind the tower and the bridge.
  const glow = c.createRadialGradient(w * 0.45, horizon, 0, w * 0.45, horizon, Math.max(w, h) * 0.55);
  glow.addColorStop(0, 'rgba(255, 120, 110, 0.32)');
  glow.addColorStop(0.45, 'rgba(255, 107, 91, 0.1)');
  glow.addColorStop(1, 'rgba(255, 107, 91, 0)');
  c.fillStyle = glow;
  c.fillRect(0, 0, w, horizon + 1);
}

/** Stars, denser and brighter high up, fading into the glow near the horizon. */
export function paintStars({ c, w, h, layout, random }: Canvas2D): void {
  const horizon = layout.horizon * h;
  const unit = Math.min(w, h) / 1000;
  const count = Math.round((w * horizon) / 5200);
  for (let i = 0; i < count; i++) {
    const x = random() * w;
    const y = Math.pow(random(), 1.6) * horizon * 0.85;
    const height = 1 - y / horizon;
    const r = (0.5 + random() * random() * 1.6) * unit;
    c.globalAlpha = (0.25 + random() * 0.75) * height;
    c.fillStyle = random() < 0.12 ? PAINT.starWarm : PAINT.star;
    c.beginPath();
    c.arc(x, y, r, 0, Math.PI * 2);
    c.fill();
  }
  c.globalAlpha = 1;
}

/** The moon with its halo. */
export function paintMoon({ c, w, h, layout }: Canvas2D): void {
  const { moon } = layout.landmarks;
  const x = moon.x * w;
  const y = moon.y * h;
  const r = moon.radius * h;
  const halo = c.createRadialGradient(x, y, r * 0.8, x, y, r * 5);
  halo.addColorStop(0, 'rgba(255, 236, 190, 0.28)');
  halo.addColorStop(1, 'rgba(255, 236, 190, 0)');
  c.fillStyle = halo;
  c.fillRect(x - r * 5, y - r * 5, r * 10, r * 10);
  const disc = c.createRadialGradient(x - r * 0.3, y - r * 0.3, r * 0.1, x, y, r);
  disc.addColorStop(0, '#fffbea');
  disc.addColorStop(1, '#ffe3a3');
  c.fillStyle = disc;
  c.beginPath();
  c.arc(x, y, r, 0, Math.PI * 2);
  c.fill();
  // A few soft maria, so it reads as the moon and not a lamp.
  c.fillStyle = 'rgba(214, 180, 120, 0.35)';
  for (const [dx, dy, s] of [
    [-0.25, -0.15, 0.28],
    [0.2, 0.25, 0.22],
    [0.3, -0.3, 0.14],
  ] as const) {
    c.beginPath();
    c.arc(x + dx * r, y + dy * r, s * r, 0, Math.PI * 2);
    c.fill();
  }
}
