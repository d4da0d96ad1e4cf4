import { describe, expect, it } from 'vitest';
import type { VisitorEvent } from '../../electron/bridge/contract.js';
import { stationTally } from '../../electron/bridge/contract.js';
import { summarizeLearning, tQuantile95 } from '../../electron/bridge/learning.js';
import {
  addRecord,
  createAggregate,
  fromTallies,
  toTallies,
  type Aggregate,
} from '../../electron/backoffice/tallies.js';
import { stamp } from './helpers.js';

type Answer = ['scam' | 'safe', boolean];

/** The records of one finished round: its answers one by one, then the round's end. */
function round(
  sessionId: string,
  phase: 'before' | 'after',
  form: 'A' | 'B',
  answers: Answer[],
  sceneId = 'scam',
): VisitorEvent[] {
  const events: VisitorEvent[] = answers.map(([answer, correct], i) => ({
    type: 'check-answer',
    sessionId,
    sceneId,
    phase,
    form,
    itemId: `${form.toLowerCase()}-${i}`,
    answer,
    correct,
  }));
  const correct = answers.filter(([, right]) => right).length;
  events.push({ type: 'check', sessionId, sceneId, phase, form, correct, total: answers.length });
  return events;
}

function feed(agg: Aggregate, events: VisitorEvent[]): void {
  for (const event of events) addRecord(agg, stamp(event));
}

/** 2 of 4 right: a scam caught, a scam missed, a safe one trusted, a safe one flagged. */
const HALF: Answer[] = [
  ['scam', true],
  ['safe', false],
  ['safe', true],
  ['scam', false],
];
const ALL: Answer[] = [
  ['scam', true],
  ['scam', true],
  ['safe', true],
  ['safe', true],
];

describe('the paired learning figure', () => {
  it('pairs the before and after rounds of one session, per station and before-form', () => {
    const agg = createAggregate();
    feed(agg, round('visitor-0001', 'before', 'A', HALF));
    feed(agg, [{ type: 'story-start', sessionId: 'visitor-0001', sceneId: 'scam', scenarioId: 'otp-bank' }]);
    feed(agg, round('visitor-0001', 'after', 'B', ALL));
    const sums = toTallies(agg, 'k', new Date()).learning.scam?.A;
    expect(sums).toEqual({
      sessions: 1,
      before: { score: 0.5, ceiling: 0, hits: 1, scamItems: 2, correctRejections: 1, safeItems: 2 },
      after: { score: 1, ceiling: 1, hits: 2, scamItems: 2, correctRejections: 2, safeItems: 2 },
      gain: 0.5,
      gainSquares: 0.25,
    });
    expect(summarizeLearning(sums ?? ({ sessions: 0 } as never))).toMatchObject({
      sessions: 1,
      gain: 0.5,
      gainLow: null,
      before: { mean: 0.5, hitRate: 0.5, correctRejectionRate: 0.5, ceilingShare: 0 },
      after: { mean: 1, ceilingShare: 1 },
    });
  });

  it('counts only sessions with both rounds, each pair once, and never rounds without a form', () => {
    const agg = createAggregate();
    feed(agg, round('visitor-only-before', 'before', 'B', HALF));
    feed(agg, round('visitor-twice', 'before', 'B', HALF));
    feed(agg, round('visitor-twice', 'after', 'A', ALL));
    feed(agg, round('visitor-twice', 'after', 'A', HALF));
    feed(agg, [
      { type: 'check', sessionId: 'visitor-old', sceneId: 'scam', phase: 'before', correct: 1, total: 3 },
      { type: 'check', sessionId: 'visitor-old', sceneId: 'scam', phase: 'after', correct: 3, total: 3 },
    ]);
    feed(agg, round('visitor-after-only', 'after', 'A', ALL));
    const learning = toTallies(agg, 'k', new Date()).learning;
    expect(Object.keys(learning.scam ?? {})).toEqual(['B']);
    expect(learning.scam?.B?.sessions).toBe(1);
    expect(learning.scam?.B?.gain).toBe(0.5);
  });

  it('keeps stations apart: a second station reusing the checks is not counted as the first', () => {
    const agg = createAggregate();
    feed(agg, round('visitor-0001', 'before', 'A', HALF, 'kidnap'));
    feed(agg, round('visitor-0001', 'after', 'B', ALL, 'scam'));
    expect(toTallies(agg, 'k', new Date()).learning).toEqual({});
    feed(agg, round('visitor-0001', 'after', 'B', ALL, 'kidnap'));
    const learning = toTallies(agg, 'k', new Date()).learning;
    expect(Object.keys(learning)).toEqual(['kidnap']);
  });

  it('survives a checkpoint between the two rounds (the open session state is kept)', () => {
    const agg = createAggregate();
    feed(agg, round('visitor-0001', 'before', 'A', HALF));
    const restored = fromTallies(toTallies(agg, 'k', new Date()), agg.sessions);
    feed(restored, round('visitor-0001', 'after', 'B', ALL));
    expect(toTallies(restored, 'k', new Date()).learning.scam?.A?.sessions).toBe(1);
  });

  it('forgets a session at its end', () => {
    const agg = createAggregate();
    feed(agg, round('visitor-0001', 'before', 'A', HALF));
    feed(agg, [{ type: 'session-end', sessionId: 'visitor-0001', reason: 'idle' }]);
    expect(agg.sessions.size).toBe(0);
    feed(agg, round('visitor-0001', 'after', 'B', ALL));
    expect(toTallies(agg, 'k', new Date()).learning).toEqual({});
  });

  it('gives the mean gain a t-based 95% interval', () => {
    const agg = createAggregate();
    const gains: [Answer[], Answer[]][] = [
      [HALF, ALL],
      [HALF, [...HALF.slice(0, 3), ['scam', true]]],
      [HALF, HALF],
    ];
    gains.forEach(([before, after], i) => {
      feed(agg, round(`visitor-000${i}`, 'before', 'A', before));
      feed(agg, round(`visitor-000${i}`, 'after', 'B', after));
    });
    const summary = summarizeLearning(toTallies(agg, 'k', new Date()).learning.scam?.A ?? ({} as never));
    // Gains 0.5, 0.25, 0: mean 0.25, sample sd 0.25, t(2) = 4.303.
    const half = (tQuantile95(2) * 0.25) / Math.sqrt(3);
    expect(summary?.gain).toBeCloseTo(0.25);
    expect(summary?.gainLow).toBeCloseTo(0.25 - half);
    expect(summary?.gainHigh).toBeCloseTo(0.25 + half);
    expect(tQuantile95(1000)).toBe(1.96);
  });
});

describe('stories started and abandoned', () => {
  const start = (sessionId: string, scenarioId: string): VisitorEvent => ({
    type: 'story-start',
    sessionId,
    sceneId: 'scam',
    scenarioId,
  });

  it('counts a story left before its ending as abandoned, once', () => {
    const agg = createAggregate();
    feed(agg, [
      start('visitor-0001', 'otp-bank'),
      {
        type: 'result',
        sessionId: 'visitor-0001',
        sceneId: 'scam',
        scenarioId: 'otp-bank',
        outcome: 'safe',
        durationMs: 1,
      },
      start('visitor-0001', 'grooming'),
      start('visitor-0001', 'task-scam'),
      { type: 'scene-leave', sessionId: 'visitor-0001', sceneId: 'scam', reason: 'exited' },
      start('visitor-0002', 'otp-bank'),
      { type: 'session-end', sessionId: 'visitor-0002', reason: 'idle' },
      { type: 'session-end', sessionId: 'visitor-0001', reason: 'visitor' },
    ]);
    const scenarios = toTallies(agg, 'k', new Date()).scenarios.scam;
    expect(scenarios?.['otp-bank']).toMatchObject({ starts: 2, abandoned: 1, plays: 1 });
    expect(scenarios?.grooming).toMatchObject({ starts: 1, abandoned: 1, plays: 0 });
    expect(scenarios?.['task-scam']).toMatchObject({ starts: 1, abandoned: 1 });
  });

  it('records a countdown that ran out per node', () => {
    const agg = createAggregate();
    feed(agg, [
      {
        type: 'timeout',
        sessionId: 'visitor-0001',
        sceneId: 'scam',
        scenarioId: 'otp-bank',
        nodeId: 'otp-page',
      },
    ]);
    expect(toTallies(agg, 'k', new Date()).scenarios.scam?.['otp-bank']?.timeouts).toEqual({ 'otp-page': 1 });
  });
});

describe("a station's own count of before rounds (the forms alternate by its parity)", () => {
  it('counts finished before rounds of that station only, whatever the scenario', () => {
    const agg = createAggregate();
    const s1 = '00000000-0000-4000-8000-0000000000a1';
    const s2 = '00000000-0000-4000-8000-0000000000a2';
    expect(stationTally(toTallies(agg, 'k', new Date()), 'scam').checksBefore).toBe(0);
    feed(agg, round(s1, 'before', 'A', HALF));
    feed(agg, round(s1, 'after', 'B', ALL));
    feed(agg, round(s2, 'before', 'B', ALL));
    feed(agg, round(s2, 'before', 'A', ALL, 'kidnap'));
    const tallies = toTallies(agg, 'k', new Date());
    expect(stationTally(tallies, 'scam').checksBefore).toBe(2);
    expect(stationTally(tallies, 'kidnap').checksBefore).toBe(1);
    expect(stationTally(tallies, 'pledge').checksBefore).toBe(0);
  });
});
