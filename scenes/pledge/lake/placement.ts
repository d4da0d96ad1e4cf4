/**
 * Where each lantern floats on the lake. Lanterns drift out as new ones arrive: the newest
 * float near the shore, older ones further out, and the oldest crowd the horizon, so the
 * picture has room for 100,000 and every new visitor's lantern lands in front. A lantern's
 * sideways place comes from a hash of its number and the colours from the journal's counts
 * (lanternColours), so the lake looks the same after a restart. Pure maths (no DOM): tests
 * and the bake share it.
 */

export interface LakeGeometry {
  width: number;
  height: number;
  /** Rows of the horizon and of the shore line, CSS px. */
  horizon: number;
  shore: number;
}

export interface Placement {
  x: number;
  y: number;
  /** Glow radius, CSS px. */
  radius: number;
  /** 0..1: how bright (far lanterns are dimmer). */
  brightness: number;
}

/** Where the horizon and the shore are for a screen (the sky above, the near bank below). */
export function lakeGeometry(width: number, height: number): LakeGeometry {
  const portrait = height > width;
  return { width, height, horizon: height * (portrait ? 0.42 : 0.4), shore: height * 0.9 };
}

/** A well-mixed 32-bit hash of an integer (for stable pseudo-random placement). */
export function hash(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const unit = (n: number): number => hash(n) / 0x1_0000_0000;

/** The age a lantern needs to reach the horizon (older ones stay there, packed). */
const HORIZON_AGE = 150_000;

/**
 * The place of the lantern that is `age` lanterns old (0 = the newest) with number `index`.
 * Depth follows the log of the age: each tenfold older lantern is a step further out.
 */
export function placeLantern(index: number, age: number, lake: LakeGeometry): Placement {
  const depth = Math.min(1, Math.log10(1 + age) / Math.log10(1 + HORIZON_AGE));
  // 1 at the shore, 0 at the horizon, with a little scatter so rows do not show.
  const near = Math.max(0, Math.min(1, 1 - depth + (unit(index * 3 + 1) - 0.5) * 0.06));
  const perspective = near * near;
  const y = lake.horizon + (lake.shore - lake.horizon) * (0.02 + 0.9 * perspective);
  // Near lanterns spread over the whole width; far ones over the horizon's width too.
  const x = lake.width * (0.02 + 0.96 * unit(index * 3 + 2));
  return {
    x,
    y,
    radius: 1.2 + 16 * perspective,
    brightness: 0.35 + 0.65 * near,
  };
}

/** What the lake knows about its lanterns' colours (palette indexes). */
export interface LanternColourCounts {
  /** Lanterns in all, the visitor's included. */
  count: number;
  /**
   * Lanterns of each palette colour among them, from the journal's tallies (the visitor's
   * included). Lanterns beyond their sum (pledges recorded before colours were) take a
   * colour from their number.
   */
  perColour: readonly number[];
  /** The visitor's palette colour and how many of the newest lanterns are the visitor's. */
  visitor: { colour: number; lanterns: number } | null;
}

/**
 * The palette index of every lantern, oldest first: exactly `perColour[k]` lanterns of colour
 * k, the visitor's lanterns the newest, the others mixed by a fixed shuffle, so the same
 * counts give the same lake after a restart (the journal keeps counts, not an order).
 */
export function lanternColours(counts: LanternColourCounts, palette: number): Uint8Array {
  const total = Math.max(0, Math.floor(counts.count));
  const colours = new Uint8Array(total);
  const size = Math.max(1, Math.min(256, palette));
  const left = counts.perColour.slice(0, size).map((n) => Math.max(0, Math.floor(n)));
  const mine = Math.min(total, Math.max(0, counts.visitor?.lanterns ?? 0));
  const visitorColour = Math.min(size - 1, Math.max(0, counts.visitor?.colour ?? 0));
  for (let i = total - mine; i < total; i++) colours[i] = visitorColour;
  // The visitor's lanterns are part of the counts: the older ones share what remains.
  left[visitorColour] = Math.max(0, (left[visitorColour] ?? 0) - mine);
  const older = total - mine;
  let at = 0;
  for (let colour = 0; colour < left.length && at < older; colour++) {
    const end = Math.min(older, at + (left[colour] ?? 0));
    colours.fill(colour, at, end);
    at = end;
  }
  for (let i = at; i < older; i++) colours[i] = hash(i * 3 + 3) % size;
  for (let i = older - 1; i > 0; i--) {
    const j = hash(i * 7 + 11) % (i + 1);
    const swap = colours[i] ?? 0;
    colours[i] = colours[j] ?? 0;
    colours[j] = swap;
  }
  return colours;
}
