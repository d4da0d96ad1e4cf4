/**
 * The merge's outputs: `tallies-merged-<date>.csv` (BOM, one section per kiosk plus "ALL"),
 * `tallies-merged-<date>.json` and `report-merged-<date>.html`, written with the kiosk's own
 * CSV and report code so organisers read the same columns as on each kiosk's export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { talliesRows, toCsv } from '../backoffice/export/csv.js';
import { localDate } from '../backoffice/export/format.js';
import { renderReport } from '../backoffice/export/html.js';
import { reportLabel } from '../backoffice/export/labels.js';
import type { Rejection } from './inputs.js';
import { ALL_KIOSKS, type MergeResult } from './merge.js';

export const MERGE_FORMAT = 'not-alone-kiosk-merge';
export const MERGE_FORMAT_VERSION = 1;

export interface MergeOutput {
  files: string[];
}

/** Writes the three merged files into `outDir` (created if missing); returns their paths. */
export function writeMergeOutputs(
  outDir: string,
  result: MergeResult,
  rejected: readonly Rejection[],
  toolVersion: string,
  now: Date,
): MergeOutput {
  fs.mkdirSync(outDir, { recursive: true });
  const date = localDate(now);
  const rows = talliesRows(result.total, ALL_KIOSKS);
  for (const [kioskId, tallies] of Object.entries(result.kiosks)) rows.push(...talliesRows(tallies, kioskId));
  const kioskIds = Object.keys(result.kiosks);
  const json = {
    header: {
      format: MERGE_FORMAT,
      formatVersion: MERGE_FORMAT_VERSION,
      mergedAt: now.toISOString(),
      toolVersion,
      from: result.from,
      to: result.to,
      recordCount: result.records,
      duplicatesSkipped: result.duplicates,
      kiosks: kioskIds,
      inputs: result.inputs,
      rejected,
    },
    total: result.total,
    kiosks: result.kiosks,
  };
  const [kiosksVi, kiosksEn] = reportLabel('kiosks');
  const [mergedVi, mergedEn] = reportLabel('period.merged');
  const html = renderReport({
    subject: `${kioskIds.length} ${kiosksVi} / ${kioskIds.length} ${kiosksEn}: ${kioskIds.join(', ')}`,
    periodLabel: { vi: mergedVi, en: mergedEn },
    from: result.from,
    to: result.to,
    generatedAt: now.toISOString(),
    appVersion: toolVersion,
    tallies: result.total,
    kiosks: result.kiosks,
  });
  const outputs: [string, string][] = [
    [`tallies-merged-${date}.csv`, toCsv(rows)],
    [`tallies-merged-${date}.json`, `${JSON.stringify(json, null, 2)}\n`],
    [`report-merged-${date}.html`, html],
  ];
  const files: string[] = [];
  for (const [name, text] of outputs) {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return { files };
}
