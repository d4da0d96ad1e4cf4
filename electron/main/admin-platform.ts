/**
 * The Electron kiosk's staff actions: exports go to a folder staff pick (a USB stick) in a
 * native dialog, restart relaunches the app, and "exit to desktop" is the staff exit.
 *
 * The native folder chooser must never outlive the staff panel: when the staff session ends
 * while it is open (the panel locked itself, or staff tapped "lock" on another path), the
 * back office aborts the choice and the chooser is closed with its window (see main.ts).
 */
import { app, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import type { AdminPlatform } from '../backoffice/admin/platform.js';
import { noticeMessage } from '../bridge/admin-contract.js';
import { BridgeFailure } from '../bridge/dispatch.js';
import type { Logger } from './logger.js';
import { exitToDesktop } from './staff.js';

export const NO_FOLDER_MESSAGE = noticeMessage({ code: 'no-folder-chosen', params: {} });
/** Time for the "done" answer to reach the panel before the process goes away. */
export const RESTART_DELAY_MS = 300;

export interface ElectronPlatformOptions {
  /**
   * `dialog.showOpenDialog`, bound to the kiosk window by main.ts (a parentless dialog
   * could open behind the full-screen kiosk); injected so tests can answer it.
   */
  showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  /**
   * Closes the native chooser opened by `showOpenDialog` (Electron cannot close one by
   * itself): main.ts destroys the kiosk window it is modal to and opens a fresh one.
   */
  closeDialog: () => void;
  /** Runs just before relaunching: closes the back office (journal checkpoint, lock). */
  beforeRestart: () => void;
  logger: Logger;
}

/** The Electron host's AdminPlatform. */
export function electronAdminPlatform(options: ElectronPlatformOptions): AdminPlatform {
  return {
    async chooseExportTarget(signal) {
      signal.throwIfAborted();
      const chosen = options.showOpenDialog({
        title: 'Chọn thư mục xuất dữ liệu / Choose the export folder',
        buttonLabel: 'Xuất / Export',
        properties: ['openDirectory', 'createDirectory'],
      });
      let onAbort = (): void => undefined;
      const aborted = new Promise<never>((_resolve, reject) => {
        onAbort = () => {
          options.logger.warn('Closing the export folder chooser: the staff session ended.');
          options.closeDialog();
          reject(
            signal.reason instanceof Error
              ? signal.reason
              : new BridgeFailure('forbidden', noticeMessage({ code: 'session-closed', params: {} })),
          );
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
      let answer: OpenDialogReturnValue;
      try {
        answer = await Promise.race([chosen, aborted]);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
      const folder = answer.filePaths[0];
      if (answer.canceled || folder === undefined) throw new BridgeFailure('bad-request', NO_FOLDER_MESSAGE);
      return { folder, publish: null };
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
      return noticeMessage({ code: 'restarting', params: {} });
    },

    exitToDesktop() {
      options.logger.info('Staff exit to the desktop.');
      // Deferred like restart so the panel gets its answer; quitting closes the back office.
      setTimeout(exitToDesktop, RESTART_DELAY_MS);
      return noticeMessage({ code: 'leaving-to-desktop', params: {} });
    },
  };
}
