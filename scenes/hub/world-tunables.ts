/** Named constants for the hub world's look and motion. */
export const WORLD = {
  islandRadius: 6,
  islandHeight: 1.1,
  beaconRadius: 4.6,
  starCount: 700,
  packetCount: 36,
  attractCamera: { distance: 19, height: 8.5, orbitSpeed: 0.09 },
  hubCamera: { distance: 15, height: 6.5, orbitSpeed: 0.03 },
  /** Seconds for the camera to settle after a mode change. */
  cameraEase: 1.2,
  maxPixelRatio: 1.5,
} as const;

/** The palette as three.js colours (matches renderer/styles/tokens.css). */
export const WORLD_COLOURS = {
  navy: 0x141b3d,
  navyDeep: 0x0b1026,
  rock: 0x2c2a5a,
  grass: 0x2fbf98,
  grassLight: 0x3ee0b5,
  coral: 0xff6b5b,
  sun: 0xffc94d,
  sky: 0x5aa9ff,
  ink: 0xf5f7ff,
} as const;
