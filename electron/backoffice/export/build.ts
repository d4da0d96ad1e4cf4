/**
 * Builds one export in memory: the CSV, JSON, raw journal and HTML report of a period.
 * Pure apart from reading the journal, so the same code serves both hosts and the bench.
 */
import crypto from 'node:crypto';
import type { JournalRecord, Tallies } from '../../bridge/contract.js';
import { outboundRecord, roundOutboundTime } from '../outbound.js';
import { toTallies } from '../tallies.js';
import { talliesRows, toCsv } from './csv.js';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, exportNames, localDate, type ExportJson } from './format.js';
import { renderReport } from './html.js';
import { readJournalSlice, type SliceStart } from './journal-slice.js';
import { reportLabel } from './labels.js';

export interface BuildExportOptions {
  journalPath: string;
  start: SliceStart;
  /** The journal's acknowledged size: bytes after it are a write in progress. */
  toByte: number | null;
  kioskId: string;
  period: 'today' | 'all';
  /** The period's start to print (the day's opening); defaults to the first record's time. */
  from: string | null;
  appVersion: string;
  now: Date;
  /** "" normally; "-2", "-3"… when files of the same name already exist in the target. */
  suffix?: string;
}

export interface ExportFileData {
  name: string;
  data: Buffer;
}

export interface BuiltExport {
  files: ExportFileData[];
  records: number;
  damaged: number;
  tallies: Tallies;
}

/** The period's label in both languages, from the staff locale. */
function periodLabel(period: 'today' | 'all'): { vi: string; en: string } {
  const [vi, en] = reportLabel(period === 'today' ? 'period.today' : 'period.all');
  return { vi, en };
}

/** Reads the period from the journal and renders the four export files. */
export function buildExport(options: BuildExportOptions): BuiltExport {
  const slice = readJournalSlice(options.journalPath, options.start, options.toByte);
  const tallies = toTallies(slice.aggregate, options.kioskId, options.now);
  const names = exportNames(options.kioskId, localDate(options.now), options.suffix);
  // Records leave the kiosk with their times rounded to 5 minutes (LEARNING-DESIGN §5); the
  // manifest's SHA-256 is of these rounded bytes, which is what the merge checks.
  const lines = slice.lines.map((line) => JSON.stringify(outboundRecord(JSON.parse(line) as JournalRecord)));
  const journal = Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  const exportedAt = options.now.toISOString();
  const firstAt = slice.firstAt === null ? null : roundOutboundTime(slice.firstAt);
  const from = options.from ?? firstAt;
  const json: ExportJson = {
    header: {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      kioskId: options.kioskId,
      period: options.period,
      from,
      to: exportedAt,
      exportedAt,
      appVersion: options.appVersion,
      recordCount: slice.lines.length,
      journalFile: names.journal,
      sha256: crypto.createHash('sha256').update(journal).digest('hex'),
    },
    tallies,
  };
  const html = renderReport({
    subject: options.kioskId,
    periodLabel: periodLabel(options.period),
    from,
    to: exportedAt,
    generatedAt: exportedAt,
    appVersion: options.appVersion,
    tallies,
  });
  return {
    files: [
      { name: names.csv, data: Buffer.from(toCsv(talliesRows(tallies, options.kioskId))) },
      { name: names.json, data: Buffer.from(`${JSON.stringify(json, null, 2)}\n`) },
      { name: names.journal, data: journal },
      { name: names.html, data: Buffer.from(html) },
    ],
    records: slice.lines.length,
    damaged: slice.damaged,
    tallies,
  };
}
