/**
 * The Electron kiosk's staff actions: exports go to a folder staff pick (a USB stick) in a
 * native dialog, restart relaunches the app, and "exit to desktop" is the staff exit.
 */
import { app, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import type { AdminPlatform } from '../backoffice/admin/platform.js';
import { BridgeFailure } from '../bridge/dispatch.js';
import type { Logger } from './logger.js';
import { exitToDesktop } from './staff.js';

export const NO_FOLDER_MESSAGE = 'No folder chosen; nothing exported.';
/** Time for the "done" answer to reach the panel before the process goes away. */
export const RESTART_DELAY_MS = 300;

export interface ElectronPlatformOptions {
  /**
   * `dialog.showOpenDialog`, bound to the kiosk window by main.ts (a parentless dialog
   * could open behind the full-screen kiosk); injected so tests can answer it.
   */
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  /** Runs just before relaunching: closes the back office (journal checkpoint, lock). */
  beforeRestart: () => void;
  logger: Logger;
}

/** The Electron host's AdminPlatform. */
export function electronAdminPlatform(options: ElectronPlatformOptions): AdminPlatform {
  return {
    async chooseExportTarget() {
      const answer = await options.showOpenDialog({
        title: 'Chọn thư mục xuất dữ liệu / Choose the export folder',
        buttonLabel: 'Xuất / Export',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = answer.filePaths[0];
      if (answer.canceled || folder === undefined) throw new BridgeFailure('bad-request', NO_FOLDER_MESSAGE);
      return { folder, downloadId: null };
    },

    restart() {
      options.logger.info('Staff restart: relaunching the kiosk.');
      setTimeout(() => {
        try {
          options.beforeRestart();
        } finally {
          // app.exit skips will-quit, so the back office was closed just above.
          app.relaunch();
          app.exit(0);
        }
      }, RESTART_DELAY_MS);
      return 'The kiosk restarts now.';
    },

    exitToDesktop() {
      options.logger.info('Staff exit to the desktop.');
      // Deferred like restart so the panel gets its answer; quitting closes the back office.
      setTimeout(exitToDesktop, RESTART_DELAY_MS);
      return 'Leaving the kiosk for the desktop.';
    },
  };
}
