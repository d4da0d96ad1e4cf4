import { describe, expect, it } from 'vitest';
import { hash, lakeGeometry, lanternColours, placeLantern } from '../../../scenes/pledge/lake/placement.js';
import { qrModules } from '../../../scenes/pledge/qr.js';

describe('lantern placement on the lake', () => {
  const lake = lakeGeometry(1920, 1080);

  it('puts the newest lantern nearest the shore and older ones further out', () => {
    const depths = [0, 10, 1000, 100_000].map((age) => placeLantern(7, age, lake));
    for (let i = 1; i < depths.length; i++) {
      expect(depths[i]?.y).toBeLessThan(depths[i - 1]?.y ?? 0);
      expect(depths[i]?.radius).toBeLessThan(depths[i - 1]?.radius ?? 0);
    }
  });

  it('keeps all 100,000 lanterns on the water, between the horizon and the shore', () => {
    for (let index = 0; index < 100_000; index += 997) {
      const place = placeLantern(index, 100_000 - 1 - index, lake);
      expect(place.y).toBeGreaterThanOrEqual(lake.horizon);
      expect(place.y).toBeLessThanOrEqual(lake.shore);
      expect(place.x).toBeGreaterThanOrEqual(0);
      expect(place.x).toBeLessThanOrEqual(lake.width);
    }
  });

  it('places a lantern the same way every time (the lake looks the same after a restart)', () => {
    expect(placeLantern(42, 5, lake)).toEqual(placeLantern(42, 5, lake));
    expect(hash(1)).not.toBe(hash(2));
  });
});

describe('lantern colours from the journal counts', () => {
  const countsOf = (colours: Uint8Array, palette: number): number[] => {
    const counts = Array.from({ length: palette }, () => 0);
    for (const colour of colours) counts[colour] = (counts[colour] ?? 0) + 1;
    return counts;
  };

  it("gives exactly the counted lanterns of each colour, the visitor's the newest", () => {
    const colours = lanternColours(
      { count: 10, perColour: [3, 0, 5, 2], visitor: { colour: 2, lanterns: 2 } },
      4,
    );
    expect(countsOf(colours, 4)).toEqual([3, 0, 5, 2]);
    expect([...colours.slice(8)]).toEqual([2, 2]);
    // Mixed, not in blocks: the three of colour 0 are not all first.
    expect([...colours.slice(0, 3)]).not.toEqual([0, 0, 0]);
  });

  it('colours lanterns recorded before colours existed from their number, within the palette', () => {
    const colours = lanternColours({ count: 1000, perColour: [10, 0, 0], visitor: null }, 3);
    const counts = countsOf(colours, 3);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(1000);
    expect(counts[0]).toBeGreaterThanOrEqual(10);
    expect(counts[1]).toBeGreaterThan(200);
    expect(counts[2]).toBeGreaterThan(200);
  });

  it('is the same for the same counts (the lake looks the same after a restart)', () => {
    const counts = {
      count: 100_000,
      perColour: [20_000, 30_000, 50_000],
      visitor: { colour: 1, lanterns: 3 },
    };
    expect(Buffer.from(lanternColours(counts, 3)).equals(Buffer.from(lanternColours(counts, 3)))).toBe(true);
    expect(countsOf(lanternColours(counts, 3), 3)).toEqual([20_000, 30_000, 50_000]);
  });

  it('never has more lanterns than the count, whatever the counts say', () => {
    const colours = lanternColours({ count: 4, perColour: [9, 9], visitor: { colour: 1, lanterns: 9 } }, 2);
    expect([...colours]).toEqual([1, 1, 1, 1]);
  });
});

describe('the campaign QR code', () => {
  it('is a square code with the three finder patterns, and depends only on the URL', () => {
    const rows = qrModules('https://example.org/khong-mot-minh');
    const size = rows.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect(rows.every((row) => row.length === size)).toBe(true);
    // Finder patterns: dark 7×7 rings at three corners.
    for (const [top, left] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      expect(rows[top]?.[left]).toBe(true);
      expect(rows[top + 6]?.[left + 6]).toBe(true);
      expect(rows[top + 1]?.[left + 1]).toBe(false);
      expect(rows[top + 3]?.[left + 3]).toBe(true);
    }
    expect(qrModules('https://example.org/khong-mot-minh')).toEqual(rows);
    expect(qrModules('https://example.org/other')).not.toEqual(rows);
  });
});
