/**
 * Keeps Chromium showing the kiosk: starts it, starts it again when it exits (with a growing
 * pause if it keeps dying), and restarts it when the watchdog says the page has gone quiet
 * (a crashed tab, a hung page, Chromium's error page). Side effects come in as functions, so
 * the whole cycle is unit-tested with fakes and a fake clock.
 */
import type { Logger } from '../../backoffice/types.js';
import { shouldRestartBrowser, type Healthz } from './watchdog.js';

/** How often the watchdog asks the host about the page. */
export const CHECK_MS = 5_000;
/** After SIGTERM, Chromium gets this long before SIGKILL. */
export const KILL_GRACE_MS = 5_000;
/** Pause before starting Chromium again: doubles from the first to the last while it keeps dying. */
export const RESPAWN_FIRST_MS = 1_000;
export const RESPAWN_MAX_MS = 30_000;
/** A Chromium that ran this long was healthy: the next pause starts from the first again. */
const STABLE_MS = 60_000;

/** The parts of a child process the supervisor uses. */
export interface BrowserProcess {
  kill(signal: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

export interface SupervisorDeps {
  /** Starts Chromium (command and arguments are the launcher's). */
  startBrowser: () => BrowserProcess;
  /** GET /healthz on the host; null when the host is down or answers nonsense. */
  health: () => Promise<Healthz | null>;
  now: () => number;
  logger: Logger;
}

export class BrowserSupervisor {
  private browser: BrowserProcess | null = null;
  private startedAt = 0;
  private pauseMs = RESPAWN_FIRST_MS;
  private stopped = false;
  private checking = false;
  /** The Chromium being stopped by the watchdog (it is not checked again meanwhile). */
  private killing: BrowserProcess | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: SupervisorDeps) {}

  /** Starts Chromium and the watchdog. */
  start(): void {
    this.launch();
    const check = setInterval(() => void this.check(), CHECK_MS);
    this.timers.add(check);
  }

  /** Stops the watchdog and Chromium, for good (the launcher is exiting). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.browser?.kill('SIGTERM');
  }

  /** One watchdog round (the interval calls it; tests may too). */
  async check(): Promise<void> {
    const browser = this.browser;
    if (this.stopped || this.checking || browser === null || this.killing === browser) return;
    this.checking = true;
    try {
      const health = await this.deps.health();
      // Chromium may have exited, or the launcher stopped, while the host was asked.
      if (!this.isWatching(browser)) return;
      if (shouldRestartBrowser(health, this.deps.now() - this.startedAt)) {
        this.deps.logger.warn(
          `The kiosk page has not called the host for ${health?.pageSeenMsAgo ?? 'ever'} ms (crashed or hung tab?); restarting Chromium.`,
        );
        this.kill(browser);
      }
    } finally {
      this.checking = false;
    }
  }

  /** Whether `browser` is still the running Chromium and the supervisor still running (a method, so checks after an await are not narrowed away). */
  private isWatching(browser: BrowserProcess): boolean {
    return !this.stopped && this.browser === browser;
  }

  private launch(): void {
    const browser = this.deps.startBrowser();
    this.browser = browser;
    this.startedAt = this.deps.now();
    this.deps.logger.info('Chromium started.');
    browser.once('exit', (code, signal) => {
      if (this.browser === browser) this.browser = null;
      if (this.stopped) return;
      const ranMs = this.deps.now() - this.startedAt;
      if (ranMs >= STABLE_MS) this.pauseMs = RESPAWN_FIRST_MS;
      this.deps.logger.warn(
        `Chromium exited (${signal ?? `code ${String(code)}`}) after ${Math.round(ranMs / 1000)} s; starting it again in ${this.pauseMs / 1000} s.`,
      );
      this.later(() => {
        this.launch();
      }, this.pauseMs);
      this.pauseMs = Math.min(this.pauseMs * 2, RESPAWN_MAX_MS);
    });
  }

  private kill(browser: BrowserProcess): void {
    this.killing = browser;
    browser.kill('SIGTERM');
    this.later(() => {
      if (this.browser === browser) browser.kill('SIGKILL');
    }, KILL_GRACE_MS);
  }

  private later(work: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) work();
    }, ms);
    this.timers.add(timer);
  }
}
