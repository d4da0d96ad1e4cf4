/** Small textures that do not depend on the layout: a particle and the deepfake's mouth. */

/** A soft white dot; tinted per burst. */
export function paintSpark(ctx: CanvasRenderingContext2D, size: number): void {
  const r = size / 2;
  const gradient = ctx.createRadialGradient(r, r, 0, r, r, r);
  gradient.addColorStop(0, 'rgba(255,255,255,1)');
  gradient.addColorStop(0.45, 'rgba(255,255,255,0.85)');
  gradient.addColorStop(1, 'rgba(255,255,255,0)');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, size, size);
}

/** A blurry dark mouth, stretched vertically while the fake friend "talks". */
export function paintMouth(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.clearRect(0, 0, width, height);
  ctx.filter = `blur(${Math.max(1, height * 0.12)}px)`;
  ctx.fillStyle = 'rgba(90,30,35,0.9)';
  ctx.beginPath();
  ctx.ellipse(width / 2, height / 2, width * 0.32, height * 0.22, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.filter = 'none';
}
