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
import { TalliesSchema } from '../bridge/contract.js';
import { fromTallies, toTallies, type Aggregate } from './tallies.js';
import { SessionStateSchema } from './tallies-session.js';

/**
 * 4: the aggregate is stored as the contract's Tallies (one schema per shape) plus the open
 * sessions' state, keyed by station. Caches of other formats are ignored (a full replay).
 * 5: the tallies count lantern colours per station and day (a format-4 cache lacks them).
 */
const FORMAT = 5;

const CheckpointSchema = z.object({
  format: z.literal(FORMAT),
  tag: z.string(),
  timeZone: z.string(),
  bytes: z.int().min(0),
  sha1: z.string().regex(/^[0-9a-f]{40}$/),
  lines: z.int().min(0),
  corrupt: z.int().min(0),
  tallies: TalliesSchema,
  sessions: z.array(z.tuple([z.string(), SessionStateSchema])),
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
  const aggregate = fromTallies(parsed.tallies, parsed.sessions);
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
    // The kiosk id and time do not matter here: only the counts are read back.
    tallies: toTallies(agg, '', new Date(0)),
    sessions: [...agg.sessions],
  };
  const temp = `${file}.tmp`;
  // Private like the journal it summarises (the temp file is created anew: the mode applies).
  fs.rmSync(temp, { force: true });
  fs.writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  fs.renameSync(temp, file);
}
