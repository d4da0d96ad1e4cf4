/**
 * USB import: the admin panel's export folders (tallies-*.json manifests and their
 * journal-*.jsonl slices) stored in the collector with the same once-only rule as sync, so
 * kiosks that never had a network still count and a record that came both ways counts once.
 * Files are found and checked by the merge command's own code (electron/tally): a journal
 * whose manifest's record count or SHA-256 does not match (a truncated or altered copy) is
 * refused whole and changes nothing.
 */
import { collectInputs, type Rejection } from '../electron/tally/inputs.js';
import { loadInputs } from '../electron/tally/load.js';
import type { Db } from './db.js';
import { insertRecords } from './store.js';

export interface ImportedFile {
  file: string;
  /** Records in the file (lines repeated from an earlier file of this import included). */
  records: number;
  /** Records the collector did not hold yet. */
  stored: number;
}

export interface ImportResult {
  files: ImportedFile[];
  rejected: Rejection[];
  /** Records stored by this import, over all files. */
  stored: number;
}

/**
 * Imports the export folders or files in `paths`. Each journal file is stored in one
 * transaction: all of its new records, or (on a database error) none.
 */
export async function importExports(db: Db, paths: readonly string[]): Promise<ImportResult> {
  const collected = collectInputs(paths);
  const loaded = loadInputs(collected.files);
  const files: ImportedFile[] = [];
  let stored = 0;
  for (const journal of loaded.journals) {
    const ids = await db.transaction((tx) => insertRecords(tx, journal.records, null, 'import'));
    files.push({ file: journal.file, records: journal.lines, stored: ids.length });
    stored += ids.length;
  }
  return { files, rejected: [...collected.rejected, ...loaded.rejected], stored };
}
