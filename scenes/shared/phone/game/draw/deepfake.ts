/**
 * The "friend" on a deepfake video call, drawn in code: a small, low-detail face scaled up
 * with smoothing and a blur, so it reads as a laggy, slightly wrong video (no photo of any
 * real person is used). The mouth is a separate sprite so it can move while "talking".
 */
import { offscreen, roundedRect } from './canvas.js';

/** The face is painted this small, then scaled up: the low resolution is the "fake" look. */
const SMALL = { width: 54, height: 70 } as const;
/** Where the mouth sits, as fractions of the painted region. */
export const MOUTH_AT = { x: 0.5, y: 0.585 } as const;

function paintSmallFace(ctx: CanvasRenderingContext2D): void {
  const { width: w, height: h } = SMALL;
  const room = ctx.createLinearGradient(0, 0, 0, h);
  room.addColorStop(0, '#4b5a7a');
  room.addColorStop(1, '#20273d');
  ctx.fillStyle = room;
  ctx.fillRect(0, 0, w, h);
  // A lamp glow behind, as in a bedroom video call.
  const lamp = ctx.createRadialGradient(w * 0.85, h * 0.15, 1, w * 0.85, h * 0.15, w * 0.5);
  lamp.addColorStop(0, 'rgba(255,214,150,0.7)');
  lamp.addColorStop(1, 'rgba(255,214,150,0)');
  ctx.fillStyle = lamp;
  ctx.fillRect(0, 0, w, h);
  // Shoulders and T-shirt.
  ctx.fillStyle = '#5aa9ff';
  ctx.beginPath();
  ctx.ellipse(w / 2, h * 1.02, w * 0.46, h * 0.26, 0, Math.PI, 0);
  ctx.fill();
  // Neck.
  ctx.fillStyle = '#c98f6e';
  ctx.fillRect(w * 0.42, h * 0.62, w * 0.16, h * 0.16);
  // Hair behind the face.
  ctx.fillStyle = '#2a1d1a';
  ctx.beginPath();
  ctx.ellipse(w / 2, h * 0.4, w * 0.27, h * 0.28, 0, 0, Math.PI * 2);
  ctx.fill();
  // Face.
  ctx.fillStyle = '#e2ad8b';
  ctx.beginPath();
  ctx.ellipse(w / 2, h * 0.47, w * 0.2, h * 0.22, 0, 0, Math.PI * 2);
  ctx.fill();
  // Fringe.
  ctx.fillStyle = '#2a1d1a';
  ctx.beginPath();
  ctx.ellipse(w * 0.46, h * 0.3, w * 0.22, h * 0.09, -0.2, 0, Math.PI * 2);
  ctx.fill();
  // Eyes and brows, slightly uneven: deepfakes often get the eyes wrong.
  ctx.fillStyle = '#1c1414';
  ctx.beginPath();
  ctx.ellipse(w * 0.42, h * 0.45, w * 0.028, h * 0.016, 0, 0, Math.PI * 2);
  ctx.ellipse(w * 0.585, h * 0.452, w * 0.028, h * 0.014, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillRect(w * 0.37, h * 0.405, w * 0.1, h * 0.012);
  ctx.fillRect(w * 0.54, h * 0.41, w * 0.1, h * 0.012);
  // Nose shadow.
  ctx.fillStyle = 'rgba(150,90,70,0.6)';
  ctx.fillRect(w * 0.49, h * 0.48, w * 0.03, h * 0.06);
}

/**
 * Paints the blurry face into `region` of `ctx` (already clipped by the caller).
 * @param blurPx the extra blur on top of the upscale, in screen pixels
 */
export function paintDeepfake(
  ctx: CanvasRenderingContext2D,
  region: { x: number; y: number; width: number; height: number },
  blurPx: number,
): void {
  const small = offscreen(SMALL.width, SMALL.height);
  paintSmallFace(small.ctx);
  ctx.save();
  // The face is drawn slightly larger than the region (so the blur has no halo): clip it.
  ctx.beginPath();
  ctx.rect(region.x, region.y, region.width, region.height);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.filter = `blur(${blurPx}px)`;
  // Cover the region, keeping the face's aspect ratio; overdraw the edges so the blur has no halo.
  const scale = Math.max(region.width / SMALL.width, region.height / SMALL.height) * 1.08;
  const width = SMALL.width * scale;
  const height = SMALL.height * scale;
  ctx.drawImage(
    small.canvas,
    region.x + (region.width - width) / 2,
    region.y + (region.height - height) / 2,
    width,
    height,
  );
  ctx.filter = 'none';
  // Compression blocks: faint squares that flicker in real low-bandwidth calls.
  ctx.globalAlpha = 0.06;
  const block = Math.max(8, region.width / 14);
  for (let y = region.y; y < region.y + region.height; y += block) {
    for (let x = region.x; x < region.x + region.width; x += block) {
      if ((Math.floor(x / block) + Math.floor(y / block)) % 3 === 0) {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(x, y, block, block);
      }
    }
  }
  ctx.restore();
  // Fade into the dark controls area below.
  const fade = ctx.createLinearGradient(0, region.y + region.height * 0.72, 0, region.y + region.height);
  fade.addColorStop(0, 'rgba(12,13,18,0)');
  fade.addColorStop(1, 'rgba(12,13,18,1)');
  ctx.fillStyle = fade;
  ctx.fillRect(region.x, region.y + region.height * 0.72, region.width, region.height * 0.28 + 1);
}

/** Where the mouth sprite goes for a face painted into `region`. */
export function mouthPoint(region: { x: number; y: number; width: number; height: number }): {
  x: number;
  y: number;
  width: number;
} {
  const scale = Math.max(region.width / SMALL.width, region.height / SMALL.height) * 1.08;
  const height = SMALL.height * scale;
  const top = region.y + (region.height - height) / 2;
  return {
    x: region.x + region.width * MOUTH_AT.x,
    y: top + height * MOUTH_AT.y,
    width: SMALL.width * scale * 0.16,
  };
}

/** The small self-view in the corner of a video call. */
export function paintSelfView(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  ctx.save();
  roundedRect(ctx, x, y, width, height, width * 0.14);
  ctx.clip();
  ctx.fillStyle = '#39415f';
  ctx.fillRect(x, y, width, height);
  ctx.fillStyle = '#7b86a8';
  ctx.beginPath();
  ctx.arc(x + width / 2, y + height * 0.42, width * 0.2, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(x + width / 2, y + height * 1.02, width * 0.42, height * 0.32, 0, Math.PI, 0);
  ctx.fill();
  ctx.restore();
  ctx.lineWidth = 2;
  ctx.strokeStyle = 'rgba(255,255,255,0.6)';
  roundedRect(ctx, x, y, width, height, width * 0.14);
  ctx.stroke();
}
