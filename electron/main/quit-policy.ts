import { app, type BrowserWindow } from 'electron';
import type { Logger } from './logger.js';
import { isStaffExitRequested } from './staff.js';

export interface QuitPolicy {
  /** Makes `win` refuse to close unless the app is quitting (staff exit, OS shutdown, app.quit). */
  guardWindow(win: BrowserWindow): void;
}

/**
 * The kiosk leaves only through the staff exit or a real quit (OS shutdown/logout, signals,
 * app.quit): a visitor closing the window (Alt+F4 reaches the OS before any shortcut
 * filter) is refused. If every window is gone anyway, the app quits after a staff exit
 * and otherwise opens the kiosk window again.
 */
export function setupQuitPolicy(options: { logger: Logger; reopenWindow: () => void }): QuitPolicy {
  const { logger } = options;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (isStaffExitRequested() || quitting) {
      app.quit();
      return;
    }
    logger.warn('The kiosk window closed without the staff exit; opening it again.');
    options.reopenWindow();
  });
  return {
    guardWindow(win) {
      win.on('close', (event) => {
        if (quitting || isStaffExitRequested()) return;
        event.preventDefault();
        logger.warn('Refused to close the kiosk window (use the staff exit).');
      });
      // Windows logoff/shutdown closes windows without before-quit: let it through.
      win.on('session-end', () => {
        quitting = true;
      });
    },
  };
}
