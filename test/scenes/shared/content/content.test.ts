import { describe, expect, it } from 'vitest';
import { deepMerge } from '../../../../scenes/shared/content/deep.js';
import { loadStationMeta } from '../../../../scenes/shared/content/station-meta.js';

describe('deepMerge', () => {
  it('merges objects key by key and lets the overlay replace text and arrays', () => {
    const base = { a: { x: 'base', y: 'kept' }, list: [1, 2], n: 1 };
    expect(deepMerge(base, { a: { x: 'over' }, list: [3] })).toEqual({
      a: { x: 'over', y: 'kept' },
      list: [3],
      n: 1,
    });
    expect(base.a.x).toBe('base');
    expect(deepMerge(base, undefined)).toBe(base);
  });
});

describe('station.json', () => {
  const good = {
    id: 'scam',
    order: 1,
    icon: 'phone',
    color: '#ff6b5b',
    name: { vi: 'Nhận diện lừa đảo', en: 'Spot the scam' },
    pitch: { vi: 'Luyện tập', en: 'Practise' },
  };

  it('loads a good file', () => {
    expect(loadStationMeta(good, './scam/station.json')).toEqual(good);
  });

  it('names the file and the field of every problem', () => {
    const bad = { ...good, color: 'red', name: { vi: 'x' } };
    expect(() => loadStationMeta(bad, './scam/station.json')).toThrow(
      /station\.json: color: must be a colour/,
    );
    expect(() => loadStationMeta(bad, './scam/station.json')).toThrow(/name\.en: is required/);
  });

  it('must sit in the folder of its id', () => {
    expect(() => loadStationMeta(good, './pledge/station.json')).toThrow(
      /does not match its folder "pledge"/,
    );
  });
});
