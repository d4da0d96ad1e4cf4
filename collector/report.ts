/**
 * The collector's tallies, from the database, with the merge command's own code: every
 * stored record (each once: the record id is the key) folded by electron/tally/merge.ts
 * (which folds with the kiosk's tallies code), and the CSV / JSON / HTML written by
 * electron/tally/output.ts. One implementation of the figures, whichever way they travel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JournalRecord } from '../electron/bridge/contract.js';
import { mergeJournals, type MergeResult } from '../electron/tally/merge.js';
import { writeMergeOutputs } from '../electron/tally/output.js';
import type { Db } from './db.js';
import { recordCount } from './store.js';

/** The collector's version in the merge outputs' header. */
export const COLLECTOR_VERSION = 'collector-1';

/** Rows read per query while folding (bounded memory for the rows, not for the fold). */
const PAGE = 10_000;

/** Every stored record folded into tallies: in total and per kiosk. */
export async function mergeFromDb(db: Db, now: Date): Promise<MergeResult> {
  const records: JournalRecord[] = [];
  // Keyset pagination in arrival order, which is each kiosk's journal order.
  let after: { kiosk: string; seq: string } = { kiosk: '', seq: '0' };
  for (;;) {
    const rows = await db.query<{ kiosk_id: string; seq: string | number; body: unknown }>(
      `SELECT kiosk_id, seq, body FROM records WHERE (kiosk_id, seq) > ($1, $2::bigint)
        ORDER BY kiosk_id, seq LIMIT ${PAGE}`,
      [after.kiosk, after.seq],
    );
    for (const row of rows)
      records.push((typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as JournalRecord);
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) break;
    after = { kiosk: last.kiosk_id, seq: String(last.seq) };
  }
  return mergeJournals([{ file: 'collector', records, repeated: 0, lines: records.length }], now);
}

/**
 * The fold, recomputed only when records were added (records are only ever inserted, so
 * their count names the state): the live page refreshes often, the fold is O(records).
 */
export function reportCache(db: Db): (now: Date) => Promise<MergeResult> {
  let cached: { count: number; result: MergeResult } | null = null;
  return async (now) => {
    const count = await recordCount(db);
    if (cached?.count !== count) cached = { count, result: await mergeFromDb(db, now) };
    return cached.result;
  };
}

export interface ExportFile {
  name: string;
  type: string;
  data: Buffer;
}

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.html': 'text/html',
};

/**
 * The merge command's three files for `result`. They are written by the merge's own writer
 * into a private temporary folder and read back, so the collector can never drift from it.
 */
export function mergeExports(result: MergeResult, now: Date): ExportFile[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-export-'));
  try {
    const { files } = writeMergeOutputs(dir, result, [], COLLECTOR_VERSION, now);
    return files.map((file) => ({
      name: path.basename(file),
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      data: fs.readFileSync(file),
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
