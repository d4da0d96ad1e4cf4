/**
 * Merging the records of many kiosks' exports: each record counted once (by its id) however
 * often it appears, folded with the kiosk's own tallies code (one aggregation implementation).
 */
import type { Tallies } from '../bridge/contract.js';
import { addRecord, createAggregate, toTallies, type Aggregate } from '../backoffice/tallies.js';
import type { LoadedJournal } from './load.js';

/** The kiosk label of merged totals in the outputs. */
export const ALL_KIOSKS = 'ALL';

export interface MergeResult {
  total: Tallies;
  /** Per kiosk id (from each record's kioskId). */
  kiosks: Record<string, Tallies>;
  /** Unique records merged. */
  records: number;
  /** Records skipped because the same id was already counted. */
  duplicates: number;
  /** Per input journal: records read and how many of them were new. */
  inputs: { file: string; records: number; added: number }[];
  from: string | null;
  to: string | null;
}

/** Merges the loaded journals, counting every record id once. */
export function mergeJournals(journals: readonly LoadedJournal[], now: Date): MergeResult {
  const seen = new Set<string>();
  const total = createAggregate();
  const perKiosk = new Map<string, Aggregate>();
  const inputs: MergeResult['inputs'] = [];
  let duplicates = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (const journal of journals) {
    let added = 0;
    duplicates += journal.repeated;
    for (const record of journal.records) {
      if (seen.has(record.id)) {
        duplicates += 1;
        continue;
      }
      seen.add(record.id);
      added += 1;
      addRecord(total, record);
      let kiosk = perKiosk.get(record.kioskId);
      if (kiosk === undefined) {
        kiosk = createAggregate();
        perKiosk.set(record.kioskId, kiosk);
      }
      addRecord(kiosk, record);
      if (from === null || record.at < from) from = record.at;
      if (to === null || record.at > to) to = record.at;
    }
    inputs.push({ file: journal.file, records: journal.lines, added });
  }
  const kiosks = Object.fromEntries(
    [...perKiosk.keys()].sort().map((id) => [id, toTallies(perKiosk.get(id) ?? createAggregate(), id, now)]),
  );
  return {
    total: toTallies(total, ALL_KIOSKS, now),
    kiosks,
    records: seen.size,
    duplicates,
    inputs,
    from,
    to,
  };
}
