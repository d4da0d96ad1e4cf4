/**
 * The export file format: names of the four files and the JSON export's header, shared by
 * the kiosk (which writes them) and the organisers' merge command (which checks them).
 */
import { z } from 'zod';
import { TalliesSchema } from '../../bridge/contract.js';
import { EXPORT_PERIODS } from '../../bridge/admin-contract.js';

export const EXPORT_FORMAT = 'not-alone-kiosk-export';
/** 2: tallies keyed by station, then scenario or form; journal times rounded to 5 minutes. */
export const EXPORT_FORMAT_VERSION = 2;
/** Versions the merge reads: it needs only the header, the records come from the journal file. */
export const READABLE_EXPORT_VERSIONS: readonly number[] = [1, 2];

export const ExportHeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.int().refine((version) => READABLE_EXPORT_VERSIONS.includes(version)),
  kioskId: z.string(),
  period: z.enum(EXPORT_PERIODS),
  /** Start of the period (the day's opening, or the first record), null when empty. */
  from: z.iso.datetime().nullable(),
  to: z.iso.datetime(),
  exportedAt: z.iso.datetime(),
  appVersion: z.string(),
  /** Records in the journal file of this export. */
  recordCount: z.int().min(0),
  /** File name of the raw journal of this export, next to this file. */
  journalFile: z.string(),
  /** SHA-256 (hex) of that journal file's bytes: the merge refuses a truncated or altered copy. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportHeader = z.infer<typeof ExportHeaderSchema>;

/** The JSON export: header + the same tallies as the CSV. No records: they are in the journal file. */
export const ExportJsonSchema = z.object({ header: ExportHeaderSchema, tallies: TalliesSchema });
/** What the merge checks of a JSON export: its header (any readable version's tallies are ignored). */
export const ExportManifestSchema = z.object({ header: ExportHeaderSchema });
export type ExportJson = z.infer<typeof ExportJsonSchema>;

/** Local calendar date "YYYY-MM-DD" (file names follow the kiosk's day, not UTC's). */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface ExportNames {
  csv: string;
  json: string;
  journal: string;
  html: string;
}

/** The four file names of one export; `suffix` ("", "-2", …) keeps a second export the same day apart. */
export function exportNames(kioskId: string, date: string, suffix = ''): ExportNames {
  const tag = `${kioskId}-${date}${suffix}`;
  return {
    csv: `tallies-${tag}.csv`,
    json: `tallies-${tag}.json`,
    journal: `journal-${tag}.jsonl`,
    html: `report-${tag}.html`,
  };
}
