import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROUND, Round, type RoundItem } from '../../../scenes/pledge/round.js';

const items = (count: number): RoundItem[] =>
  Array.from({ length: count }, (_, i) => ({ id: `item-${i}`, dangerous: i % 2 === 0 }));

describe('the block-or-pass round (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const clock = (): number => Date.now();

  it('lets the first item in at once, and more as time goes on, across the lanes', () => {
    const round = new Round(items(40), 4, clock);
    round.step();
    expect(round.drifting().map((d) => d.drifter.itemId)).toEqual(['item-0']);
    vi.advanceTimersByTime(ROUND.spawnMs[0] * 3);
    round.step();
    const lanes = round.drifting().map((d) => d.drifter.lane);
    expect(lanes).toEqual([0, 1, 2, 3]);
  });

  it('moves items left to right and lets them pass at the right edge: a safe one passes, a dangerous one slips', () => {
    const round = new Round(
      [
        { id: 'bad', dangerous: true },
        { id: 'good', dangerous: false },
      ],
      2,
      clock,
    );
    round.step();
    vi.advanceTimersByTime(ROUND.crossMs[0] / 2);
    round.step();
    const half = round.drifting().find((d) => d.drifter.itemId === 'bad');
    expect(half?.x).toBeCloseTo(0.5, 2);
    vi.advanceTimersByTime(ROUND.crossMs[0]);
    const ended = round.step();
    expect(ended.map((o) => [o.itemId, o.verdict])).toEqual([
      ['bad', 'slipped'],
      ['good', 'passed'],
    ]);
    expect(round.drifting()).toEqual([]);
  });

  it('scores a right block, a wrong block, and ignores a second tap on the same item', () => {
    const round = new Round(
      [
        { id: 'bad', dangerous: true },
        { id: 'good', dangerous: false },
      ],
      2,
      clock,
    );
    round.step();
    vi.advanceTimersByTime(ROUND.spawnMs[0]);
    round.step();
    expect(round.block('bad')?.verdict).toBe('blocked');
    expect(round.block('bad')).toBeNull();
    expect(round.block('good')?.verdict).toBe('wrong-block');
    expect(round.block('never-there')).toBeNull();
    const summary = round.summary();
    expect(summary).toMatchObject({
      score: ROUND.points.blocked,
      correct: 1,
      total: 2,
      accuracy: 50,
      wrongBlocks: 1,
    });
  });

  it('rises in difficulty: later items come sooner and drift faster', () => {
    const round = new Round(items(200), 5, clock);
    const spawns: { at: number; crossMs: number }[] = [];
    const seen = new Set<string>();
    for (let t = 0; t < ROUND.durationMs; t += 100) {
      round.step();
      for (const { drifter } of round.drifting()) {
        if (seen.has(drifter.itemId)) continue;
        seen.add(drifter.itemId);
        spawns.push({ at: drifter.spawnAt, crossMs: drifter.crossMs });
      }
      // Let everything pass rather than block, so only spawning is measured.
      vi.advanceTimersByTime(100);
    }
    const first = spawns.slice(0, 3);
    const last = spawns.slice(-3);
    const gap = (list: typeof spawns): number => ((list[2]?.at ?? 0) - (list[0]?.at ?? 0)) / 2;
    expect(gap(last)).toBeLessThan(gap(first) * 0.7);
    expect(last[2]?.crossMs ?? Infinity).toBeLessThan((first[0]?.crossMs ?? 0) * 0.7);
    expect(spawns.length).toBeGreaterThan(30);
  });

  it('ends after the round time: no block counts, what still drifts is not scored', () => {
    const round = new Round(items(80), 4, clock);
    for (let t = 0; t <= ROUND.durationMs; t += 250) {
      round.step();
      vi.advanceTimersByTime(250);
    }
    round.step();
    expect(round.over).toBe(true);
    expect(round.drifting()).toEqual([]);
    expect(round.block('item-79')).toBeNull();
    const { total, correct, slipped, passed } = round.summary();
    expect(total).toBe(slipped + passed);
    expect(correct).toBe(passed);
  });

  it('refuses an empty round and a bad lane count with a clear error', () => {
    expect(() => new Round([], 4, clock)).toThrow(/no items/);
    expect(() => new Round(items(2), 0, clock)).toThrow(/lanes must be a positive integer/);
  });
});
