/**
 * The hub world's composition, for both screens and 1–4 stations: every label hangs under its
 * own beacon without covering any beacon or another label, stays on screen and clear of the
 * "I'm done" button, and no lantern zone reaches a label. Lanterns never leave their zones.
 */
import { describe, expect, it } from 'vitest';
import { Beacons } from '../../../scenes/hub/live/beacons.js';
import { Lanterns } from '../../../scenes/hub/live/lanterns.js';
import { atlasFrames } from '../../../scenes/hub/live/sprite-atlas.js';
import type { ScreenRect, SpriteBatch, SpriteDraw } from '../../../scenes/hub/live/sprite-batch.js';
import { MAX_STATIONS, worldLayout, type Zone } from '../../../scenes/hub/world-layout.js';
import { seededRng } from '../../../scenes/shared/seeded-rng.js';

const SCREENS = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

/**
 * A station label's box as components.css draws it: icon max(72px, 9vmin), padding
 * max(12px, 1.5vmin) above and below, and some room for a third line of text.
 */
function labelBox(x: number, y: number, maxWidth: number, vmin: number): ScreenRect {
  const height = Math.max(72, 0.09 * vmin) + 2 * Math.max(12, 0.015 * vmin) + 10;
  return { left: x - maxWidth / 2, right: x + maxWidth / 2, top: y, bottom: y + height };
}

const overlap = (a: ScreenRect, b: ScreenRect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const zoneRect = (zone: Zone, width: number, height: number): ScreenRect => ({
  left: zone.x0 * width,
  right: zone.x1 * width,
  top: zone.y0 * height,
  bottom: zone.y1 * height,
});

/** A sprite batch that only remembers where sprites went. */
function recordingBatch(): { batch: SpriteBatch; rects: ScreenRect[] } {
  const rects: ScreenRect[] = [];
  const batch = {
    draw(sprite: SpriteDraw) {
      if (sprite.opacity <= 0.003 || sprite.width === 0 || sprite.height === 0) return;
      const w = Math.abs(sprite.width) / 2;
      const h = Math.abs(sprite.height) / 2;
      rects.push({ left: sprite.x - w, right: sprite.x + w, top: sprite.y - h, bottom: sprite.y + h });
    },
  } as unknown as SpriteBatch;
  return { batch, rects };
}

const inside = (rect: ScreenRect, zone: ScreenRect, slack = 0.5): boolean =>
  rect.left >= zone.left - slack &&
  rect.right <= zone.right + slack &&
  rect.top >= zone.top - slack &&
  rect.bottom <= zone.bottom + slack;

describe('worldLayout', () => {
  it(`has room for ${MAX_STATIONS} stations and says so beyond`, () => {
    expect(worldLayout(1920, 1080, MAX_STATIONS).beacons).toHaveLength(MAX_STATIONS);
    expect(() => worldLayout(1920, 1080, MAX_STATIONS + 1)).toThrow(RangeError);
  });

  for (const screen of SCREENS) {
    for (let count = 1; count <= MAX_STATIONS; count++) {
      it(`${screen.name}, ${count} station(s): labels under their beacons, clear of everything that moves`, () => {
        const { width, height } = screen;
        const vmin = Math.min(width, height);
        const layout = worldLayout(width, height, count);
        const stations = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, color: 0xff6b5b }));
        const beacons = new Beacons(stations, atlasFrames());
        beacons.place(layout, width, height);
        const placements = [
          ...beacons.placements((i) => (layout.beacons[i]?.labelWidth ?? 0) * width).values(),
        ];
        const labels = placements.map((p) => labelBox(p.x, p.y, p.maxWidth, vmin));
        // "I'm done": bottom max(32px, 4vmin), height max(64px, 7.5vmin).
        const finishTop = height - Math.max(32, 0.04 * vmin) - Math.max(64, 0.075 * vmin);
        const finish = { left: width / 2 - 150, right: width / 2 + 150, top: finishTop, bottom: height };
        for (const [i, label] of labels.entries()) {
          // Not narrower than a name and its pitch need (never one word per line).
          expect(label.right - label.left).toBeGreaterThanOrEqual(0.4 * vmin);
          expect(label.left).toBeGreaterThanOrEqual(0);
          expect(label.right).toBeLessThanOrEqual(width);
          expect(overlap(label, finish), `label ${i} covers "I'm done"`).toBe(false);
          for (const [j, placement] of placements.entries()) {
            expect(overlap(label, placement.bounds), `label ${i} covers beacon ${j}`).toBe(false);
          }
          for (const [j, other] of labels.entries()) {
            if (j !== i) expect(overlap(label, other), `labels ${i} and ${j} overlap`).toBe(false);
          }
          for (const zone of [...layout.zones.hub.water, ...layout.zones.hub.sky]) {
            expect(overlap(label, zoneRect(zone, width, height)), `a lantern zone reaches label ${i}`).toBe(
              false,
            );
          }
          // The label hangs under its own beacon, centred on it.
          expect(placements[i]?.x).toBeCloseTo((layout.beacons[i]?.x ?? 0) * width, 5);
        }
      });
    }

    it(`${screen.name}: lanterns stay inside their zones, however long they drift`, () => {
      const { width, height } = screen;
      const layout = worldLayout(width, height, 1);
      for (const mode of ['attract', 'hub'] as const) {
        const lanterns = new Lanterns(seededRng(3), atlasFrames());
        const zones = layout.zones[mode];
        lanterns.place(layout, { width, height }, zones);
        const allowed = [...zones.water, ...zones.sky].map((zone) => zoneRect(zone, width, height));
        const { tower } = layout.landmarks;
        // The shimmer stays on the tower's reflection.
        allowed.push({
          left: (tower.x - 0.1) * width,
          right: (tower.x + 0.1) * width,
          top: tower.water * height,
          bottom: (tower.water + tower.height * 0.6) * height,
        });
        const { batch, rects } = recordingBatch();
        for (let frame = 0; frame < 3000; frame++) lanterns.update(1 / 20, frame / 20, 3, 1, batch);
        expect(rects.length).toBeGreaterThan(1000);
        const strays = rects.filter((rect) => !allowed.some((zone) => inside(rect, zone)));
        expect(strays.slice(0, 3), mode).toEqual([]);
      }
    });
  }
});
