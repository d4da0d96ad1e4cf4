/**
 * Runs one export and reports its progress: the back office writes the files (tallies CSV
 * and JSON, the raw anonymous journal, the HTML report), then, in the browser host, the page
 * downloads each one. DOM-free (downloading is injected) so the sequence is unit-tested.
 */
import type { AdminExportResult } from '../../electron/bridge/admin-contract.js';
import type { BridgeResult } from '../../electron/bridge/contract.js';

export type ExportFile = AdminExportResult['files'][number];

/** Where an export is: the view draws a step list and a bar from this. */
export type ExportPhase =
  | { step: 'prepare' }
  | { step: 'files'; done: number; total: number }
  | { step: 'done'; result: AdminExportResult }
  | { step: 'failed'; message: string };

export interface ExportDeps {
  /** Asks the back office to write the export (adminExport). */
  request: () => Promise<BridgeResult<AdminExportResult>>;
  /** Downloads one file the browser host offers; never called for Electron (no downloadPath). */
  download: (file: ExportFile & { downloadPath: string }) => Promise<void>;
}

/**
 * Runs the export, calling `onPhase` at each step. Resolves with the back office's answer, or
 * with a failure (never throws) so "end of day" can refuse to close the day after a failed export.
 */
export async function runExport(
  deps: ExportDeps,
  onPhase: (phase: ExportPhase) => void,
): Promise<BridgeResult<AdminExportResult>> {
  onPhase({ step: 'prepare' });
  let answer: BridgeResult<AdminExportResult>;
  try {
    answer = await deps.request();
  } catch (error) {
    answer = { ok: false, error: { code: 'internal', message: messageOf(error) } };
  }
  if (!answer.ok) {
    onPhase({ step: 'failed', message: answer.error.message });
    return answer;
  }
  const downloads = answer.value.files.filter(
    (file): file is ExportFile & { downloadPath: string } => file.downloadPath !== null,
  );
  try {
    for (const [index, file] of downloads.entries()) {
      onPhase({ step: 'files', done: index, total: downloads.length });
      await deps.download(file);
    }
  } catch (error) {
    const message = messageOf(error);
    onPhase({ step: 'failed', message });
    return { ok: false, error: { code: 'internal', message } };
  }
  if (downloads.length > 0) onPhase({ step: 'files', done: downloads.length, total: downloads.length });
  onPhase({ step: 'done', result: answer.value });
  return answer;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
