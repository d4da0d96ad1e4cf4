/** A random number in [0, 1), like Math.random. */
export type Rng = () => number;

/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence, for tests,
 * for reproducing a visitor's round from a logged seed, and for a 3D world that looks the
 * same on every kiosk. Pure; runs anywhere.
 */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
