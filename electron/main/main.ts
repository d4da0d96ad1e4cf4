/**
 * Electron entry of the kiosk. Each feature lives in its own file with a `setupX()`;
 * this file only orders them: what must happen before `ready` (switches, scheme,
 * logging, single-instance lock), then protocol, lockdown, back office + IPC gateway,
 * the window with its recovery, and keep-awake.
 */
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { appPaths } from './app-paths.js';
import { openElectronBackOffice } from './backoffice-wiring.js';
import { setupChromiumSwitches } from './chromium-switches.js';
import { CrashBudget } from './crash-budget.js';
import { resolveDataDir } from '../backoffice/data-dir.js';
import { setupIpcGateway } from './ipc-gateway.js';
import { setupKeepAwake } from './keep-awake.js';
import { setupLockdown } from './lockdown.js';
import { setupLogging } from './logging.js';
import { setupAppProtocol, registerAppScheme } from './protocol.js';
import { setupQuitPolicy } from './quit-policy.js';
import { setupRecovery } from './recovery.js';
import { lockDownSession } from './session-lockdown.js';
import { setupSingleInstance } from './single-instance.js';
import { createKioskWindow, devToolsAllowed } from './window.js';

setupChromiumSwitches();
registerAppScheme();

// The same folder as the browser host's (not Electron's userData, which is named after the
// product name with its diacritics).
const dataDir = resolveDataDir(process.env, app.getPath('appData'));
// With an explicit data dir (tests, a second kiosk profile), keep Chromium's profile and the
// single-instance lock inside it too, so runs never share state with the installed kiosk.
if (process.env.KIOSK_DATA_DIR?.trim()) app.setPath('userData', path.join(dataDir, 'chromium'));

const logger = setupLogging(dataDir);
logger.info(`Kiosk ${app.getVersion()} starting (data dir ${dataDir}, packaged: ${String(app.isPackaged)}).`);

let kioskWindow: BrowserWindow | null = null;

function start(): void {
  const { rendererDir, preloadPath } = appPaths(app.getAppPath());
  setupAppProtocol({ rendererDir, logger });
  setupLockdown(logger);
  lockDownSession(session.defaultSession, logger);

  const { backOffice, handlers } = openElectronBackOffice({
    dataDir,
    version: app.getVersion(),
    logger,
    // Parented to the kiosk window: a free-floating dialog could open behind the full-screen kiosk.
    showOpenDialog: (options) =>
      kioskWindow === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(kioskWindow, options),
    // Electron cannot close a native chooser; destroying the window it is modal to does. The
    // quit policy then opens a fresh kiosk window (window-all-closed), on the attract screen.
    closeDialog: () => {
      const win = kioskWindow;
      if (win === null || win.isDestroyed()) return;
      logger.warn('Replacing the kiosk window to close the export folder chooser.');
      win.destroy();
    },
  });
  app.on('will-quit', () => {
    backOffice.close();
  });
  setupIpcGateway({ handlers, getKioskWindow: () => kioskWindow, logger });

  const budget = new CrashBudget();
  const quitPolicy = setupQuitPolicy({ logger, reopenWindow: openWindow });
  function openWindow(): void {
    const win = createKioskWindow(preloadPath, devToolsAllowed(app.isPackaged, process.env), logger);
    quitPolicy.guardWindow(win);
    setupRecovery(win, { logger, budget });
    win.on('closed', () => {
      if (kioskWindow === win) kioskWindow = null;
    });
    kioskWindow = win;
  }
  openWindow();
  setupKeepAwake(logger);
}

function fail(error: unknown): false {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger.error(`Kiosk failed to start: ${message}`);
  dialog.showErrorBox(
    'Không Một Mình – Not Alone',
    `Ki-ốt không khởi động được. The kiosk could not start.\n\n${message}\n\nLog: ${path.join(dataDir, 'logs', 'main.log')}`,
  );
  app.exit(1);
  return false;
}

/** Resolves true once the kiosk is up, false when this instance quit (second instance or failure). */
export const started: Promise<boolean> = setupSingleInstance(() => kioskWindow)
  ? app
      .whenReady()
      .then(() => {
        start();
        return true;
      })
      .catch(fail)
  : Promise.resolve(false);
