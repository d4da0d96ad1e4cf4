import { app, type BrowserWindow } from 'electron';

/**
 * Makes the kiosk a single instance. A second launch (a double-clicked icon, an autostart
 * racing a manual start) quits itself, and the running one brings its window to the front.
 * @returns true when this process holds the lock and should carry on; false when it is quitting
 */
export function setupSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
