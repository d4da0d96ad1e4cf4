/**
 * What differs between the two hosts for staff actions: where exports go, how the app
 * restarts, and whether staff can leave to the desktop. The browser host's version lives
 * here (plain Node); Electron's is built in electron/main/admin-platform.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BridgeFailure } from '../../bridge/dispatch.js';
import { storageFailure } from '../errors.js';
import { EXPORTS_DIR } from '../export/download.js';

export interface ExportTarget {
  /** Existing folder the files are written into. */
  folder: string;
  /** Browser host: the export's id under `/export/<id>/`; Electron: null (files stay in `folder`). */
  downloadId: string | null;
}

export interface AdminPlatform {
  /**
   * Where this export goes (Electron: a folder staff choose; browser: a fresh download folder).
   * @throws BridgeFailure 'bad-request' when staff cancelled the choice
   */
  chooseExportTarget(): Promise<ExportTarget>;
  /** Restarts the kiosk (after the answer has been sent); returns the sentence for staff. */
  restart(): string;
  /**
   * Leaves the kiosk for the desktop; returns the sentence for staff.
   * @throws BridgeFailure 'bad-request' where that is not possible (the browser host)
   */
  exitToDesktop(): string;
}

export const BROWSER_RESTART_MESSAGE =
  'Reload the page to restart the kiosk (the browser host keeps running; nothing else to do).';
export const BROWSER_EXIT_MESSAGE =
  'Exit to desktop is only available in the Electron kiosk; close the browser instead.';

/** The browser host's platform: exports become downloads from `<dataDir>/exports/<id>/`. */
export function browserPlatform(dataDir: string): AdminPlatform {
  return {
    chooseExportTarget() {
      // Unguessable, and safe in a URL path and a file name.
      const id = crypto.randomBytes(12).toString('base64url');
      const folder = path.join(dataDir, EXPORTS_DIR, id);
      try {
        fs.mkdirSync(folder, { recursive: true });
      } catch (error) {
        return Promise.reject(storageFailure('Cannot prepare the export', error, folder));
      }
      return Promise.resolve({ folder, downloadId: id });
    },
    restart: () => BROWSER_RESTART_MESSAGE,
    exitToDesktop: () => {
      throw new BridgeFailure('bad-request', BROWSER_EXIT_MESSAGE);
    },
  };
}
