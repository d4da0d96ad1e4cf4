/**
 * Paints the phone's screen for one mode (lock screen, SMS thread, chat app, second app,
 * browser, call, video call) into a canvas texture. Only shapes: every word on the phone is a DOM element
 * laid over these, at the rectangles `screenRegions` gives both sides.
 */
import { LAYOUT, screenRegions, type Rect, type ScreenMode } from '../../layout.js';
import { SCREEN_THEME } from '../tunables.js';
import { disc, roundedRect } from './canvas.js';
import { paintDeepfake, paintSelfView } from './deepfake.js';

/** The face region of a video call, as fractions of the screen. */
export const VIDEO_FACE = { top: 0, height: 0.58 } as const;

function statusIcons(ctx: CanvasRenderingContext2D, status: Rect, colour: string): void {
  const h = status.height;
  const right = status.x + status.width - h * 0.9;
  const mid = status.y + h * 0.55;
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  // Battery.
  const bw = h * 0.62;
  const bh = h * 0.32;
  ctx.lineWidth = Math.max(1.5, h * 0.05);
  roundedRect(ctx, right - bw, mid - bh / 2, bw, bh, bh * 0.3);
  ctx.stroke();
  roundedRect(ctx, right - bw + 3, mid - bh / 2 + 3, (bw - 6) * 0.72, bh - 6, bh * 0.2);
  ctx.fill();
  ctx.fillRect(right + 1, mid - bh * 0.2, h * 0.05, bh * 0.4);
  // Wi-Fi: three arcs.
  const wx = right - bw - h * 0.45;
  for (let i = 1; i <= 3; i++) {
    ctx.beginPath();
    ctx.arc(wx, mid + h * 0.18, h * 0.12 * i, Math.PI * 1.25, Math.PI * 1.75);
    ctx.stroke();
  }
  // Signal bars.
  const sx = wx - h * 0.95;
  for (let i = 0; i < 4; i++) {
    const barH = h * (0.12 + i * 0.07);
    ctx.fillRect(sx + i * h * 0.13, mid + h * 0.16 - barH, h * 0.08, barH);
  }
}

function island(ctx: CanvasRenderingContext2D, w: number, status: Rect): void {
  ctx.fillStyle = '#05060b';
  roundedRect(ctx, w * 0.36, status.y + status.height * 0.18, w * 0.28, status.height * 0.68, status.height);
  ctx.fill();
}

function inputBar(
  ctx: CanvasRenderingContext2D,
  footer: Rect,
  fill: string,
  border: string,
  accent: string,
): void {
  const h = footer.height;
  ctx.fillStyle = fill;
  ctx.fillRect(footer.x, footer.y, footer.width, h);
  const pillX = footer.x + h * 0.85;
  const pillW = footer.width - h * 1.9;
  roundedRect(ctx, pillX, footer.y + h * 0.2, pillW, h * 0.48, h * 0.24);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = border;
  ctx.stroke();
  // "+" on the left, send arrow on the right.
  ctx.strokeStyle = accent;
  ctx.lineWidth = Math.max(2, h * 0.05);
  const px = footer.x + h * 0.42;
  const py = footer.y + h * 0.44;
  ctx.beginPath();
  ctx.moveTo(px - h * 0.14, py);
  ctx.lineTo(px + h * 0.14, py);
  ctx.moveTo(px, py - h * 0.14);
  ctx.lineTo(px, py + h * 0.14);
  ctx.stroke();
  disc(ctx, footer.x + footer.width - h * 0.5, py, h * 0.22, accent);
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  const ax = footer.x + footer.width - h * 0.5;
  ctx.moveTo(ax - h * 0.09, py - h * 0.1);
  ctx.lineTo(ax + h * 0.12, py);
  ctx.lineTo(ax - h * 0.09, py + h * 0.1);
  ctx.closePath();
  ctx.fill();
}

function callButtons(ctx: CanvasRenderingContext2D, footer: Rect, w: number): void {
  const y = footer.y + footer.height * 0.45;
  const r = w * 0.085;
  disc(ctx, w * 0.22, y, r, 'rgba(255,255,255,0.16)');
  disc(ctx, w * 0.78, y, r, 'rgba(255,255,255,0.16)');
  disc(ctx, w * 0.5, y, r * 1.15, '#ff3b4e');
  // The hang-up handset: a thick arc with round ends.
  ctx.strokeStyle = '#ffffff';
  ctx.lineCap = 'round';
  ctx.lineWidth = r * 0.32;
  ctx.beginPath();
  ctx.arc(w * 0.5, y + r * 0.55, r * 0.62, Math.PI * 1.2, Math.PI * 1.8);
  ctx.stroke();
  // Keypad (a 3×3 grid of dots) and speaker (a cone): simple marks, decorative only.
  for (let row = -1; row <= 1; row++) {
    for (let col = -1; col <= 1; col++)
      disc(ctx, w * 0.22 + col * r * 0.3, y + row * r * 0.3, r * 0.08, '#ffffff');
  }
  ctx.lineWidth = r * 0.14;
  ctx.beginPath();
  ctx.moveTo(w * 0.78 - r * 0.35, y - r * 0.15);
  ctx.lineTo(w * 0.78 - r * 0.1, y - r * 0.15);
  ctx.lineTo(w * 0.78 + r * 0.2, y - r * 0.42);
  ctx.lineTo(w * 0.78 + r * 0.2, y + r * 0.42);
  ctx.lineTo(w * 0.78 - r * 0.1, y + r * 0.15);
  ctx.lineTo(w * 0.78 - r * 0.35, y + r * 0.15);
  ctx.closePath();
  ctx.stroke();
  ctx.lineCap = 'butt';
}

function paintThread(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  mode: 'sms' | 'chat' | 'app',
): void {
  const theme = SCREEN_THEME[mode];
  const regions = screenRegions({ x: 0, y: 0, width: w, height: h }, mode);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, w, h);
  const app = mode === 'chat' || mode === 'app';
  if (app) {
    // A faint doodle wallpaper, as chat apps have.
    ctx.fillStyle = mode === 'chat' ? 'rgba(31,111,255,0.07)' : 'rgba(108,63,209,0.08)';
    const step = w / 7;
    for (let y = regions.log.y; y < regions.footer.y; y += step) {
      for (let x = (y / step) % 2 === 0 ? 0 : step / 2; x < w; x += step) {
        ctx.beginPath();
        ctx.arc(x, y, step * 0.12, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    const header = ctx.createLinearGradient(0, 0, w, 0);
    header.addColorStop(0, mode === 'chat' ? '#1f6fff' : '#5b2fc4');
    header.addColorStop(1, mode === 'chat' ? '#4b8dff' : '#8a5cf0');
    ctx.fillStyle = header;
    ctx.fillRect(0, 0, w, regions.header.y + regions.header.height);
  } else {
    ctx.fillStyle = theme.header;
    ctx.fillRect(0, 0, w, regions.header.y + regions.header.height);
  }
  ctx.fillStyle = theme.divider;
  ctx.fillRect(0, regions.header.y + regions.header.height - 1.5, w, 1.5);
  // Back chevron.
  const hy = regions.header.y + regions.header.height / 2;
  ctx.strokeStyle = app ? '#ffffff' : theme.accent;
  ctx.lineWidth = Math.max(2.5, w * 0.009);
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(w * 0.055, hy - w * 0.03);
  ctx.lineTo(w * 0.03, hy);
  ctx.lineTo(w * 0.055, hy + w * 0.03);
  ctx.stroke();
  ctx.lineCap = 'butt';
  // Avatar backdrop (the emoji is a DOM image on top).
  disc(ctx, regions.portrait.x, regions.portrait.y, regions.portrait.radius, app ? '#ffffff' : '#d5dbea');
  if (app) {
    // A video-call icon and a menu, as chat apps show (decorative: choices are beside the phone).
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = Math.max(2, w * 0.007);
    roundedRect(ctx, w * 0.74, hy - w * 0.025, w * 0.06, w * 0.05, w * 0.01);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(w * 0.8, hy);
    ctx.lineTo(w * 0.825, hy - w * 0.02);
    ctx.lineTo(w * 0.825, hy + w * 0.02);
    ctx.closePath();
    ctx.stroke();
    for (let i = -1; i <= 1; i++) disc(ctx, w * 0.9, hy + i * w * 0.022, w * 0.008, '#ffffff');
  }
  inputBar(ctx, regions.footer, app ? '#ffffff' : theme.header, theme.divider, theme.accent);
  statusIcons(ctx, regions.status, theme.status);
  island(ctx, w, regions.status);
}

/** A browser: the address bar's field (the DOM writes the address in it), the page, a toolbar. */
function paintBrowser(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  const theme = SCREEN_THEME.browser;
  const regions = screenRegions({ x: 0, y: 0, width: w, height: h }, 'browser');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, w, h);
  const bar = regions.header;
  ctx.fillStyle = theme.header;
  ctx.fillRect(0, 0, w, bar.y + bar.height);
  ctx.fillStyle = theme.divider;
  ctx.fillRect(0, bar.y + bar.height - 1.5, w, 1.5);
  roundedRect(ctx, w * 0.035, bar.y + bar.height * 0.1, w * 0.93, bar.height * 0.8, w * 0.04);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = theme.divider;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  // Toolbar: back, forward, share, tabs, as simple marks.
  const footer = regions.footer;
  ctx.fillStyle = theme.header;
  ctx.fillRect(0, footer.y, w, footer.height);
  ctx.strokeStyle = theme.accent;
  ctx.lineWidth = Math.max(2, w * 0.008);
  ctx.lineCap = 'round';
  const y = footer.y + footer.height * 0.42;
  const s = footer.height * 0.16;
  ctx.beginPath();
  ctx.moveTo(w * 0.14 + s / 2, y - s);
  ctx.lineTo(w * 0.14 - s / 2, y);
  ctx.lineTo(w * 0.14 + s / 2, y + s);
  ctx.moveTo(w * 0.32 - s / 2, y - s);
  ctx.lineTo(w * 0.32 + s / 2, y);
  ctx.lineTo(w * 0.32 - s / 2, y + s);
  ctx.stroke();
  roundedRect(ctx, w * 0.66 - s, y - s, 2 * s, 2 * s, s * 0.3);
  ctx.stroke();
  roundedRect(ctx, w * 0.84 - s, y - s, 2 * s, 2 * s, s * 0.3);
  ctx.stroke();
  ctx.lineCap = 'butt';
  statusIcons(ctx, regions.status, theme.status);
  island(ctx, w, regions.status);
}

function paintCall(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  const regions = screenRegions({ x: 0, y: 0, width: w, height: h }, 'call');
  const bg = ctx.createLinearGradient(0, 0, 0, h);
  bg.addColorStop(0, '#3a3f86');
  bg.addColorStop(0.55, '#1a1f4d');
  bg.addColorStop(1, '#0b0f27');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, w, h);
  const { x, y, radius } = regions.portrait;
  disc(ctx, x, y, radius * 1.08, 'rgba(255,255,255,0.12)');
  disc(ctx, x, y, radius, '#cfd6ee');
  callButtons(ctx, regions.footer, w);
  statusIcons(ctx, regions.status, '#ffffff');
  island(ctx, w, regions.status);
}

function paintVideo(ctx: CanvasRenderingContext2D, w: number, h: number, blurPx: number): void {
  const regions = screenRegions({ x: 0, y: 0, width: w, height: h }, 'video');
  ctx.fillStyle = SCREEN_THEME.video.background;
  ctx.fillRect(0, 0, w, h);
  paintDeepfake(ctx, { x: 0, y: h * VIDEO_FACE.top, width: w, height: h * VIDEO_FACE.height }, blurPx);
  paintSelfView(ctx, w * 0.68, regions.status.y + regions.status.height + w * 0.22, w * 0.26, w * 0.36);
  callButtons(ctx, regions.footer, w);
  statusIcons(ctx, regions.status, '#ffffff');
  island(ctx, w, regions.status);
}

function paintLock(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  const regions = screenRegions({ x: 0, y: 0, width: w, height: h }, 'lock');
  const bg = ctx.createLinearGradient(0, 0, w * 0.4, h);
  bg.addColorStop(0, '#ff8a5b');
  bg.addColorStop(0.35, '#c2417a');
  bg.addColorStop(0.75, '#2c3a7a');
  bg.addColorStop(1, '#141b3d');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, w, h);
  // Soft bokeh circles.
  const blobs: [number, number, number, string][] = [
    [0.2, 0.62, 0.32, 'rgba(255,201,77,0.18)'],
    [0.85, 0.42, 0.26, 'rgba(62,224,181,0.16)'],
    [0.55, 0.9, 0.4, 'rgba(90,169,255,0.16)'],
  ];
  for (const [bx, by, br, colour] of blobs) disc(ctx, w * bx, h * by, w * br, colour);
  // Torch and camera shortcuts.
  const r = w * 0.07;
  disc(ctx, w * 0.18, h - w * 0.2, r, 'rgba(255,255,255,0.2)');
  disc(ctx, w * 0.82, h - w * 0.2, r, 'rgba(255,255,255,0.2)');
  // Home indicator.
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  roundedRect(ctx, w * 0.33, h - w * 0.045, w * 0.34, w * 0.013, w);
  ctx.fill();
  statusIcons(ctx, regions.status, '#ffffff');
  island(ctx, w, regions.status);
}

/**
 * Paints the whole screen for `mode` onto `ctx` (sized `width` × `height`), clipped to the
 * screen's rounded corners.
 * @param phoneWidth the phone body's width, which sets the corner radius
 */
export function paintScreen(
  ctx: CanvasRenderingContext2D,
  mode: ScreenMode,
  width: number,
  height: number,
  phoneWidth: number,
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  roundedRect(ctx, 0, 0, width, height, phoneWidth * LAYOUT.screenRadius);
  ctx.clip();
  switch (mode) {
    case 'sms':
    case 'chat':
    case 'app':
      paintThread(ctx, width, height, mode);
      break;
    case 'browser':
      paintBrowser(ctx, width, height);
      break;
    case 'call':
      paintCall(ctx, width, height);
      break;
    case 'video':
      paintVideo(ctx, width, height, Math.max(2, width * 0.012));
      break;
    case 'lock':
      paintLock(ctx, width, height);
      break;
  }
  ctx.restore();
}
