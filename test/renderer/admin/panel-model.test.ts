import { describe, expect, it } from 'vitest';
import type { Tallies } from '../../../electron/bridge/contract.js';
import { createAggregate, toTallies } from '../../../electron/backoffice/tallies.js';
import type { LearningSums, RoundSums } from '../../../electron/bridge/tallies-contract.js';
import { LEARNING_FIGURES, learningFigures } from '../../../renderer/admin/learning-figures.js';
import {
  endReasonRows,
  hourlySeries,
  learningRows,
  nextHour,
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

/** Paired sums of sessions given as [before share, after share] (4 items: 2 scam, 2 safe). */
function pairedSums(pairs: [number, number][]): LearningSums {
  const round = (scores: number[]): RoundSums => ({
    score: scores.reduce((sum, score) => sum + score, 0),
    ceiling: scores.filter((score) => score === 1).length,
    // Half the right answers are scams (hits), half safe ones (correct rejections).
    hits: scores.reduce((sum, score) => sum + score * 2, 0),
    scamItems: 2 * scores.length,
    correctRejections: scores.reduce((sum, score) => sum + score * 2, 0),
    safeItems: 2 * scores.length,
  });
  const gains = pairs.map(([before, after]) => after - before);
  return {
    sessions: pairs.length,
    before: round(pairs.map(([before]) => before)),
    after: round(pairs.map(([, after]) => after)),
    gain: gains.reduce((sum, gain) => sum + gain, 0),
    gainSquares: gains.reduce((sum, gain) => sum + gain * gain, 0),
  };
}

describe('learningRows and learningFigures', () => {
  it('list one entry per station and form (never per scenario), today beside all time', () => {
    const all = tallies({
      learning: {
        scam: {
          B: pairedSums([[0.5, 1]]),
          A: pairedSums([
            [0.25, 0.75],
            [0.5, 1],
            [0.75, 1],
          ]),
        },
      },
    });
    const today = tallies({ learning: { scam: { A: pairedSums([[0.5, 1]]) } } });
    const rows = learningRows(today, all);
    expect(
      rows.map((row) => [row.stationId, row.form, row.today?.sessions ?? 0, row.allTime?.sessions]),
    ).toEqual([
      ['scam', 'A', 1, 3],
      ['scam', 'B', 0, 1],
    ]);
    const [first] = rows;
    expect(learningFigures(first?.allTime ?? null, 'en')).toEqual({
      sessions: '3',
      mean: '50% → 92%',
      // Gains 0.5, 0.5, 0.25: mean 0.4167, sd 0.1443, t(2) = 4.303, half-width 0.3586.
      gain: '+42 (+6…+78)',
      hits: '50% → 92%',
      rejections: '50% → 92%',
      ceiling: '0% → 67%',
    });
    // One session: no interval; the figures a row lists are exactly the ones computed.
    expect(learningFigures(first?.today ?? null, 'vi').gain).toBe('+50 (—…—)');
    expect(Object.keys(learningFigures(null, 'vi'))).toEqual([...LEARNING_FIGURES]);
  });

  it('show a loss with its sign and a station with no paired session as 0 and dashes', () => {
    const summary = learningRows(
      tallies(),
      tallies({
        learning: {
          scam: {
            A: pairedSums([
              [1, 0.5],
              [0.75, 0.5],
            ]),
          },
        },
      }),
    );
    expect(learningFigures(summary[0]?.allTime ?? null, 'vi')).toMatchObject({
      mean: '88% → 50%',
      // Gains −0.5 and −0.25: mean −37.5 points (rounded half up), t(1) = 12.706 makes the interval wide.
      gain: '-37 (-196…+121)',
      ceiling: '50% → 0%',
    });
    expect(learningFigures(summary[0]?.today ?? null, 'vi')).toEqual({
      sessions: '0',
      mean: '—',
      gain: '—',
      hits: '—',
      rejections: '—',
      ceiling: '—',
    });
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
