/**
 * The run state machine, on a hand-made fixture with known answers, then on every path
 * of every real scenario.
 */
import { describe, expect, it } from 'vitest';
import { VisitorEventSchema } from '../../../../electron/bridge/contract.js';
import {
  allPaths,
  canRetry,
  checkAnswerEvent,
  checkEvent,
  loadCheckPool,
  stepEvent,
  storyStartEvent,
  choose,
  createRun,
  currentNode,
  durationMs,
  endingOf,
  firstMistakeIndex,
  isFinished,
  lastFeedback,
  missedFlags,
  resultEvent,
  retryFromFirstMistake,
  RunError,
  scoreOf,
  spottedFlags,
  switchScenarioLanguage,
  timeOut,
  type Run,
} from '../../../../scenes/shared/story/index.js';
import { fixture } from './fixture.js';
import { loadFile, readJson, scenarioFileNames } from './helpers.js';

const scenario = fixture();

/** Plays a list of choice ids from a fresh run. */
function play(...choiceIds: string[]): Run {
  return choiceIds.reduce((run, id) => choose(run, id), createRun(scenario));
}

/** A contract-valid visitor event from a station event (the shell adds the session id). */
function asVisitorEvent(event: object) {
  // The shell stamps the session and the station; the engine knows neither.
  return VisitorEventSchema.parse({
    ...event,
    sessionId: '00000000-0000-4000-8000-000000000001',
    sceneId: 'any-station',
  });
}

describe('createRun and choose', () => {
  it('starts at the start node with nothing chosen', () => {
    const run = createRun(scenario, 1000);
    expect(currentNode(run).id).toBe('a');
    expect(run.steps).toEqual([]);
    expect(isFinished(run)).toBe(false);
    expect(endingOf(run)).toBeNull();
  });

  it('advances to the chosen target and records the node id with the choice', () => {
    const run = choose(createRun(scenario), 'spot-f1', 2500);
    expect(currentNode(run).id).toBe('b');
    expect(run.steps).toEqual([
      { nodeId: 'a', choiceId: 'spot-f1', risky: false, timedOut: false, spotted: ['f1'], atMs: 2500 },
    ]);
  });

  it('never changes the run it was given', () => {
    const start = createRun(scenario);
    const next = choose(start, 'risky-1');
    expect(start.steps).toHaveLength(0);
    expect(currentNode(start).id).toBe('a');
    expect(currentNode(next).id).toBe('c');
  });

  it('rejects an unknown choice id with a clear error listing the valid ones', () => {
    expect(() => choose(createRun(scenario), 'nope')).toThrow(RunError);
    expect(() => choose(createRun(scenario), 'nope')).toThrow(
      'scenario "fixture", node "a": no choice "nope" (choices: spot-f1, spot-f2, risky-1)',
    );
  });

  it('rejects a choice that belongs to another node', () => {
    expect(() => choose(createRun(scenario), 'spot-f3')).toThrow(/no choice "spot-f3"/);
  });

  it('reaches an ending and refuses further choices', () => {
    const run = play('spot-f1', 'spot-f3');
    expect(isFinished(run)).toBe(true);
    expect(endingOf(run)?.kind).toBe('safe');
    expect(() => choose(run, 'spot-f3')).toThrow('cannot choose "spot-f3", the run has ended at "end-safe"');
  });
});

describe('red flags and score', () => {
  it('computes spotted and missed flags over the nodes passed through', () => {
    const run = play('spot-f1', 'spot-f3');
    expect(spottedFlags(run)).toEqual(['f1', 'f3']);
    expect(missedFlags(run)).toEqual(['f2']);
  });

  it('does not count flags of the node the visitor is still reading as missed', () => {
    const run = play('spot-f2');
    expect(missedFlags(run)).toEqual(['f1']);
  });

  it('scores 600 × share of flags spotted + 400 × ending weight', () => {
    expect(scoreOf(play('spot-f1', 'spot-f3'))).toBe(800); // 2/3 flags, safe
    expect(scoreOf(play('risky-1', 'worse'))).toBe(0); // 0/3 flags, harmed
    expect(scoreOf(play('risky-1', 'recover'))).toBe(400); // 1/3 flags, rescued
    expect(scoreOf(play('spot-f1'))).toBe(300); // 1/2 flags so far, not ended
  });

  it('gives feedback on the latest choice: flags spotted, flags walked past', () => {
    expect(lastFeedback(createRun(scenario))).toBeNull();
    const good = lastFeedback(play('spot-f1'));
    expect(good?.spotted.map((f) => f.id)).toEqual(['f1']);
    expect(good?.missed.map((f) => f.id)).toEqual(['f2']);
    const bad = lastFeedback(play('risky-1'));
    expect(bad?.step.risky).toBe(true);
    expect(bad?.spotted).toEqual([]);
    expect(bad?.missed.map((f) => f.id)).toEqual(['f1', 'f2']);
  });
});

describe('countdowns', () => {
  it('takes the timeout choice when time runs out, crediting no flags', () => {
    const run = timeOut(play('spot-f1'), 12_000);
    expect(run.steps[1]).toEqual({
      nodeId: 'b',
      choiceId: 'wait',
      risky: false,
      timedOut: true,
      spotted: [],
      atMs: 12_000,
    });
    expect(endingOf(run)?.kind).toBe('rescued');
    expect(missedFlags(run)).toEqual(['f2', 'f3']);
  });

  it('credits the flags of the same choice when the visitor presses it', () => {
    expect(spottedFlags(choose(play('spot-f1'), 'wait'))).toEqual(['f1', 'f3']);
  });

  it('refuses to time out a node without a countdown', () => {
    expect(() => timeOut(createRun(scenario))).toThrow('node "a": has no countdown to run out');
  });
});

describe('retryFromFirstMistake', () => {
  it('restores the run as it was just before the first risky choice', () => {
    const before = choose(createRun(scenario, 0), 'spot-f1', 1000);
    const failed = choose(before, 'bad', 2000);
    expect(endingOf(failed)?.kind).toBe('harmed');
    const retried = retryFromFirstMistake(failed, 3000);
    expect(retried.steps).toEqual(before.steps);
    expect(currentNode(retried)).toBe(currentNode(before));
    expect(spottedFlags(retried)).toEqual(spottedFlags(before));
    expect(missedFlags(retried)).toEqual(missedFlags(before));
    expect(retried.retries).toBe(1);
    // The clock keeps running: the duration is the visitor's real time at the station.
    expect(durationMs(retried)).toBe(3000);
  });

  it('goes back to the first mistake, not the last one', () => {
    const failed = play('risky-1', 'worse');
    expect(firstMistakeIndex(failed)).toBe(0);
    const retried = retryFromFirstMistake(failed);
    expect(retried.steps).toEqual([]);
    expect(currentNode(retried).id).toBe('a');
  });

  it('is offered after a rescued ending that began with a mistake', () => {
    expect(canRetry(play('risky-1', 'recover'))).toBe(true);
  });

  it('is refused with a clear error when there was no mistake', () => {
    const clean = play('spot-f1', 'spot-f3');
    expect(canRetry(clean)).toBe(false);
    expect(() => retryFromFirstMistake(clean)).toThrow('no risky choice to go back to');
  });

  it('costs 50 points per retry', () => {
    const retried = retryFromFirstMistake(play('risky-1', 'worse'));
    expect(scoreOf(choose(choose(retried, 'spot-f1'), 'spot-f3'))).toBe(750);
  });
});

describe('switchScenarioLanguage', () => {
  it('keeps the progress and shows the other language', () => {
    const vi = loadFile('otp-bank.vi.json');
    const en = loadFile('otp-bank.en.json');
    const run = choose(choose(createRun(vi), 'ignore'), 'hesitate');
    const switched = switchScenarioLanguage(run, en);
    expect(currentNode(switched).id).toBe('call-pressure');
    expect(spottedFlags(switched)).toEqual(spottedFlags(run));
    const node = currentNode(switched);
    expect(node.kind === 'decision' && node.messages[1]?.text).toBe(
      "No need to tell your parents, it'll take too long.",
    );
  });

  it('refuses a different scenario', () => {
    expect(() => switchScenarioLanguage(createRun(scenario), loadFile('grooming.en.json'))).toThrow(
      'cannot switch run of "fixture" to scenario "grooming"',
    );
  });
});

describe('time', () => {
  it('measures duration from the start to the latest clock reading', () => {
    const run = choose(choose(createRun(scenario, 10_000), 'spot-f1', 25_000), 'spot-f3', 70_500);
    expect(durationMs(run)).toBe(60_500);
    expect(durationMs(run, 80_000)).toBe(70_000);
  });

  it('rejects a clock that goes backwards', () => {
    const run = choose(createRun(scenario, 5000), 'spot-f1', 9000);
    expect(() => choose(run, 'spot-f3', 8000)).toThrow(RunError);
  });
});

describe('events for the bridge contract', () => {
  it('builds a valid choice record, with no station id (the shell stamps it)', () => {
    const event = stepEvent(play('spot-f1'));
    expect(event).toEqual({ type: 'choice', scenarioId: 'fixture', nodeId: 'a', choiceId: 'spot-f1' });
    expect(() => asVisitorEvent(event)).not.toThrow();
    expect(() => stepEvent(createRun(scenario))).toThrow(/no choice made yet/);
  });

  it('records a countdown that ran out as a timeout, not as the choice it implies', () => {
    const event = stepEvent(timeOut(play('spot-f1'), 12_000));
    expect(event).toEqual({ type: 'timeout', scenarioId: 'fixture', nodeId: 'b' });
    expect(() => asVisitorEvent(event)).not.toThrow();
  });

  it('records the start of a story', () => {
    const event = storyStartEvent(createRun(scenario));
    expect(event).toEqual({ type: 'story-start', scenarioId: 'fixture' });
    expect(() => asVisitorEvent(event)).not.toThrow();
  });

  it('builds a valid result record with outcome, score, duration and flags', () => {
    const run = choose(choose(createRun(scenario, 1000), 'spot-f1', 5000), 'spot-f3', 9000);
    const event = resultEvent(run);
    expect(event).toEqual({
      type: 'result',
      scenarioId: 'fixture',
      outcome: 'safe',
      score: 800,
      durationMs: 8000,
      redFlagsSpotted: ['f1', 'f3'],
      redFlagsMissed: ['f2'],
    });
    expect(() => asVisitorEvent(event)).not.toThrow();
  });

  it('refuses a result before the end', () => {
    expect(() => resultEvent(play('spot-f1'))).toThrow(/has not ended/);
  });

  it('builds a valid check record, with its form', () => {
    const event = checkEvent('after', 'B', { correct: 2, total: 8 }, 'otp-bank');
    expect(asVisitorEvent(event)).toMatchObject({
      type: 'check',
      phase: 'after',
      form: 'B',
      correct: 2,
      total: 8,
    });
    expect(checkEvent('before', 'A', { correct: 0, total: 8 })).not.toHaveProperty('scenarioId');
  });

  it('builds a valid record per check answer: item, form, round, answer and whether it was right', () => {
    const pool = loadCheckPool(readJson('checks.en.json'), 'checks.en.json');
    const item = pool.items.find((candidate) => candidate.id === 'bank-real-otp');
    if (!item) throw new Error('fixture: bank-real-otp is missing');
    const wrong = checkAnswerEvent('before', 'A', item, 'scam');
    expect(asVisitorEvent(wrong)).toMatchObject({
      type: 'check-answer',
      phase: 'before',
      form: 'A',
      itemId: 'bank-real-otp',
      answer: 'scam',
      correct: false,
    });
    expect(checkAnswerEvent('after', 'B', item, 'safe').correct).toBe(true);
  });
});

describe.each(scenarioFileNames())('every path of %s through the engine', (fileName) => {
  const real = loadFile(fileName);

  it('ends at the expected ending with a contract-valid result', () => {
    for (const path of allPaths(real)) {
      let run = createRun(real, 0);
      path.steps.forEach((step, i) => {
        expect(currentNode(run).id).toBe(step.nodeId);
        run = choose(run, step.choiceId, (i + 1) * 10_000);
      });
      expect(currentNode(run).id).toBe(path.endingId);
      const event = resultEvent(run);
      expect(() => asVisitorEvent(event)).not.toThrow();
      expect(event.score).toBeGreaterThanOrEqual(0);
      expect(event.score).toBeLessThanOrEqual(1000);
      // A path with a mistake can be retried, and retrying lands on a decision node.
      if (canRetry(run)) expect(currentNode(retryFromFirstMistake(run)).kind).toBe('decision');
    }
  });

  it('scores a flawless safe path higher than any harmed path', () => {
    const scores = allPaths(real).map((path) => {
      const run = path.steps.reduce((r, step) => choose(r, step.choiceId), createRun(real));
      return { kind: endingOf(run)?.kind, score: scoreOf(run) };
    });
    const bestSafe = Math.max(...scores.filter((s) => s.kind === 'safe').map((s) => s.score));
    const bestHarmed = Math.max(...scores.filter((s) => s.kind === 'harmed').map((s) => s.score));
    expect(bestSafe).toBeGreaterThan(bestHarmed);
  });
});
