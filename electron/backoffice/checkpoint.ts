/**
 * A disposable cache of the tallies aggregate for a prefix of the journal.
 *
 * Boot replay must parse and validate every line (100k records: most of a second on a
 * slow kiosk PC). The checkpoint remembers "the first N bytes, whose SHA-1 is H, fold
 * into this aggregate", so boot only has to hash the prefix and replay the tail.
 * It is never a source of truth: any mismatch (hash, size, format, app version, time
 * zone) or damage simply means a full replay, and losing it loses nothing.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { createAggregate, type Aggregate } from './tallies.js';

/**
 * 2: the aggregate gained `checks` and `scenarios` (issue 4). 3: scene `leaves`, scenario
 * `durationMs` and `choices` (issue 3). Caches of other formats are ignored (a full replay).
 */
const FORMAT = 3;

const CountsJson = z.object({
  sessions: z.int().min(0),
  completions: z.int().min(0),
  pledges: z.int().min(0),
});

const CheckJson = z.object({ answered: z.int().min(0), correct: z.int().min(0), total: z.int().min(0) });

const CheckpointSchema = z.object({
  format: z.literal(FORMAT),
  tag: z.string(),
  timeZone: z.string(),
  bytes: z.int().min(0),
  sha1: z.string().regex(/^[0-9a-f]{40}$/),
  lines: z.int().min(0),
  corrupt: z.int().min(0),
  aggregate: z.object({
    records: z.int().min(0),
    totals: CountsJson,
    sessionsByEndReason: z.array(z.tuple([z.string(), z.int().min(0)])),
    scenes: z.array(
      z.tuple([
        z.string(),
        z.object({
          enters: z.int().min(0),
          completions: z.int().min(0),
          leaves: z.record(z.string(), z.int().min(0)),
        }),
      ]),
    ),
    byHour: z.array(z.tuple([z.string(), CountsJson])),
    byDay: z.array(z.tuple([z.string(), CountsJson])),
    checks: z.array(z.tuple([z.string(), z.object({ before: CheckJson, after: CheckJson })])),
    scenarios: z.array(
      z.tuple([
        z.string(),
        z.object({
          plays: z.int().min(0),
          outcomes: z.record(z.string(), z.int().min(0)),
          redFlagsSpotted: z.int().min(0),
          redFlagsMissed: z.int().min(0),
          durationMs: z.int().min(0),
          choices: z.record(z.string(), z.int().min(0)),
        }),
      ]),
    ),
  }),
});

/** What a checkpoint covers: the journal prefix and what replaying it produced. */
export interface Checkpoint {
  bytes: number;
  sha1: string;
  lines: number;
  corrupt: number;
  aggregate: Aggregate;
}

/**
 * Identifies the process's time zone rules, since local hour buckets depend on them:
 * the zone name plus a few offsets (two seasons, two eras) to catch a changed TZ database.
 */
export function timeZoneFingerprint(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offsets = [Date.UTC(2000, 0, 1), Date.UTC(2000, 6, 1), Date.UTC(2030, 0, 1), Date.UTC(2030, 6, 1)]
    .map((ms) => new Date(ms).getTimezoneOffset())
    .join(',');
  return `${zone}|${offsets}`;
}

/**
 * Reads the checkpoint at `file` if it exists, parses, and was written by the same
 * format, `tag` and time zone; otherwise null (never throws: it is only a cache).
 */
export function loadCheckpoint(file: string, tag: string): Checkpoint | null {
  let parsed: z.infer<typeof CheckpointSchema>;
  try {
    parsed = CheckpointSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
  if (parsed.tag !== tag || parsed.timeZone !== timeZoneFingerprint()) return null;
  const aggregate = createAggregate();
  const json = parsed.aggregate;
  aggregate.records = json.records;
  aggregate.totals = { ...json.totals };
  for (const [reason, count] of json.sessionsByEndReason) aggregate.sessionsByEndReason.set(reason, count);
  for (const [sceneId, counts] of json.scenes) {
    aggregate.scenes.set(sceneId, { ...counts, leaves: { ...counts.leaves } });
  }
  for (const [hour, counts] of json.byHour) aggregate.byHour.set(hour, { ...counts });
  for (const [day, counts] of json.byDay) aggregate.byDay.set(day, { ...counts });
  for (const [key, phases] of json.checks) {
    aggregate.checks.set(key, { before: { ...phases.before }, after: { ...phases.after } });
  }
  for (const [key, scenario] of json.scenarios) {
    aggregate.scenarios.set(key, {
      ...scenario,
      outcomes: { ...scenario.outcomes },
      choices: { ...scenario.choices },
    });
  }
  return { bytes: parsed.bytes, sha1: parsed.sha1, lines: parsed.lines, corrupt: parsed.corrupt, aggregate };
}

/**
 * Writes the checkpoint atomically (temp file + rename) so a crash leaves the old one or
 * the new one, never half of one. Not fsynced: a lost checkpoint only costs a full replay.
 * Throws on I/O errors; the caller decides whether that matters (it does not).
 */
export function saveCheckpoint(file: string, tag: string, checkpoint: Checkpoint): void {
  const agg = checkpoint.aggregate;
  const data: z.infer<typeof CheckpointSchema> = {
    format: FORMAT,
    tag,
    timeZone: timeZoneFingerprint(),
    bytes: checkpoint.bytes,
    sha1: checkpoint.sha1,
    lines: checkpoint.lines,
    corrupt: checkpoint.corrupt,
    aggregate: {
      records: agg.records,
      totals: { ...agg.totals },
      sessionsByEndReason: [...agg.sessionsByEndReason],
      scenes: [...agg.scenes],
      byHour: [...agg.byHour],
      byDay: [...agg.byDay],
      checks: [...agg.checks],
      scenarios: [...agg.scenarios],
    },
  };
  const temp = `${file}.tmp`;
  // Private like the journal it summarises (the temp file is created anew: the mode applies).
  fs.rmSync(temp, { force: true });
  fs.writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  fs.renameSync(temp, file);
}
