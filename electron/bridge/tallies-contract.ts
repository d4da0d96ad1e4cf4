/**
 * The shape of the visitor tallies, one schema per shape: the bridge answers with it, the
 * exports and the merge write it, the staff panel reads it, and the back office's replay
 * checkpoint stores it (electron/backoffice/checkpoint.ts derives its cache from TalliesSchema).
 *
 * Isomorphic: zod only. Everything is keyed by station first (the scene id the shell stamps
 * on every station event), then by scenario or check form, so two stations that reuse the
 * story engine are never counted as one.
 */
import { z } from 'zod';

const count = z.int().min(0);
const counts = z.record(z.string(), count);

export const CountsSchema = z.object({ sessions: count, completions: count, pledges: count });
export type Counts = z.infer<typeof CountsSchema>;

/** One station: entries, endings reached, leaves by reason, and pledges by pledge id. */
export const SceneTallySchema = z.object({
  enters: count,
  completions: count,
  /** Per leave reason (completed, exited, idle; every reason present). */
  leaves: counts.default({}),
  /** Pledges made at this station, per pledge id. */
  pledges: counts.default({}),
});
export type SceneTally = z.infer<typeof SceneTallySchema>;

/** One scenario of one station. */
export const ScenarioTallySchema = z.object({
  /** Stories started (one per story-start record). */
  starts: count.default(0),
  /** Stories started that reached no ending before the visitor left or started another. */
  abandoned: count.default(0),
  /** Endings reached (a retry that reaches another ending counts again). */
  plays: count,
  outcomes: counts,
  redFlagsSpotted: count,
  redFlagsMissed: count,
  /** Total time of the finished plays, ms (average = durationMs / plays). */
  durationMs: count.default(0),
  /** How often each choice was made, keyed "<nodeId>/<choiceId>" (ids never contain "/"). */
  choices: counts.default({}),
  /** Countdowns that ran out, per node id (recorded as timeouts, not as the choice they imply). */
  timeouts: counts.default({}),
});
export type ScenarioTally = z.infer<typeof ScenarioTallySchema>;

export const CheckCountsSchema = z.object({
  /** Rounds finished (one per `check` record). */
  answered: count,
  correct: count,
  total: count,
});
export type CheckCounts = z.infer<typeof CheckCountsSchema>;

export const CheckRoundsSchema = z.object({ before: CheckCountsSchema, after: CheckCountsSchema });
export type CheckRounds = z.infer<typeof CheckRoundsSchema>;

/** The two parallel forms of a station's "scam or safe?" check. */
export const CHECK_FORMS = ['A', 'B'] as const;
export const CheckFormSchema = z.enum(CHECK_FORMS);
export type CheckForm = z.infer<typeof CheckFormSchema>;

/** Sums over one round (before or after) of every paired session. */
export const RoundSumsSchema = z.object({
  /** Sum of the share of items answered right (0–1 per session). */
  score: z.number().min(0),
  /** Sessions with every item right. */
  ceiling: count,
  /** Scam items answered "scam", out of scam items shown. */
  hits: count,
  scamItems: count,
  /** Safe items answered "safe", out of safe items shown. */
  correctRejections: count,
  safeItems: count,
});
export type RoundSums = z.infer<typeof RoundSumsSchema>;

/**
 * The paired before/after learning figure of one station and one form order (keyed by the
 * form of the before round): only sessions that finished both rounds count, each once.
 */
export const LearningSumsSchema = z.object({
  sessions: count,
  before: RoundSumsSchema,
  after: RoundSumsSchema,
  /** Sum and sum of squares of the paired gain (after − before share), for the mean and its 95% interval. */
  gain: z.number(),
  gainSquares: z.number().min(0),
});
export type LearningSums = z.infer<typeof LearningSumsSchema>;

export const TalliesSchema = z.object({
  kioskId: z.string(),
  generatedAt: z.iso.datetime(),
  records: count,
  totals: CountsSchema,
  sessionsByEndReason: counts,
  /** Per station id. Defaults keep exports from before `leaves` readable. */
  scenes: z.record(z.string(), SceneTallySchema),
  /** Local hour buckets, key "YYYY-MM-DDTHH", sorted ascending. */
  byHour: z.array(CountsSchema.extend({ hour: z.string() })),
  /** Local day buckets, key "YYYY-MM-DD", sorted ascending. */
  byDay: z.array(CountsSchema.extend({ day: z.string() })),
  /** Check rounds per station, then per scenario id ("(none)" for rounds without one). */
  checks: z.record(z.string(), z.record(z.string(), CheckRoundsSchema)),
  /** Scenario results per station, then per scenario id ("(none)" without one). */
  scenarios: z.record(z.string(), z.record(z.string(), ScenarioTallySchema)),
  /** The paired learning figure per station, then per form of the before round. */
  learning: z.record(z.string(), z.record(z.string(), LearningSumsSchema)).default({}),
  /**
   * Lantern colours chosen per station, then per local day "YYYY-MM-DD", then per colour id
   * (one per pledge record that names a colour). Defaults keep older exports and caches readable.
   */
  colours: z.record(z.string(), z.record(z.string(), counts)).default({}),
});
export type Tallies = z.infer<typeof TalliesSchema>;

/** One station's own figures, for the station itself to read (StationContext.counts()). */
export const StationTallySchema = z.object({
  enters: count,
  completions: count,
  /** Pledges made at the station, in all and per pledge id. */
  pledges: count,
  pledgesById: counts,
  /** Lantern colours chosen at the station, per colour id (the pledge station's lake). */
  colours: counts.default({}),
  /** Stories started, per scenario id. */
  storyStarts: counts,
  /** "Scam or safe?" before rounds finished (sessions alternate forms by its parity). */
  checksBefore: count.default(0),
});
export type StationTally = z.infer<typeof StationTallySchema>;

export const StationCountsSchema = z.object({
  sceneId: z.string(),
  /** Since the kiosk's day was opened (the last staff "end of day"). */
  today: StationTallySchema,
  allTime: StationTallySchema,
});
export type StationCounts = z.infer<typeof StationCountsSchema>;

/** `record[key]` when it is the record's own (ids such as "constructor" are inherited names). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A station's figures from full tallies (an unknown station reads as all zeros). */
export function stationTally(tallies: Tallies, sceneId: string): StationTally {
  const scene = ownValue(tallies.scenes, sceneId);
  const pledgesById = { ...(scene?.pledges ?? {}) };
  const storyStarts = Object.fromEntries(
    Object.entries(ownValue(tallies.scenarios, sceneId) ?? {}).map(([id, scenario]) => [id, scenario.starts]),
  );
  const checksBefore = Object.values(ownValue(tallies.checks, sceneId) ?? {}).reduce(
    (sum, rounds) => sum + rounds.before.answered,
    0,
  );
  const colours: Record<string, number> = {};
  for (const day of Object.values(ownValue(tallies.colours, sceneId) ?? {})) {
    for (const [colour, n] of Object.entries(day)) colours[colour] = (ownValue(colours, colour) ?? 0) + n;
  }
  return {
    enters: scene?.enters ?? 0,
    completions: scene?.completions ?? 0,
    pledges: Object.values(pledgesById).reduce((sum, n) => sum + n, 0),
    pledgesById,
    colours,
    storyStarts,
    checksBefore,
  };
}
