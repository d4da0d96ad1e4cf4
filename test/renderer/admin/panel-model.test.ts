import { describe, expect, it } from 'vitest';
import type { Tallies } from '../../../electron/bridge/contract.js';
import { createAggregate, toTallies } from '../../../electron/backoffice/tallies.js';
import {
  endReasonRows,
  hourlySeries,
  nextHour,
  rateRows,
  scenarioRows,
  stationRows,
} from '../../../renderer/admin/panel-model.js';

/** Empty tallies (as the back office makes them, but with no end reasons) plus `partial`. */
function tallies(partial: Partial<Tallies> = {}): Tallies {
  const empty = toTallies(createAggregate(), 'k1', new Date('2025-07-14T10:00:00.000Z'));
  return { ...empty, sessionsByEndReason: {}, ...partial };
}

const counts = (sessions: number, completions = 0) => ({ sessions, completions, pledges: 0 });

describe('stationRows', () => {
  it('lists registered stations first (zeros included), then stations only the tallies know', () => {
    const scene = (enters: number, completions: number) => ({
      enters,
      completions,
      leaves: { idle: 1 },
      pledges: {},
    });
    const today = tallies({ scenes: { scam: scene(2, 1) } });
    const all = tallies({ scenes: { scam: scene(5, 3), retired: scene(1, 0) } });
    expect(stationRows(today, all, ['quiz', 'scam'])).toEqual([
      { id: 'quiz', today: { enters: 0, completions: 0 }, allTime: { enters: 0, completions: 0 } },
      { id: 'scam', today: { enters: 2, completions: 1 }, allTime: { enters: 5, completions: 3 } },
      { id: 'retired', today: { enters: 0, completions: 0 }, allTime: { enters: 1, completions: 0 } },
    ]);
  });
});

describe('rateRows', () => {
  it('gives before/after rates per station and scenario, today and all time, busiest first', () => {
    const check = (answered: number, correct: number, total: number) => ({ answered, correct, total });
    const all = tallies({
      checks: {
        scam: {
          quiet: { before: check(1, 1, 4), after: check(1, 2, 4) },
          busy: { before: check(4, 6, 12), after: check(4, 9, 12) },
        },
      },
    });
    const today = tallies({ checks: { scam: { busy: { before: check(1, 1, 3), after: check(0, 0, 0) } } } });
    expect(rateRows(today, all)).toEqual([
      {
        stationId: 'scam',
        scenarioId: 'busy',
        todayBefore: 33,
        todayAfter: null,
        allBefore: 50,
        allAfter: 75,
        answered: 8,
      },
      {
        stationId: 'scam',
        scenarioId: 'quiet',
        todayBefore: null,
        todayAfter: null,
        allBefore: 25,
        allAfter: 50,
        answered: 2,
      },
    ]);
  });
});

describe('scenarioRows', () => {
  it('shows plays today and all time with red flags, most played first', () => {
    const scenario = (plays: number, spotted: number, missed: number) => ({
      starts: plays + 1,
      abandoned: 1,
      timeouts: {},
      plays,
      outcomes: {},
      redFlagsSpotted: spotted,
      redFlagsMissed: missed,
      durationMs: plays * 150_400,
      choices: {},
    });
    const all = tallies({ scenarios: { scam: { a: scenario(1, 2, 1), b: scenario(4, 9, 3) } } });
    const today = tallies({ scenarios: { scam: { b: scenario(2, 5, 1) } } });
    const row = { stationId: 'scam', abandoned: 1, averageSeconds: 150 };
    expect(scenarioRows(today, all)).toEqual([
      { ...row, scenarioId: 'b', starts: 5, todayPlays: 2, allPlays: 4, spotted: 9, missed: 3 },
      { ...row, scenarioId: 'a', starts: 2, todayPlays: 0, allPlays: 1, spotted: 2, missed: 1 },
    ]);
  });

  it('has no average time before the first play', () => {
    const empty = {
      starts: 0,
      abandoned: 0,
      timeouts: {},
      plays: 0,
      outcomes: {},
      redFlagsSpotted: 0,
      redFlagsMissed: 0,
      durationMs: 0,
      choices: {},
    };
    expect(
      scenarioRows(tallies({}), tallies({ scenarios: { scam: { a: empty } } }))[0]?.averageSeconds,
    ).toBeNull();
  });
});

describe('endReasonRows', () => {
  it('keeps the known reasons in a fixed order with zeros, then unknown ones', () => {
    expect(endReasonRows(tallies({ sessionsByEndReason: { staff: 1, idle: 2, zzz: 1 } }))).toEqual([
      { reason: 'visitor', count: 0 },
      { reason: 'completed', count: 0 },
      { reason: 'idle', count: 2 },
      { reason: 'staff', count: 1 },
      { reason: 'zzz', count: 1 },
    ]);
  });
});

describe('hourlySeries', () => {
  it('fills the empty hours between the first and the last bucket with zeros', () => {
    const t = tallies({
      byHour: [
        { hour: '2025-07-14T11', ...counts(1, 1) },
        { hour: '2025-07-14T09', ...counts(3) },
      ],
    });
    expect(hourlySeries(t)).toEqual({ labels: ['09:00', '10:00', '11:00'], values: [3, 0, 1] });
    expect(hourlySeries(t, 'completions').values).toEqual([0, 0, 1]);
  });

  it('is empty without data', () => {
    expect(hourlySeries(tallies())).toEqual({ labels: [], values: [] });
  });

  it('crosses midnight and month ends', () => {
    expect(nextHour('2025-07-31T23')).toBe('2025-08-01T00');
    expect(nextHour('2024-02-28T23')).toBe('2024-02-29T00');
    expect(nextHour('bad')).toBeNull();
  });
});
