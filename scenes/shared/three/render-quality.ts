/**
 * Picks and adapts the hub's rendering quality so the world stays smooth on kiosks without
 * a real GPU (software WebGL such as SwiftShader or llvmpipe), where every shaded pixel costs
 * CPU time the page's touch handling also needs. Runs in the renderer.
 *
 * It trades detail before sharpness: when frames are slow it first thins the live layer
 * (fewer lanterns, no shimmer), and only then lowers the live layer's resolution, never below
 * its floor. When frames are fast again it gives sharpness back first, then detail.
 * On software WebGL the floor is full resolution: there a frame's cost is mostly the
 * compositor redrawing the live layer's box, whatever its resolution (measured: hiding the
 * full-screen live canvas took the attract loop from about 20 to 50 fps, while its few
 * sprites cost little), so a blurrier layer would save little.
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
  /** Average frame time above which quality steps down (below 40 fps). */
  slowFrameMs: 1000 / 40,
  /** Average frame time below which quality steps back up (above 52 fps). */
  fastFrameMs: 1000 / 52,
  /** Frames averaged before each decision. */
  windowFrames: 45,
  /** Fast windows in a row needed before stepping up (so load spikes do not make it flicker). */
  fastWindowsToRecover: 3,
  step: 0.8,
  /** The lowest resolution of the live layer on a GPU; the backdrop is always full resolution. */
  minPixelRatio: 0.7,
  /** Software WebGL starts sharp: the world is built to be cheap at full resolution. */
  softwarePixelRatio: 1,
  /** Detail levels of the live layer: 0 (fewest moving things) to maxDetail. */
  maxDetail: 3,
} as const;

/**
 * Dynamic quality: averages frame times over a window and moves one step per window,
 * detail first on the way down, resolution first on the way up.
 */
export class QualityGovernor {
  private total = 0;
  private count = 0;
  private fastWindows = 0;
  private level: number = QUALITY.maxDetail;
  private readonly initialPixelRatio: number;

  /**
   * @param pixelRatio where to start
   * @param floor the lowest pixel ratio it may choose (software WebGL: the starting one)
   */
  constructor(
    public pixelRatio: number,
    private readonly floor: number = QUALITY.minPixelRatio,
  ) {
    this.initialPixelRatio = pixelRatio;
  }

  /** The live layer's detail level, 0..QUALITY.maxDetail. */
  get detail(): number {
    return this.level;
  }

  /** Feeds one frame's duration; returns the new pixel ratio when it changed, else null. */
  sample(frameMs: number): number | null {
    this.total += frameMs;
    this.count += 1;
    if (this.count < QUALITY.windowFrames) return null;
    const average = this.total / this.count;
    this.total = 0;
    this.count = 0;
    if (average > QUALITY.slowFrameMs) {
      this.fastWindows = 0;
      return this.stepDown();
    }
    this.fastWindows = average < QUALITY.fastFrameMs ? this.fastWindows + 1 : 0;
    if (this.fastWindows < QUALITY.fastWindowsToRecover) return null;
    this.fastWindows = 0;
    return this.stepUp();
  }

  private stepDown(): number | null {
    if (this.level > 0) {
      this.level -= 1;
      return null;
    }
    if (this.pixelRatio <= this.floor) return null;
    this.pixelRatio = Math.max(this.floor, this.pixelRatio * QUALITY.step);
    return this.pixelRatio;
  }

  private stepUp(): number | null {
    if (this.pixelRatio < this.initialPixelRatio) {
      this.pixelRatio = Math.min(this.initialPixelRatio, this.pixelRatio / QUALITY.step);
      return this.pixelRatio;
    }
    if (this.level < QUALITY.maxDetail) this.level += 1;
    return null;
  }
}
