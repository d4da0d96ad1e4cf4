/**
 * Picks and adapts the hub's rendering quality so the world stays smooth on kiosks without
 * a real GPU (software WebGL such as SwiftShader or llvmpipe), where full-resolution,
 * antialiased rendering would also starve the page's touch handling. Runs in the renderer.
 */

/** True when WebGL is provided by a CPU rasteriser. */
export function isSoftwareRenderer(rendererName: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(rendererName);
}

/** Asks a throwaway WebGL context which renderer the browser would use. */
export function probeRendererName(): string {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return 'none';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export const QUALITY = {
  /** Frame time above which the resolution steps down. */
  slowFrameMs: 1000 / 40,
  /** Frames averaged before each decision. */
  windowFrames: 45,
  step: 0.8,
  minPixelRatio: 0.35,
  softwarePixelRatio: 0.5,
} as const;

/**
 * Dynamic resolution: averages frame times and steps the pixel ratio down while frames are
 * slow. It never steps back up within one world (the world is rebuilt for every visitor).
 */
export class QualityGovernor {
  private total = 0;
  private count = 0;

  constructor(public pixelRatio: number) {}

  /** Feeds one frame's duration; returns the new pixel ratio when it changed, else null. */
  sample(frameMs: number): number | null {
    this.total += frameMs;
    this.count += 1;
    if (this.count < QUALITY.windowFrames) return null;
    const average = this.total / this.count;
    this.total = 0;
    this.count = 0;
    if (average <= QUALITY.slowFrameMs || this.pixelRatio <= QUALITY.minPixelRatio) return null;
    this.pixelRatio = Math.max(QUALITY.minPixelRatio, this.pixelRatio * QUALITY.step);
    return this.pixelRatio;
  }
}
