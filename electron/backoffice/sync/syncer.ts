/**
 * The kiosk's sync loop: sends the outbox to the collector in batches, advances the durable
 * cursor only after each acknowledgement, retries with capped exponential backoff and full
 * jitter, and carries a heartbeat with every request. Off the visitor path: everything here
 * is asynchronous and timer-driven; recording a visitor event never waits for it.
 */
import type { AdminHealth, FestivalTotals } from '../../bridge/admin-contract.js';
import type { BatchRequest } from '../../bridge/sync-contract.js';
import type { Logger } from '../types.js';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.js';
import type { FetchLike } from './client.js';
import { emptyCursor, loadCursor, type Cursor } from './cursor.js';
import { DEFAULT_PACING, pace, type SyncPacing } from './pacing.js';
import { inProcessRunner, type StepRunner } from './step-runner.js';

/** What one sync needs to know, read afresh before every run (settings may change). */
export interface SyncConfig {
  /** Collector URL, or null: no sync (not an error). */
  url: string | null;
  token: string | null;
  enabled: boolean;
  intervalMs: number;
  batchSize: number;
  /** Why the configuration cannot be used (e.g. a URL the policy refuses), or null. */
  problem: string | null;
}

/** The journal as the syncer sees it (live values). */
export interface SyncJournal {
  readonly path: string;
  readonly bytes: number;
  readonly records: number;
}

export interface SyncerOptions {
  dataDir: string;
  journal: SyncJournal;
  config: () => SyncConfig;
  kioskId: () => string;
  version: string;
  logger: Logger;
  now?: () => Date;
  freeDiskBytes?: () => number | null;
  fetch?: FetchLike;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** How long one request may take (default 30 s). */
  timeoutMs?: number;
  /**
   * Where each batch is read, sent and acknowledged (default: in-process with `fetch` and
   * `now`; the back office passes a worker thread's runner to keep it off the visitor path).
   */
  runner?: StepRunner;
  /** When a visitor last recorded something (ms, on `now`'s clock), or null: never. */
  lastVisitorAt?: () => number | null;
  /** Slower sync while the kiosk is in use (default DEFAULT_PACING; null: always full speed). */
  pacing?: SyncPacing | null;
}

export type SyncStatus = AdminHealth['sync'];

/** The outcome of one run: caught up, or stopped by an error (then retried after `retryInMs`). */
export type SyncRun =
  | { ok: true; sent: number; batches: number }
  | { ok: false; sent: number; batches: number; error: string; retryInMs: number }
  | { ok: true; skipped: 'disabled' | 'running'; sent: 0; batches: 0 };

/** Starts nothing by itself: call start(). */
export class Syncer {
  private cursor: Cursor;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncRun> | null = null;
  private stopped = true;
  private failures = 0;
  private lastError: { message: string; at: string } | null = null;
  private readonly controller = new AbortController();
  private readonly now: () => Date;
  private readonly startedAt: number;
  private readonly runner: StepRunner;

  constructor(private readonly options: SyncerOptions) {
    this.now = options.now ?? (() => new Date());
    this.runner =
      options.runner ??
      inProcessRunner({
        now: this.now,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
    this.startedAt = this.now().getTime();
    const loaded = loadCursor(options.dataDir);
    if (loaded.problem !== null) options.logger.warn(loaded.problem);
    this.cursor = loaded.cursor;
  }

  /** Schedules the first run at once and keeps syncing every interval. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops for good (closing): the timer, and a request in flight (its batch is sent again next time). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.controller.abort();
    this.runner.close();
  }

  /** Settings changed: forget the backoff and try again soon. */
  poke(): void {
    this.failures = 0;
    if (!this.stopped) this.schedule(0);
  }

  /** Records in the journal the collector has not acknowledged. */
  pending(): number {
    const cursor = this.cursorFor(this.options.config().url);
    return Math.max(0, this.options.journal.records - cursor.records);
  }

  /** Festival-wide totals from the collector's last answer (null before the first). */
  festival(): FestivalTotals | null {
    return this.cursor.festival;
  }

  /** The panel's view: real state, pending count, last success and last error, URL. */
  status(): SyncStatus {
    const config = this.options.config();
    const base = {
      pendingRecords: this.pending(),
      lastSuccessAt: this.cursor.lastSuccessAt,
      url: config.url,
      lastError: this.lastError?.message ?? null,
      lastErrorAt: this.lastError?.at ?? null,
      festival: this.cursor.festival,
    };
    if (config.url === null || !config.enabled) return { state: 'disabled', ...base };
    const problem = this.configProblem(config);
    if (problem !== null) return { state: 'error', ...base, lastError: problem };
    if (this.lastError !== null) return { state: 'error', ...base };
    return { state: base.pendingRecords > 0 ? 'pending' : 'idle', ...base };
  }

  /**
   * Syncs until the outbox is empty or a request fails. One run at a time: a call while one
   * runs waits for it and then runs again (the run in flight may have read the journal before
   * the latest records). Never throws.
   */
  async syncNow(): Promise<SyncRun> {
    while (this.running !== null) await this.running;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no run is in flight (tests, and a clean shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().then((result) => {
        if (this.stopped) return;
        const interval = this.options.config().intervalMs;
        this.schedule(result.ok ? interval : result.retryInMs);
      });
    }, delayMs);
    // Never keeps a host process alive on its own.
    this.timer.unref();
  }

  private configProblem(config: SyncConfig): string | null {
    if (config.problem !== null) return config.problem;
    if (config.token === null)
      return 'No sync token is set: enter the one the organisers issued for this kiosk.';
    return null;
  }

  /** The cursor for `url`: a different collector has acknowledged nothing yet. */
  private cursorFor(url: string | null): Cursor {
    return this.cursor.url === url ? this.cursor : { ...emptyCursor(url), festival: this.cursor.festival };
  }

  private async run(): Promise<SyncRun> {
    const config = this.options.config();
    if (config.url === null || !config.enabled) return { ok: true, skipped: 'disabled', sent: 0, batches: 0 };
    const problem = this.configProblem(config);
    if (problem !== null) return this.failed(problem, 0, 0);
    const { url } = config;
    const token = config.token ?? '';
    let sent = 0;
    let batches = 0;
    for (;;) {
      if (this.controller.signal.aborted) return this.failed('Sync stopped.', sent, batches);
      // Staff turned sync off (or away to another collector) during a long run: stop between batches.
      const current = this.options.config();
      if (!current.enabled || current.url !== url) return { ok: true, sent, batches };
      let cursor = this.cursorFor(url);
      const journal = this.options.journal;
      const limit = journal.bytes;
      if (cursor.offset > limit || cursor.records > journal.records) {
        // The journal is not the one the cursor counted (replaced or restored): send it all;
        // the collector keeps one copy of each record.
        this.options.logger.warn(
          'The sync cursor is past the end of the journal; syncing again from the start.',
        );
        cursor = { ...emptyCursor(url), festival: cursor.festival };
      }
      const speed = this.speed(config.batchSize);
      const step = await this.runner.run(
        {
          journalPath: journal.path,
          dataDir: this.options.dataDir,
          offset: cursor.offset,
          records: cursor.records,
          limit,
          batchSize: speed.batchSize,
          url,
          token,
          timeoutMs: this.options.timeoutMs ?? 30_000,
          kioskId: this.options.kioskId(),
          heartbeat: this.heartbeat(Math.max(0, journal.records - cursor.records)),
        },
        this.controller.signal,
      );
      if (!step.ok) {
        if (step.festival !== null) this.cursor = { ...this.cursor, festival: step.festival };
        return this.failed(scrub(step.message, token), sent, batches);
      }
      this.cursor = step.cursor;
      sent += step.sent;
      batches += 1;
      if (this.failures > 0 || this.lastError !== null)
        this.options.logger.info(`Sync to the collector works again (${sent} records sent).`);
      this.failures = 0;
      this.lastError = null;
      // Caught up: this batch reached what the journal held when it was read (new records
      // wait for the next run), or nothing more can be read.
      const end = step.cursor.offset;
      if (end >= limit || end === cursor.offset) return { ok: true, sent, batches };
      // Visitors are here: give them the CPU before the next batch.
      if (speed.pauseMs > 0 && !(await this.pause(speed.pauseMs)))
        return this.failed('Sync stopped.', sent, batches);
    }
  }

  /** This batch's size and the pause after it (slow while visitors use the kiosk). */
  private speed(batchSize: number): { batchSize: number; pauseMs: number } {
    const pacing = this.options.pacing === undefined ? DEFAULT_PACING : this.options.pacing;
    return pace(pacing, batchSize, this.options.lastVisitorAt?.() ?? null, this.now().getTime());
  }

  /** Waits `ms`; false when sync was stopped meanwhile. */
  private pause(ms: number): Promise<boolean> {
    const signal = this.controller.signal;
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve(false);
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve(!signal.aborted);
      };
      // Kept alive like a request in flight: the run is not over.
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private heartbeat(pendingRecords: number): BatchRequest['heartbeat'] {
    return {
      appVersion: this.options.version,
      uptimeSeconds: Math.max(0, Math.floor((this.now().getTime() - this.startedAt) / 1000)),
      freeDiskBytes: this.options.freeDiskBytes?.() ?? null,
      lastError: this.lastError?.message ?? null,
      pendingRecords,
    };
  }

  private failed(message: string, sent: number, batches: number): SyncRun {
    this.failures += 1;
    const changed = this.lastError?.message !== message;
    this.lastError = { message, at: this.now().toISOString() };
    // Logged when the reason changes, not at every retry through a long outage.
    if (changed) this.options.logger.warn(`Sync: ${message}`);
    const retryInMs = backoffDelay(
      this.failures,
      this.options.backoff ?? DEFAULT_BACKOFF,
      this.options.random,
    );
    return { ok: false, sent, batches, error: message, retryInMs };
  }
}

/** `message` with every copy of `secret` blanked out (an error may echo what it was given). */
export function scrub(message: string, secret: string): string {
  return secret === '' ? message : message.split(secret).join('[token]');
}
