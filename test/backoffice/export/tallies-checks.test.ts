import { afterEach, describe, expect, it } from 'vitest';
import { TalliesSchema } from '../../../electron/bridge/contract.js';
import { closeAll, openKiosk } from '../admin/support.js';
import { sid } from '../helpers.js';

afterEach(closeAll);

describe('tallies: recognition checks and scenarios (issues 3 and 4)', () => {
  it('counts checks before/after per scenario and results per scenario, and keeps them across a restart', () => {
    const kiosk = openKiosk();
    const record = kiosk.backOffice.record.bind(kiosk.backOffice);
    const sessionId = sid('visitor-0001');
    record({
      type: 'check',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      phase: 'before',
      correct: 1,
      total: 3,
    });
    record({
      type: 'check',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      phase: 'after',
      correct: 3,
      total: 3,
    });
    record({ type: 'check', sessionId, sceneId: 'scam', phase: 'before', correct: 0, total: 2 });
    record({
      type: 'result',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      outcome: 'harmed',
      durationMs: 5,
      redFlagsSpotted: ['a'],
      redFlagsMissed: ['b', 'c'],
    });
    record({
      type: 'result',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      outcome: 'safe',
      durationMs: 5,
    });
    record({
      type: 'choice',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      nodeId: 'sms',
      choiceId: 'open',
    });
    record({ type: 'scene-leave', sessionId, sceneId: 'scam', reason: 'idle' });
    const expected = {
      checks: {
        scam: {
          'otp-bank': {
            before: { answered: 1, correct: 1, total: 3 },
            after: { answered: 1, correct: 3, total: 3 },
          },
          '(none)': {
            before: { answered: 1, correct: 0, total: 2 },
            after: { answered: 0, correct: 0, total: 0 },
          },
        },
      },
      scenarios: {
        scam: {
          'otp-bank': {
            starts: 0,
            abandoned: 0,
            plays: 2,
            outcomes: { safe: 1, harmed: 1, rescued: 0, completed: 0 },
            redFlagsSpotted: 1,
            redFlagsMissed: 2,
            durationMs: 10,
            choices: { 'sms/open': 1 },
            timeouts: {},
          },
        },
      },
    };
    const tallies = TalliesSchema.parse(kiosk.backOffice.tallies());
    expect({ checks: tallies.checks, scenarios: tallies.scenarios }).toEqual(expected);
    expect(tallies.scenes.scam?.leaves).toEqual({ completed: 0, exited: 0, idle: 1 });
    // Reopen: the replay checkpoint must carry checks, scenarios and leaves too.
    const again = kiosk.reopen().tallies();
    expect({ checks: again.checks, scenarios: again.scenarios }).toEqual(expected);
    expect(again.scenes.scam?.leaves).toEqual({ completed: 0, exited: 0, idle: 1 });
  });
});
