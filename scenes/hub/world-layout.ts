/**
 * The composition of the hub world ("Hồ Gươm by night"), as data: where the horizon, the
 * landmarks, the station beacons and the zones of moving lanterns sit on screen, for each
 * orientation, each mode and 1–4 stations. Positions are fractions of the viewport (0..1,
 * y down), so the painted backdrop, the live layer and the DOM labels agree by construction.
 *
 * The rules it encodes: moving things (lanterns, beacons) live only in zones that no text
 * covers (the attract screen's text sits in the sky above the skyline and over the near water;
 * the hub's heading in the sky, its labels under their beacons), and all of them within one
 * band of the screen around the horizon, because on software WebGL the frame's cost is the
 * area the live layer repaints. Pure; runs anywhere.
 */

export type Orientation = 'landscape' | 'portrait';
export type WorldMode = 'attract' | 'hub';

/** A rectangle in viewport fractions (x0 < x1, y0 < y1, y grows downwards). */
export interface Zone {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a station beacon floats and where its label goes (always below it). */
export interface BeaconSlot {
  /** Centre of the lantern's water line. */
  x: number;
  y: number;
  /** Widest the label may be, as a fraction of the viewport width. */
  labelWidth: number;
}

export interface Landmarks {
  /** Tháp Rùa (Turtle Tower) on its islet: centre, water line and height (fraction of height). */
  tower: { x: number; water: number; height: number };
  /** Cầu Thê Húc, side-on: from x0 to x1 at the water line, with the arch's rise. */
  bridge: { x0: number; x1: number; water: number; rise: number };
  /** Đền Ngọc Sơn on its islet at the bridge's far end. */
  temple: { x: number; water: number; height: number };
  /** Tháp Bút (Pen Tower) on the shore at the bridge's near end. */
  pen: { x: number; water: number; height: number };
  moon: { x: number; y: number; radius: number };
}

export interface ModeZones {
  /** Bands of water where flower lanterns drift. */
  water: readonly Zone[];
  /** Parts of the sky where sky lanterns rise. */
  sky: readonly Zone[];
}

export interface WorldLayout {
  orientation: Orientation;
  /** The far shore's water line, fraction of the height. */
  horizon: number;
  /** Tallest rooftop of the old quarter above the horizon, fraction of the height. */
  skylineHeight: number;
  landmarks: Landmarks;
  zones: Record<WorldMode, ModeZones>;
  /** One slot per station, in registry order. */
  beacons: readonly BeaconSlot[];
  /** A beacon's height (lotus lantern and halo) as a fraction of the viewport's shorter side. */
  beaconSize: number;
}

/** The most stations the composition has room for. */
export const MAX_STATIONS = 4;

const LANDSCAPE_SLOTS: readonly (readonly [number, number][])[] = [
  [[0.5, 0.645]],
  [
    [0.33, 0.645],
    [0.67, 0.645],
  ],
  [
    [0.2, 0.645],
    [0.5, 0.645],
    [0.8, 0.645],
  ],
  [
    [0.135, 0.645],
    [0.378, 0.645],
    [0.622, 0.645],
    [0.865, 0.645],
  ],
];

/** Portrait: two per row, so a label is never narrower than ~44% of the width. */
const PORTRAIT_SLOTS: readonly (readonly [number, number][])[] = [
  [[0.5, 0.62]],
  [
    [0.27, 0.62],
    [0.73, 0.62],
  ],
  // The first row sits higher, so the light rising from the third beacon stays below its labels.
  [
    [0.27, 0.55],
    [0.73, 0.55],
    [0.5, 0.78],
  ],
  [
    [0.27, 0.58],
    [0.73, 0.58],
    [0.27, 0.78],
    [0.73, 0.78],
  ],
];

const LANDSCAPE: Omit<WorldLayout, 'beacons'> = {
  orientation: 'landscape',
  horizon: 0.5,
  skylineHeight: 0.13,
  landmarks: {
    tower: { x: 0.66, water: 0.555, height: 0.16 },
    bridge: { x0: -0.01, x1: 0.2, water: 0.575, rise: 0.045 },
    temple: { x: 0.245, water: 0.562, height: 0.075 },
    pen: { x: 0.035, water: 0.578, height: 0.11 },
    moon: { x: 0.87, y: 0.23, radius: 0.034 },
  },
  zones: {
    attract: {
      water: [{ x0: 0.02, y0: 0.515, x1: 0.98, y1: 0.64 }],
      sky: [
        { x0: 0.03, y0: 0.28, x1: 0.24, y1: 0.45 },
        { x0: 0.76, y0: 0.28, x1: 0.97, y1: 0.45 },
      ],
    },
    // The hub keeps its light for the beacons: no sky lanterns, a calm far band of water.
    hub: {
      water: [{ x0: 0.02, y0: 0.512, x1: 0.98, y1: 0.56 }],
      sky: [],
    },
  },
  beaconSize: 0.2,
};

const PORTRAIT: Omit<WorldLayout, 'beacons'> = {
  orientation: 'portrait',
  horizon: 0.46,
  skylineHeight: 0.085,
  landmarks: {
    tower: { x: 0.7, water: 0.505, height: 0.1 },
    bridge: { x0: -0.02, x1: 0.3, water: 0.52, rise: 0.028 },
    temple: { x: 0.365, water: 0.511, height: 0.048 },
    pen: { x: 0.05, water: 0.523, height: 0.07 },
    moon: { x: 0.84, y: 0.3, radius: 0.024 },
  },
  zones: {
    attract: {
      water: [{ x0: 0.02, y0: 0.472, x1: 0.98, y1: 0.68 }],
      sky: [{ x0: 0.04, y0: 0.24, x1: 0.96, y1: 0.41 }],
    },
    hub: {
      water: [{ x0: 0.02, y0: 0.466, x1: 0.98, y1: 0.495 }],
      sky: [],
    },
  },
  beaconSize: 0.17,
};

/** Room between two labels side by side, as a fraction of the width. */
const LABEL_GAP = 0.015;

/**
 * The widest a label under the beacon at (x, y) may be: up to the half-way point to its
 * neighbours on the same row (less a gap), within the screen, and never more than 46%.
 */
function labelWidth(x: number, y: number, slots: readonly (readonly [number, number])[]): number {
  let half = Math.min(0.23, x - 0.02, 0.98 - x);
  for (const [otherX, otherY] of slots) {
    if (otherY === y && otherX !== x) half = Math.min(half, (Math.abs(otherX - x) - LABEL_GAP) / 2);
  }
  return half * 2;
}

/** Landscape when the screen is at least as wide as it is tall. */
export function orientationOf(width: number, height: number): Orientation {
  return width >= height ? 'landscape' : 'portrait';
}

/**
 * The composition for a viewport and a number of stations.
 * @throws RangeError when there are more stations than the world has room for.
 */
export function worldLayout(width: number, height: number, stations: number): WorldLayout {
  if (stations > MAX_STATIONS) {
    throw new RangeError(`The hub world has room for ${MAX_STATIONS} stations; ${stations} are registered.`);
  }
  const orientation = orientationOf(width, height);
  const base = orientation === 'landscape' ? LANDSCAPE : PORTRAIT;
  const table = orientation === 'landscape' ? LANDSCAPE_SLOTS : PORTRAIT_SLOTS;
  const slots = stations === 0 ? [] : (table[stations - 1] ?? []);
  return { ...base, beacons: slots.map(([x, y]) => ({ x, y, labelWidth: labelWidth(x, y, slots) })) };
}
