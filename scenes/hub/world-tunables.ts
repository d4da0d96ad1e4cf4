/** Named constants for the hub world's live layer. */
export const WORLD = {
  /** Highest pixel ratio of the live layer on a real GPU. */
  maxPixelRatio: 1.5,
  /** Sprites one frame may draw: 5 per beacon (4 stations) plus the lanterns and shimmer. */
  spriteCapacity: 64,
  /** Same lanterns on every kiosk. */
  lanternSeed: 2026,
  /** Seconds for the lanterns to fade out (and back in) when the mode changes. */
  lakeFadeSeconds: 0.35,
} as const;
