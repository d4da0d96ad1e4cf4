/**
 * The visitor tallies as an in-memory aggregate, updated one journal record at a time.
 *
 * No I/O here: the journal feeds every record it replays or appends through `addRecord`,
 * so tallies survive restarts by construction (they are rebuilt from the journal) and
 * reading them costs O(buckets), never O(records). The kiosk, the day's panel, the exports,
 * the merge and the collector all count through these three functions:
 * `createAggregate`, `addRecord`, `toTallies`.
 *
 * Everything a station reports is keyed by its station id first (stamped by the shell), then
 * by scenario (stories, checks) or by the before round's form (the learning figure).
 */
import {
  OUTCOMES,
  SCENE_LEAVE_REASONS,
  SESSION_END_REASONS,
  type CheckRounds,
  type Counts,
  type JournalRecord,
  type LearningSums,
  type SceneTally,
  type ScenarioTally,
  type Tallies,
} from '../bridge/contract.js';
import { emptyLearningSums } from '../bridge/learning.js';
import { addAnswer, emptySession, finishRound, type SessionState } from './tallies-session.js';

/** Key for checks and scenarios recorded without a scenario id. */
export const NO_SCENARIO = '(none)';

/** Local-time bucket keys of one instant: hour "YYYY-MM-DDTHH" and day "YYYY-MM-DD". */
export interface LocalBuckets {
  hour: string;
  day: string;
}

/** Two-level map: station id, then scenario id or form. */
export type ByStation<T> = Map<string, Map<string, T>>;

export interface Aggregate {
  /** Valid journal records seen, of every type. */
  records: number;
  totals: Counts;
  sessionsByEndReason: Map<string, number>;
  scenes: Map<string, SceneTally>;
  byHour: Map<string, Counts>;
  byDay: Map<string, Counts>;
  checks: ByStation<CheckRounds>;
  scenarios: ByStation<ScenarioTally>;
  learning: ByStation<LearningSums>;
  /** Lantern colours: station, then local day, then counts per colour id. */
  colours: ByStation<Record<string, number>>;
  /** State of the sessions still open (see tallies-session.ts), by session id. */
  sessions: Map<string, SessionState>;
  /**
   * Bucket keys by UTC minute ("YYYY-MM-DDTHH:MM"): converting to local time is the costly
   * part of a replay and every record of the same minute lands in the same local hour.
   * Per aggregate (not module-wide) so a changed time zone never reuses stale keys.
   */
  readonly bucketCache: Map<string, LocalBuckets>;
}

const BUCKET_CACHE_LIMIT = 50_000;

/** An empty aggregate. */
export function createAggregate(): Aggregate {
  return {
    records: 0,
    totals: { sessions: 0, completions: 0, pledges: 0 },
    sessionsByEndReason: new Map(),
    scenes: new Map(),
    byHour: new Map(),
    byDay: new Map(),
    checks: new Map(),
    scenarios: new Map(),
    learning: new Map(),
    colours: new Map(),
    sessions: new Map(),
    bucketCache: new Map(),
  };
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Local-time hour and day keys of a Date, in the process's time zone. */
export function localBucketsOf(date: Date): LocalBuckets {
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return { day, hour: `${day}T${pad2(date.getHours())}` };
}

function bucketsFor(agg: Aggregate, at: string): LocalBuckets {
  // `at` is validated as ISO-8601 UTC ("…Z"), so its first 16 characters name the minute.
  const minute = at.slice(0, 16);
  let buckets = agg.bucketCache.get(minute);
  if (buckets === undefined) {
    buckets = localBucketsOf(new Date(at));
    if (agg.bucketCache.size >= BUCKET_CACHE_LIMIT) agg.bucketCache.clear();
    agg.bucketCache.set(minute, buckets);
  }
  return buckets;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function inStation<T>(map: ByStation<T>, sceneId: string, key: string, make: () => T): T {
  return entry(
    entry(map, sceneId, () => new Map<string, T>()),
    key,
    make,
  );
}

const emptyCounts = (): Counts => ({ sessions: 0, completions: 0, pledges: 0 });
const emptyScene = (): SceneTally => ({ enters: 0, completions: 0, leaves: {}, pledges: {} });
const emptyRounds = (): CheckRounds => ({
  before: { answered: 0, correct: 0, total: 0 },
  after: { answered: 0, correct: 0, total: 0 },
});
const emptyScenario = (): ScenarioTally => ({
  starts: 0,
  abandoned: 0,
  plays: 0,
  outcomes: {},
  redFlagsSpotted: 0,
  redFlagsMissed: 0,
  durationMs: 0,
  choices: {},
  timeouts: {},
});

function bump(counts: Record<string, number>, key: string): void {
  // Own keys only: a content id may be "constructor", which every object inherits.
  counts[key] = (Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0) + 1;
}

function countTotal(agg: Aggregate, at: string, field: keyof Counts): void {
  agg.totals[field] += 1;
  const { hour, day } = bucketsFor(agg, at);
  entry(agg.byHour, hour, emptyCounts)[field] += 1;
  entry(agg.byDay, day, emptyCounts)[field] += 1;
}

function scenario(agg: Aggregate, sceneId: string, scenarioId: string | undefined): ScenarioTally {
  return inStation(agg.scenarios, sceneId, scenarioId ?? NO_SCENARIO, emptyScenario);
}

/** The story a session left unfinished is counted as abandoned, once. */
function closeStory(agg: Aggregate, state: SessionState | undefined): void {
  if (state?.story) scenario(agg, state.story.sceneId, state.story.scenarioId).abandoned += 1;
  if (state) state.story = null;
}

function sessionOf(agg: Aggregate, sessionId: string): SessionState {
  return entry(agg.sessions, sessionId, emptySession);
}

/**
 * Folds one (already validated) journal record into `agg`, in place, in O(1).
 * Returns `agg` for chaining.
 */
export function addRecord(agg: Aggregate, record: JournalRecord): Aggregate {
  agg.records += 1;
  switch (record.type) {
    case 'session-start':
      countTotal(agg, record.at, 'sessions');
      break;
    case 'session-end':
      agg.sessionsByEndReason.set(record.reason, (agg.sessionsByEndReason.get(record.reason) ?? 0) + 1);
      closeStory(agg, agg.sessions.get(record.sessionId));
      agg.sessions.delete(record.sessionId);
      break;
    case 'scene-enter':
      entry(agg.scenes, record.sceneId, emptyScene).enters += 1;
      break;
    case 'scene-leave':
      bump(entry(agg.scenes, record.sceneId, emptyScene).leaves, record.reason);
      closeStory(agg, agg.sessions.get(record.sessionId));
      break;
    case 'story-start': {
      const state = sessionOf(agg, record.sessionId);
      closeStory(agg, state);
      scenario(agg, record.sceneId, record.scenarioId).starts += 1;
      state.story = { sceneId: record.sceneId, scenarioId: record.scenarioId };
      break;
    }
    case 'choice':
      bump(scenario(agg, record.sceneId, record.scenarioId).choices, `${record.nodeId}/${record.choiceId}`);
      break;
    case 'timeout':
      bump(scenario(agg, record.sceneId, record.scenarioId).timeouts, record.nodeId);
      break;
    case 'result': {
      entry(agg.scenes, record.sceneId, emptyScene).completions += 1;
      countTotal(agg, record.at, 'completions');
      const played = scenario(agg, record.sceneId, record.scenarioId);
      played.plays += 1;
      bump(played.outcomes, record.outcome);
      played.redFlagsSpotted += record.redFlagsSpotted?.length ?? 0;
      played.redFlagsMissed += record.redFlagsMissed?.length ?? 0;
      played.durationMs += record.durationMs;
      const state = agg.sessions.get(record.sessionId);
      if (state?.story?.sceneId === record.sceneId && state.story.scenarioId === record.scenarioId) {
        state.story = null;
      }
      break;
    }
    case 'check-answer':
      addAnswer(
        sessionOf(agg, record.sessionId),
        record.sceneId,
        record.phase,
        record.answer,
        record.correct,
      );
      break;
    case 'check': {
      const rounds = inStation(agg.checks, record.sceneId, record.scenarioId ?? NO_SCENARIO, emptyRounds);
      const phase = rounds[record.phase];
      phase.answered += 1;
      phase.correct += record.correct;
      phase.total += record.total;
      finishRound(sessionOf(agg, record.sessionId), record.sceneId, record, (form) =>
        inStation(agg.learning, record.sceneId, form, emptyLearningSums),
      );
      break;
    }
    case 'pledge':
      countTotal(agg, record.at, 'pledges');
      bump(entry(agg.scenes, record.sceneId, emptyScene).pledges, record.pledgeId);
      if (record.colour !== undefined) {
        const { day } = bucketsFor(agg, record.at);
        bump(
          inStation(agg.colours, record.sceneId, day, () => ({})),
          record.colour,
        );
      }
      break;
    default:
      // language: stored for later analysis, not tallied.
      break;
  }
  return agg;
}

function sortedBuckets<K extends 'hour' | 'day'>(
  map: Map<string, Counts>,
  key: K,
): (Counts & Record<K, string>)[] {
  return [...map.keys()].sort().map((bucket) => {
    const counts = map.get(bucket) ?? emptyCounts();
    return { [key]: bucket, ...counts } as Counts & Record<K, string>;
  });
}

function nested<T, U>(map: ByStation<T>, copy: (value: T) => U): Record<string, Record<string, U>> {
  return Object.fromEntries(
    [...map].map(([sceneId, inner]) => [
      sceneId,
      Object.fromEntries([...inner].map(([key, value]) => [key, copy(value)])),
    ]),
  );
}

/**
 * The contract's Tallies from an aggregate, in O(buckets). Every known session-end reason,
 * leave reason and outcome is present (0 when unseen) so dashboards get a stable shape;
 * buckets are sorted ascending.
 */
export function toTallies(agg: Aggregate, kioskId: string, now: Date): Tallies {
  const zeros = (keys: readonly string[]): Record<string, number> =>
    Object.fromEntries(keys.map((key) => [key, 0]));
  return {
    kioskId,
    generatedAt: now.toISOString(),
    records: agg.records,
    totals: { ...agg.totals },
    sessionsByEndReason: { ...zeros(SESSION_END_REASONS), ...Object.fromEntries(agg.sessionsByEndReason) },
    scenes: Object.fromEntries(
      [...agg.scenes].map(([sceneId, scene]) => [
        sceneId,
        {
          enters: scene.enters,
          completions: scene.completions,
          leaves: { ...zeros(SCENE_LEAVE_REASONS), ...scene.leaves },
          pledges: { ...scene.pledges },
        },
      ]),
    ),
    byHour: sortedBuckets(agg.byHour, 'hour'),
    byDay: sortedBuckets(agg.byDay, 'day'),
    checks: nested(agg.checks, (rounds) => ({ before: { ...rounds.before }, after: { ...rounds.after } })),
    scenarios: nested(agg.scenarios, (tally) => ({
      ...tally,
      outcomes: { ...zeros(OUTCOMES), ...tally.outcomes },
      choices: { ...tally.choices },
      timeouts: { ...tally.timeouts },
    })),
    learning: nested(agg.learning, (sums) => structuredClone(sums)),
    colours: nested(agg.colours, (counts) => ({ ...counts })),
  };
}

/**
 * The aggregate that `tallies` describe, with `sessions` as the open sessions' state: the
 * inverse of `toTallies` (plus that state), used to restore the replay checkpoint.
 */
export function fromTallies(tallies: Tallies, sessions: Iterable<[string, SessionState]>): Aggregate {
  const agg = createAggregate();
  const toMap = <T>(record: Record<string, Record<string, T>>): ByStation<T> =>
    new Map(
      Object.entries(record).map(([sceneId, inner]) => [
        sceneId,
        new Map(Object.entries(structuredClone(inner))),
      ]),
    );
  agg.records = tallies.records;
  agg.totals = { ...tallies.totals };
  for (const [reason, n] of Object.entries(tallies.sessionsByEndReason))
    agg.sessionsByEndReason.set(reason, n);
  for (const [sceneId, scene] of Object.entries(tallies.scenes))
    agg.scenes.set(sceneId, structuredClone(scene));
  for (const { hour, ...counts } of tallies.byHour) agg.byHour.set(hour, counts);
  for (const { day, ...counts } of tallies.byDay) agg.byDay.set(day, counts);
  agg.checks = toMap(tallies.checks);
  agg.scenarios = toMap(tallies.scenarios);
  agg.learning = toMap(tallies.learning);
  agg.colours = toMap(tallies.colours);
  for (const [id, state] of sessions) agg.sessions.set(id, structuredClone(state));
  return agg;
}
