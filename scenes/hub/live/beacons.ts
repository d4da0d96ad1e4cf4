/**
 * Station beacons: a lotus lantern in the station's colour floating on the lake, with a halo,
 * a beam of light and its reflection. They rise from the water when the hub opens and stay
 * hidden on the attract screen. Each beacon reports where its label goes: under its
 * reflection, never over the beacon. Screen space (CSS px). Runs in the renderer.
 */
import type { ScreenRect, SpriteBatch } from './sprite-batch.js';
import { LOTUS_WATERLINE, type Frame, type FrameName } from './sprite-atlas.js';
import type { WorldLayout } from '../world-layout.js';

/** Where a station's label goes: its top-centre, and how wide it may be (CSS px). */
export interface BeaconPlacement {
  x: number;
  y: number;
  maxWidth: number;
  /** The whole beacon (halo, beam, lantern, reflection, bobbing included). */
  bounds: ScreenRect;
}

const LOTUS_ASPECT = 320 / 512;
/** Seconds for a beacon to rise from the water; beacons rise one after another. */
const RISE_S = 0.7;
const STAGGER_S = 0.12;
const BOB = 0.015;
/** The halo's widest size, as a share of the beacon's size (its height is 0.8 of that). */
const HALO = 1.2;
/** Gap between a beacon's lowest point and its label, as a share of the beacon's size. */
const LABEL_GAP = 0.04;

interface Beacon {
  id: string;
  colour: number;
  x: number;
  water: number;
  size: number;
  beam: number;
}

const ease = (t: number): number => {
  const c = Math.max(0, Math.min(1, t));
  return c * c * (3 - 2 * c);
};

/** A colour moved `share` of the way towards white, so the lotus stays bright on the water. */
function lighten(colour: number, share: number): number {
  const mix = (shift: number): number => {
    const v = (colour >> shift) & 0xff;
    return Math.round(v + (255 - v) * share) << shift;
  };
  return mix(16) | mix(8) | mix(0);
}

export class Beacons {
  private beacons: Beacon[] = [];
  private shown = 0;
  private highlighted: string | null = null;

  constructor(
    private readonly stations: readonly { id: string; color: number }[],
    private readonly frames: Record<FrameName, Frame>,
  ) {}

  /** Puts each station's beacon on its slot of the layout. */
  place(layout: WorldLayout, width: number, height: number): void {
    const size = layout.beaconSize * Math.min(width, height);
    const beam = layout.orientation === 'landscape' ? 0.8 : 0.5;
    this.beacons = this.stations.map((station, index) => {
      const slot = layout.beacons[index] ?? { x: 0.5, y: 0.7 };
      return { id: station.id, colour: station.color, x: slot.x * width, water: slot.y * height, size, beam };
    });
  }

  highlight(id: string | null): void {
    this.highlighted = id;
  }

  /** Advances the rise (visible = hub) and queues the beacons' sprites. */
  update(dt: number, elapsed: number, visible: boolean, batch: SpriteBatch): void {
    const end = RISE_S + STAGGER_S * Math.max(0, this.beacons.length - 1);
    this.shown = visible ? Math.min(end, this.shown + dt) : Math.max(0, this.shown - dt * 3);
    for (const [index, beacon] of this.beacons.entries()) {
      const appear = ease((this.shown - index * STAGGER_S) / RISE_S);
      if (appear <= 0) continue;
      this.draw(beacon, appear, elapsed + index, batch);
    }
  }

  /** Label anchors and beacon bounds, keyed by station id. */
  placements(labelWidth: (index: number) => number): Map<string, BeaconPlacement> {
    const result = new Map<string, BeaconPlacement>();
    for (const [index, beacon] of this.beacons.entries()) {
      const bounds = this.bounds(beacon);
      result.set(beacon.id, {
        x: beacon.x,
        y: bounds.bottom + beacon.size * LABEL_GAP,
        maxWidth: labelWidth(index),
        bounds,
      });
    }
    return result;
  }

  private bounds(beacon: Beacon): ScreenRect {
    const { x, water, size } = beacon;
    const lotusH = size * LOTUS_ASPECT;
    const bob = size * BOB;
    const haloBottom = water - lotusH * 0.45 + size * HALO * 0.4;
    const reflectionBottom = water + lotusH * LOTUS_WATERLINE * 0.6;
    return {
      left: x - (size * Math.max(1, HALO)) / 2,
      right: x + (size * Math.max(1, HALO)) / 2,
      top: water - lotusH * 0.5 - size * beacon.beam - bob,
      bottom: Math.max(haloBottom, reflectionBottom) + bob,
    };
  }

  private draw(beacon: Beacon, appear: number, t: number, batch: SpriteBatch): void {
    const { x, size, colour } = beacon;
    const lit = beacon.id === this.highlighted ? 1 : 0;
    const lotusH = size * LOTUS_ASPECT;
    const sink = (1 - appear) * lotusH * 0.5;
    const water = beacon.water;
    const bob = Math.sin(t * 1.3) * size * BOB;
    const top = water + sink + bob;
    const pulse = 0.5 + 0.5 * Math.sin(t * (2 + lit * 4));
    // At most HALO × size wide, as bounds() assumes.
    const halo = size * HALO * (0.9 + 0.06 * pulse + lit * 0.04);
    batch.draw({
      frame: this.frames.halo,
      x,
      y: water - lotusH * 0.45 + bob,
      width: halo,
      height: halo * 0.8,
      tint: colour,
      opacity: appear * (0.45 + 0.2 * pulse + lit * 0.25),
      glow: true,
    });
    const beamH = size * beacon.beam * appear;
    batch.draw({
      frame: this.frames.beam,
      x,
      y: water - lotusH * 0.5 - beamH / 2 + bob,
      width: size * 0.16,
      height: beamH,
      tint: colour,
      opacity: 0.35 + 0.15 * pulse + lit * 0.2,
      glow: true,
    });
    const reflection = lotusH * 0.6;
    batch.draw({
      frame: this.frames.lotus,
      x,
      y: water + reflection * (LOTUS_WATERLINE - 0.5),
      width: size,
      height: -reflection * appear,
      tint: colour,
      opacity: 0.3 * appear,
      glow: false,
    });
    batch.draw({
      frame: this.frames.lotus,
      x,
      y: top - lotusH * (LOTUS_WATERLINE - 0.5),
      width: size,
      height: lotusH,
      tint: lighten(colour, 0.25),
      opacity: appear,
      glow: false,
    });
    batch.draw({
      frame: this.frames.flame,
      x,
      y: top - lotusH * 0.42,
      width: size * (0.42 + 0.05 * pulse),
      height: size * (0.42 + 0.05 * pulse),
      tint: 0xffffff,
      opacity: appear,
      glow: true,
    });
  }
}
