/**
 * The visitor tallies as an in-memory aggregate, updated one journal record at a time.
 *
 * No I/O here: the journal feeds every record it replays or appends through `addRecord`,
 * so tallies survive restarts by construction (they are rebuilt from the journal) and
 * reading them costs O(buckets), never O(records).
 */
import {
  OUTCOMES,
  SCENE_LEAVE_REASONS,
  SESSION_END_REASONS,
  type CheckCounts,
  type Counts,
  type JournalRecord,
  type Tallies,
} from '../bridge/contract.js';

export interface SceneCounts {
  enters: number;
  completions: number;
  /** Per leave reason; unseen reasons are absent here and 0 in toTallies(). */
  leaves: Record<string, number>;
}

/** Key for checks and scenarios recorded without a scenario id. */
export const NO_SCENARIO = '(none)';

export interface CheckPhases {
  before: CheckCounts;
  after: CheckCounts;
}

export interface ScenarioCounts {
  plays: number;
  /** Per outcome (see OUTCOMES); unseen outcomes are absent here and 0 in toTallies(). */
  outcomes: Record<string, number>;
  redFlagsSpotted: number;
  redFlagsMissed: number;
  /** Total time of the finished plays, ms. */
  durationMs: number;
  /** Choices made, keyed "<nodeId>/<choiceId>" (content ids never contain "/"). */
  choices: Record<string, number>;
}

/** Local-time bucket keys of one instant: hour "YYYY-MM-DDTHH" and day "YYYY-MM-DD". */
export interface LocalBuckets {
  hour: string;
  day: string;
}

export interface Aggregate {
  /** Valid journal records seen, of every type. */
  records: number;
  totals: Counts;
  sessionsByEndReason: Map<string, number>;
  scenes: Map<string, SceneCounts>;
  byHour: Map<string, Counts>;
  byDay: Map<string, Counts>;
  /** Recognition checks per scenario id (NO_SCENARIO without one). */
  checks: Map<string, CheckPhases>;
  /** Scenario results per scenario id (NO_SCENARIO without one). */
  scenarios: Map<string, ScenarioCounts>;
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

function countIn(map: Map<string, Counts>, key: string, field: keyof Counts): void {
  let counts = map.get(key);
  if (counts === undefined) {
    counts = { sessions: 0, completions: 0, pledges: 0 };
    map.set(key, counts);
  }
  counts[field] += 1;
}

function sceneIn(agg: Aggregate, sceneId: string): SceneCounts {
  let scene = agg.scenes.get(sceneId);
  if (scene === undefined) {
    scene = { enters: 0, completions: 0, leaves: {} };
    agg.scenes.set(sceneId, scene);
  }
  return scene;
}

function checksIn(agg: Aggregate, scenarioId: string | undefined): CheckPhases {
  const key = scenarioId ?? NO_SCENARIO;
  let phases = agg.checks.get(key);
  if (phases === undefined) {
    phases = { before: { answered: 0, correct: 0, total: 0 }, after: { answered: 0, correct: 0, total: 0 } };
    agg.checks.set(key, phases);
  }
  return phases;
}

function scenarioIn(agg: Aggregate, scenarioId: string | undefined): ScenarioCounts {
  const key = scenarioId ?? NO_SCENARIO;
  let scenario = agg.scenarios.get(key);
  if (scenario === undefined) {
    scenario = { plays: 0, outcomes: {}, redFlagsSpotted: 0, redFlagsMissed: 0, durationMs: 0, choices: {} };
    agg.scenarios.set(key, scenario);
  }
  return scenario;
}

function countTotal(agg: Aggregate, at: string, field: keyof Counts): void {
  agg.totals[field] += 1;
  const { hour, day } = bucketsFor(agg, at);
  countIn(agg.byHour, hour, field);
  countIn(agg.byDay, day, field);
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
      break;
    case 'scene-enter':
      sceneIn(agg, record.sceneId).enters += 1;
      break;
    case 'scene-leave': {
      const leaves = sceneIn(agg, record.sceneId).leaves;
      leaves[record.reason] = (leaves[record.reason] ?? 0) + 1;
      break;
    }
    case 'choice': {
      const choices = scenarioIn(agg, record.scenarioId).choices;
      const key = `${record.nodeId}/${record.choiceId}`;
      choices[key] = (choices[key] ?? 0) + 1;
      break;
    }
    case 'result': {
      sceneIn(agg, record.sceneId).completions += 1;
      countTotal(agg, record.at, 'completions');
      const scenario = scenarioIn(agg, record.scenarioId);
      scenario.plays += 1;
      scenario.outcomes[record.outcome] = (scenario.outcomes[record.outcome] ?? 0) + 1;
      scenario.redFlagsSpotted += record.redFlagsSpotted?.length ?? 0;
      scenario.redFlagsMissed += record.redFlagsMissed?.length ?? 0;
      scenario.durationMs += record.durationMs;
      break;
    }
    case 'check': {
      const phase = checksIn(agg, record.scenarioId)[record.phase];
      phase.answered += 1;
      phase.correct += record.correct;
      phase.total += record.total;
      break;
    }
    case 'pledge':
      countTotal(agg, record.at, 'pledges');
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
    const counts = map.get(bucket) ?? { sessions: 0, completions: 0, pledges: 0 };
    return { [key]: bucket, ...counts } as Counts & Record<K, string>;
  });
}

/**
 * The contract's Tallies from an aggregate, in O(buckets). Every known session-end reason
 * is present (0 when unseen) so dashboards get a stable shape; buckets are sorted ascending.
 */
export function toTallies(agg: Aggregate, kioskId: string, now: Date): Tallies {
  const sessionsByEndReason: Record<string, number> = Object.fromEntries(
    SESSION_END_REASONS.map((reason) => [reason, 0]),
  );
  for (const [reason, count] of agg.sessionsByEndReason) sessionsByEndReason[reason] = count;
  return {
    kioskId,
    generatedAt: now.toISOString(),
    records: agg.records,
    totals: { ...agg.totals },
    sessionsByEndReason,
    scenes: Object.fromEntries(
      [...agg.scenes].map(([sceneId, counts]) => [
        sceneId,
        {
          ...counts,
          leaves: {
            ...Object.fromEntries(SCENE_LEAVE_REASONS.map((reason) => [reason, 0])),
            ...counts.leaves,
          },
        },
      ]),
    ),
    byHour: sortedBuckets(agg.byHour, 'hour'),
    byDay: sortedBuckets(agg.byDay, 'day'),
    checks: Object.fromEntries(
      [...agg.checks].map(([key, phases]) => [
        key,
        { before: { ...phases.before }, after: { ...phases.after } },
      ]),
    ),
    scenarios: Object.fromEntries(
      [...agg.scenarios].map(([key, scenario]) => [
        key,
        {
          ...scenario,
          outcomes: { ...Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])), ...scenario.outcomes },
          choices: { ...scenario.choices },
        },
      ]),
    ),
  };
}
