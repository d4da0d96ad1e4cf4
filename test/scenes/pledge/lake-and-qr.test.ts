import { describe, expect, it } from 'vitest';
import { hash, lakeGeometry, placeLantern } from '../../../scenes/pledge/lake/placement.js';
import { qrModules } from '../../../scenes/pledge/qr.js';

describe('lantern placement on the lake', () => {
  const lake = lakeGeometry(1920, 1080);

  it('puts the newest lantern nearest the shore and older ones further out', () => {
    const depths = [0, 10, 1000, 100_000].map((age) => placeLantern(7, age, lake, 6));
    for (let i = 1; i < depths.length; i++) {
      expect(depths[i]?.y).toBeLessThan(depths[i - 1]?.y ?? 0);
      expect(depths[i]?.radius).toBeLessThan(depths[i - 1]?.radius ?? 0);
    }
  });

  it('keeps all 100,000 lanterns on the water, between the horizon and the shore', () => {
    for (let index = 0; index < 100_000; index += 997) {
      const place = placeLantern(index, 100_000 - 1 - index, lake, 6);
      expect(place.y).toBeGreaterThanOrEqual(lake.horizon);
      expect(place.y).toBeLessThanOrEqual(lake.shore);
      expect(place.x).toBeGreaterThanOrEqual(0);
      expect(place.x).toBeLessThanOrEqual(lake.width);
      expect(place.colour).toBeGreaterThanOrEqual(0);
      expect(place.colour).toBeLessThan(6);
    }
  });

  it('places a lantern the same way every time (the lake looks the same after a restart)', () => {
    expect(placeLantern(42, 5, lake, 6)).toEqual(placeLantern(42, 5, lake, 6));
    expect(hash(1)).not.toBe(hash(2));
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
