import { describe, expect, it } from 'vitest';
import { stationTally, TalliesSchema, type VisitorEvent } from '../../electron/bridge/contract.js';
import { addRecord, createAggregate, toTallies } from '../../electron/backoffice/tallies.js';
import { sessionEvents, sid, stamp } from './helpers.js';

/** Local "YYYY-MM-DDTHH" computed independently of the code under test. */
function expectedHour(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}`;
}

const NO_LEAVES = { completed: 0, exited: 0, idle: 0 };
const scene = (enters: number, completions: number, pledges: Record<string, number> = {}) => ({
  enters,
  completions,
  leaves: NO_LEAVES,
  pledges,
});

describe('tallies aggregate', () => {
  it('counts sessions, completions, pledges, end reasons and scenes', () => {
    const agg = createAggregate();
    const at = new Date(2025, 10, 22, 10, 15);
    for (const event of sessionEvents('visitor-0001', 'scam')) addRecord(agg, stamp(event, at));
    for (const event of sessionEvents('visitor-0002', 'kidnap')) addRecord(agg, stamp(event, at));
    addRecord(agg, stamp({ type: 'session-start', sessionId: sid('visitor-0003'), language: 'en' }, at));
    addRecord(agg, stamp({ type: 'session-end', sessionId: sid('visitor-0003'), reason: 'idle' }, at));
    addRecord(agg, stamp({ type: 'scene-enter', sessionId: sid('visitor-0003'), sceneId: 'scam' }, at));

    const tallies = toTallies(agg, 'kiosk-abc123', new Date(2025, 10, 22, 12));
    expect(TalliesSchema.parse(tallies)).toEqual(tallies);
    expect(tallies.records).toBe(15);
    expect(tallies.totals).toEqual({ sessions: 3, completions: 2, pledges: 2 });
    expect(tallies.sessionsByEndReason).toEqual({ idle: 1, visitor: 0, completed: 2, staff: 0 });
    expect(tallies.scenes).toEqual({
      scam: scene(2, 1),
      kidnap: scene(1, 1),
      pledge: scene(0, 0, { 'never-share-otp': 2 }),
    });
    expect(tallies.kioskId).toBe('kiosk-abc123');
  });

  it('counts station leaves by reason, every reason present', () => {
    const agg = createAggregate();
    const leave = (sessionId: string, reason: 'completed' | 'exited' | 'idle') =>
      addRecord(agg, stamp({ type: 'scene-leave', sessionId, sceneId: 'scam', reason }));
    leave('visitor-0001', 'exited');
    leave('visitor-0002', 'exited');
    leave('visitor-0003', 'idle');
    expect(toTallies(agg, 'k', new Date()).scenes.scam).toEqual({
      enters: 0,
      completions: 0,
      leaves: { completed: 0, exited: 2, idle: 1 },
      pledges: {},
    });
  });

  it('counts each choice per scenario by node and choice, and sums play time', () => {
    const agg = createAggregate();
    for (const id of ['visitor-0001', 'visitor-0002']) {
      for (const event of sessionEvents(id)) addRecord(agg, stamp(event));
    }
    addRecord(
      agg,
      stamp({
        type: 'choice',
        sessionId: sid('visitor-0003'),
        sceneId: 'scam',
        scenarioId: 'bank-call',
        nodeId: 'n-1',
        choiceId: 'read-code',
      }),
    );
    const scenario = toTallies(agg, 'k', new Date()).scenarios.scam?.['bank-call'];
    expect(scenario?.choices).toEqual({ 'n-1/hang-up': 2, 'n-1/read-code': 1 });
    expect(scenario?.durationMs).toBe(2 * 73_000);
    expect(scenario?.plays).toBe(2);
  });

  it('buckets by local hour and day, sorted, whatever the arrival order', () => {
    const agg = createAggregate();
    const late = new Date(2025, 10, 22, 23, 59, 30);
    const nextDay = new Date(2025, 10, 23, 0, 0, 5);
    const morning = new Date(2025, 10, 22, 9, 0, 0);
    const start = (id: string): VisitorEvent => ({ type: 'session-start', sessionId: id, language: 'vi' });
    addRecord(agg, stamp(start('visitor-late'), late));
    addRecord(agg, stamp(start('visitor-next'), nextDay));
    addRecord(agg, stamp(start('visitor-morn'), morning));
    addRecord(
      agg,
      stamp(
        { type: 'pledge', sessionId: sid('visitor-morn'), sceneId: 'pledge', pledgeId: 'tell-parents' },
        morning,
      ),
    );

    const tallies = toTallies(agg, 'kiosk-abc123', new Date());
    expect(tallies.byHour).toEqual([
      { hour: expectedHour(morning), sessions: 1, completions: 0, pledges: 1 },
      { hour: expectedHour(late), sessions: 1, completions: 0, pledges: 0 },
      { hour: expectedHour(nextDay), sessions: 1, completions: 0, pledges: 0 },
    ]);
    expect(tallies.byDay).toEqual([
      { day: expectedHour(late).slice(0, 10), sessions: 2, completions: 0, pledges: 1 },
      { day: expectedHour(nextDay).slice(0, 10), sessions: 1, completions: 0, pledges: 0 },
    ]);
  });

  it('does not create time buckets for events that are not sessions, completions or pledges', () => {
    const agg = createAggregate();
    addRecord(agg, stamp({ type: 'language', sessionId: sid('visitor-0001'), language: 'en' }));
    addRecord(
      agg,
      stamp({ type: 'scene-leave', sessionId: sid('visitor-0001'), sceneId: 'scam', reason: 'exited' }),
    );
    const tallies = toTallies(agg, 'k', new Date());
    expect(tallies.records).toBe(2);
    expect(tallies.byHour).toEqual([]);
    expect(tallies.byDay).toEqual([]);
    expect(tallies.totals).toEqual({ sessions: 0, completions: 0, pledges: 0 });
  });

  it('returns a snapshot that later records do not change', () => {
    const agg = createAggregate();
    addRecord(agg, stamp({ type: 'scene-enter', sessionId: sid('visitor-0001'), sceneId: 'scam' }));
    const before = toTallies(agg, 'k', new Date());
    addRecord(agg, stamp({ type: 'scene-enter', sessionId: sid('visitor-0002'), sceneId: 'scam' }));
    expect(before.scenes.scam).toEqual(scene(1, 0));
    expect(toTallies(agg, 'k', new Date()).scenes.scam).toEqual(scene(2, 0));
  });

  it('handles station and content ids that are also Object.prototype names', () => {
    const agg = createAggregate();
    const sessionId = sid('visitor-0001');
    addRecord(agg, stamp({ type: 'scene-enter', sessionId, sceneId: 'constructor' }));
    addRecord(agg, stamp({ type: 'pledge', sessionId, sceneId: 'constructor', pledgeId: 'constructor' }));
    addRecord(
      agg,
      stamp({ type: 'timeout', sessionId, sceneId: 'scam', scenarioId: 'a', nodeId: 'constructor' }),
    );
    const tallies = toTallies(agg, 'k', new Date());
    expect(tallies.scenes).toEqual({ constructor: scene(1, 0, { constructor: 1 }) });
    expect(tallies.scenarios.scam?.a?.timeouts).toEqual({ constructor: 1 });
    expect(stationTally(tallies, 'constructor').pledges).toBe(1);
    expect(stationTally(tallies, 'toString')).toMatchObject({ enters: 0, pledges: 0 });
  });
});
