/**
 * The sync cursor: how far into journal.jsonl the collector has acknowledged, kept in
 * `sync-cursor.json`. It is saved durably (temp file, fsync, rename, fsync of the folder)
 * and only after the collector's acknowledgement, so a crash can only make the kiosk send a
 * batch again, never skip one; the record ids make the resend harmless.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FestivalTotalsSchema } from '../../bridge/admin-contract.js';
import { replaceFileDurably } from '../fsutil.js';

export const CURSOR_FILE = 'sync-cursor.json';

export const CursorSchema = z.object({
  version: z.literal(1),
  /** Bytes of the journal acknowledged by the collector (always the end of a line). */
  offset: z.int().min(0),
  /** Valid records in those bytes. */
  records: z.int().min(0),
  /** The collector the cursor counts for: another collector starts from the beginning. */
  url: z.string().nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  festival: FestivalTotalsSchema.nullable(),
});
export type Cursor = z.infer<typeof CursorSchema>;

/** The cursor of a kiosk that never synced to `url`. */
export function emptyCursor(url: string | null = null): Cursor {
  return { version: 1, offset: 0, records: 0, url, lastSuccessAt: null, festival: null };
}

/**
 * Reads the cursor; a missing or damaged file means "nothing acknowledged yet" (the safe
 * side: everything is sent again and the collector keeps one copy of each).
 */
export function loadCursor(dataDir: string): { cursor: Cursor; problem: string | null } {
  const file = path.join(dataDir, CURSOR_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cursor: emptyCursor(), problem: null };
    return { cursor: emptyCursor(), problem: `Could not read ${file}: ${String(error)}` };
  }
  try {
    return { cursor: CursorSchema.parse(JSON.parse(text)), problem: null };
  } catch {
    return { cursor: emptyCursor(), problem: `${file} is damaged; syncing again from the start.` };
  }
}

/** Saves the cursor durably. @throws the file-system error (the old cursor stays). */
export function saveCursor(dataDir: string, cursor: Cursor): void {
  replaceFileDurably(path.join(dataDir, CURSOR_FILE), Buffer.from(`${JSON.stringify(cursor)}\n`));
}
