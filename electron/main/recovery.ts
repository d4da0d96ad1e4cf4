import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import { CrashBudget } from './crash-budget.js';
import { KIOSK_START_URL, RECOVERY_URL } from './kiosk-url.js';
import type { Logger } from './logger.js';

export interface RecoveryOptions {
  logger: Logger;
  budget?: CrashBudget;
  /**
   * How long a hung renderer gets to answer again before it is killed. Heavy scene loads
   * can stall the page briefly; a short grace avoids killing a visitor's session for that.
   */
  unresponsiveGraceMs?: number;
}

/** How long to wait for Chromium to report a renderer we killed ourselves. */
const KILL_REPORT_TIMEOUT_MS = 5_000;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Brings the kiosk back when its renderer dies (`render-process-gone`, except a clean
 * exit) or hangs (`unresponsive` that lasts past the grace period): reloads the start
 * page while the CrashBudget allows it, then shows the built-in recovery page, which
 * retries by itself. Every reason is logged.
 */
export function setupRecovery(win: BrowserWindow, options: RecoveryOptions): void {
  const { logger } = options;
  const budget = options.budget ?? new CrashBudget();
  const graceMs = options.unresponsiveGraceMs ?? 5_000;
  const contents = win.webContents;
  let hangTimer: NodeJS.Timeout | undefined;
  // Set while we kill a hung renderer ourselves, so its 'render-process-gone' is not counted twice.
  let killingHungRenderer = false;

  const load = (url: string): void => {
    contents.loadURL(url).catch((error: unknown) => {
      logger.error(`Recovery could not load ${url}: ${describeError(error)}`);
    });
  };

  const recover = (reason: string): void => {
    if (win.isDestroyed()) return;
    if (budget.tryReload()) {
      logger.warn(
        `Kiosk renderer ${reason}; reloading (${budget.recent()}/${budget.maxReloads} in the last ${budget.windowMs / 1000} s).`,
      );
      load(KIOSK_START_URL);
    } else {
      logger.error(`Kiosk renderer ${reason}; reload budget spent, showing the recovery page.`);
      load(RECOVERY_URL);
    }
  };

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (killingHungRenderer) {
      killingHungRenderer = false;
      return;
    }
    if (details.reason === 'clean-exit') return;
    recover(`process gone (${details.reason}, exit code ${details.exitCode})`);
  });

  win.on('unresponsive', () => {
    if (hangTimer) return;
    logger.warn(`Kiosk renderer is unresponsive; waiting ${graceMs} ms before restarting it.`);
    hangTimer = setTimeout(() => {
      hangTimer = undefined;
      if (win.isDestroyed()) return;
      killingHungRenderer = true;
      // If Chromium never reports the kill, stop waiting for it so later crashes still count.
      setTimeout(() => {
        killingHungRenderer = false;
      }, KILL_REPORT_TIMEOUT_MS);
      contents.forcefullyCrashRenderer();
      recover('was unresponsive');
    }, graceMs);
  });
  win.on('responsive', () => {
    if (!hangTimer) return;
    clearTimeout(hangTimer);
    hangTimer = undefined;
    logger.info('Kiosk renderer is responsive again.');
  });
  win.on('closed', () => {
    clearTimeout(hangTimer);
  });
}
