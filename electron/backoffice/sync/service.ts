/**
 * Sync as the back office uses it: the settings (stored, overridden by KIOSK_SYNC_* while
 * set), the token file, and one Syncer. What the staff panel reads and changes goes through
 * here, and the token only ever leaves as "set or not".
 */
import {
  collectorUrlProblem,
  type AdminActionRequest,
  type AdminSyncSettings,
  type FestivalTotals,
} from '../../bridge/admin-contract.js';
import { freeDiskBytes } from '../fsutil.js';
import type { Settings } from '../settings.js';
import type { Logger } from '../types.js';
import type { BackoffPolicy } from './backoff.js';
import type { FetchLike } from './client.js';
import type { SyncPacing } from './pacing.js';
import { readSyncEnv } from './env.js';
import { WorkerStepRunner, inProcessRunner, type StepRunner } from './step-runner.js';
import { Syncer, type SyncConfig, type SyncJournal, type SyncStatus } from './syncer.js';
import { readStoredToken, writeStoredToken } from './token-store.js';

export interface SyncServiceOptions {
  dataDir: string;
  journal: SyncJournal;
  settings: () => Settings;
  updateSettings: (patch: Partial<Settings>) => Settings;
  env: Record<string, string | undefined>;
  version: string;
  logger: Logger;
  now?: () => Date;
  fetch?: FetchLike;
  random?: () => number;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  /**
   * Run each batch on a worker thread, off the visitor's event loop (default: yes, unless a
   * `fetch` is injected, which only the caller's thread has). A worker stamps the cursor's
   * last success with the real clock, not `now`.
   */
  worker?: boolean;
  /** When a visitor last recorded something (ms on `now`'s clock): sync slows down meanwhile. */
  lastVisitorAt?: () => number | null;
  pacing?: SyncPacing | null;
}

/**
 * A staff change of the sync settings: the admin action `set-sync` without its envelope (one
 * shape, the contract's). The token: a new one replaces the old, null removes it, absent keeps it.
 */
export type SyncChange = Omit<Extract<AdminActionRequest, { action: 'set-sync' }>, 'action' | 'adminToken'>;

export interface SyncService {
  status(): SyncStatus;
  settingsView(): AdminSyncSettings;
  festival(): FestivalTotals | null;
  /**
   * Saves a staff change and syncs soon.
   * @throws BridgeFailure 'bad-request' / 'storage' from the settings store; Error when the token cannot be saved
   */
  configure(change: SyncChange): void;
  syncNow: Syncer['syncNow'];
  start(): void;
  close(): void;
}

/**
 * Opens sync on a data folder (not started: call start()).
 * @throws Error naming a KIOSK_SYNC_* variable with a wrong value
 */
export function openSyncService(options: SyncServiceOptions): SyncService {
  const env = readSyncEnv(options.env);
  const config = (): SyncConfig => {
    const stored = options.settings().sync;
    const url = env.url ?? stored.endpoint;
    return {
      url,
      token: env.token ?? readStoredToken(options.dataDir),
      enabled: env.enabled ?? stored.enabled,
      intervalMs: (env.intervalSeconds ?? stored.intervalSeconds) * 1000,
      batchSize: env.batchSize ?? stored.batchSize,
      // A settings file from before the URL policy may hold a public http:// URL.
      problem: url === null ? null : collectorUrlProblem(url),
    };
  };
  const syncer = new Syncer({
    runner: stepRunner(options),
    dataDir: options.dataDir,
    journal: options.journal,
    config,
    kioskId: () => options.settings().kioskId,
    version: options.version,
    logger: options.logger,
    freeDiskBytes: () => freeDiskBytes(options.dataDir),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.lastVisitorAt === undefined ? {} : { lastVisitorAt: options.lastVisitorAt }),
    ...(options.pacing === undefined ? {} : { pacing: options.pacing }),
  });
  return {
    status: () => syncer.status(),
    festival: () => syncer.festival(),
    settingsView(): AdminSyncSettings {
      const current = config();
      return {
        url: current.url,
        enabled: current.enabled,
        intervalSeconds: Math.min(86_400, Math.max(30, Math.round(current.intervalMs / 1000))),
        tokenSet: current.token !== null,
      };
    },
    configure(change: SyncChange): void {
      const stored = options.settings().sync;
      options.updateSettings({
        sync: {
          ...stored,
          endpoint: change.url,
          enabled: change.enabled,
          intervalSeconds: change.intervalSeconds,
        },
      });
      if (change.token !== undefined) writeStoredToken(options.dataDir, change.token);
      syncer.poke();
    },
    syncNow: () => syncer.syncNow(),
    start: () => {
      syncer.start();
    },
    close: () => {
      syncer.stop();
    },
  };
}

/** Where the syncer's batches run: a worker thread unless the options need the caller's own. */
function stepRunner(options: SyncServiceOptions): StepRunner {
  const deps = {
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
  const inProcess = inProcessRunner(deps);
  const worker = options.worker ?? options.fetch === undefined;
  return worker ? new WorkerStepRunner({ logger: options.logger, fallback: inProcess }) : inProcess;
}
