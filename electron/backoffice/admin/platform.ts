/**
 * What differs between the two hosts for staff actions: where exports go, how the app
 * restarts, and whether staff can leave to the desktop. The browser host's version lives
 * here (plain Node); Electron's is built in electron/main/admin-platform.ts.
 */
import path from 'node:path';
import { BridgeFailure } from '../../bridge/dispatch.js';
import { noticeMessage } from '../../bridge/admin-contract.js';
import { storageFailure } from '../errors.js';
import { EXPORTS_DIR, publishDownloads, stagingFolder, sweepExports } from '../export/download.js';

export interface ExportTarget {
  /** Existing folder the files are written into. */
  folder: string;
  /**
   * Browser host: turns the files written into `folder` into one-time download paths (in the
   * order of `names`; `folder` is gone afterwards). Electron: null (the files stay in `folder`).
   */
  publish: ((names: readonly string[]) => string[]) | null;
}

export interface AdminPlatform {
  /**
   * Where this export goes (Electron: a folder staff choose; browser: a fresh download folder).
   * @param signal aborted when the staff session ends while staff are choosing: the chooser
   * must close then (it must never outlive the panel on the public screen)
   * @throws BridgeFailure 'bad-request' when staff cancelled the choice
   */
  chooseExportTarget(signal: AbortSignal): Promise<ExportTarget>;
  /** Restarts the kiosk (after the answer has been sent); returns the sentence for staff. */
  restart(): string;
  /**
   * Leaves the kiosk for the desktop; returns the sentence for staff.
   * @throws BridgeFailure 'bad-request' where that is not possible (the browser host)
   */
  exitToDesktop(): string;
}

/** Staff reload the page to restart (the browser host keeps running; nothing else to do). */
export const BROWSER_RESTART_MESSAGE = noticeMessage({ code: 'reload-to-restart', params: {} });
/** Exit to desktop exists only in the Electron kiosk; staff close the browser instead. */
export const BROWSER_EXIT_MESSAGE = noticeMessage({ code: 'exit-unavailable', params: {} });

/**
 * The browser host's platform: exports become one-time downloads from `<dataDir>/exports/`
 * (see export/download.ts); old ones are swept at every export.
 */
export function browserPlatform(dataDir: string, now: () => Date = () => new Date()): AdminPlatform {
  const exportsDir = path.join(dataDir, EXPORTS_DIR);
  return {
    chooseExportTarget() {
      sweepExports(exportsDir, now().getTime());
      let folder: string;
      try {
        folder = stagingFolder(exportsDir);
      } catch (error) {
        return Promise.reject(storageFailure('prepare-export', error, exportsDir));
      }
      return Promise.resolve({ folder, publish: (names) => publishDownloads(exportsDir, folder, names) });
    },
    restart: () => BROWSER_RESTART_MESSAGE,
    exitToDesktop: () => {
      throw new BridgeFailure('bad-request', BROWSER_EXIT_MESSAGE);
    },
  };
}
