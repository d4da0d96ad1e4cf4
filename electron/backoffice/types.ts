/**
 * The back office's public types, shared by the Electron main process and the browser host.
 */
import type Conf from 'conf';
import type { Options } from 'conf';
import type {
  Health,
  KioskConfig,
  RecordAck,
  StationCounts,
  Tallies,
  VisitorEvent,
} from '../bridge/contract.js';
import type { Admin } from './admin/admin.js';
import type { AdminPlatform } from './admin/platform.js';
import type { FestivalTotals } from '../bridge/admin-contract.js';
import type { Settings, SettingsPatch } from './settings.js';
import type { SyncService, SyncServiceOptions } from './sync/service.js';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/** Makes the settings store: Conf in the browser host, ElectronStore (a Conf) in Electron. */
export type SettingsStoreFactory = (options: Options<Settings>) => Conf<Settings>;

export interface BackOfficeOptions {
  /** Where journal, settings and logs live; created if missing. */
  dataDir: string;
  /** The app version, reported in config() and health(). */
  version: string;
  host: 'electron' | 'browser';
  /**
   * Environment overrides (normally process.env). KIOSK_IDLE_SECONDS (5–3600) replaces the
   * stored idle time; an invalid value makes openBackOffice throw, naming the variable.
   */
  env?: Record<string, string | undefined>;
  /** Default: `(options) => new Conf(options)`. */
  settingsStoreFactory?: SettingsStoreFactory;
  /** Default: `<dataDir>/logs/kiosk.log` plus the console. */
  logger?: Logger;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Host-specific staff actions (export folder, restart, exit). Default: the browser host's
   * (exports as downloads from `<dataDir>/exports/`, restart = reload the page, no exit).
   * The environment may also carry KIOSK_ADMIN_PIN (6–8 digits): the staff PIN used while
   * there is no usable one; an invalid value makes openBackOffice throw, naming the variable.
   */
  adminPlatform?: AdminPlatform;
  /**
   * Let staff choose the first PIN on the screen while none was ever provisioned (the browser
   * host's `--dev`). Also switched on by KIOSK_ALLOW_SCREEN_SETUP=1. Default: off.
   */
  screenSetup?: boolean;
  /**
   * Test seams for sync (network, randomness, backoff, timeout, worker, pacing). The sync settings come from
   * settings.json, `sync-token` and the KIOSK_SYNC_* variables (an invalid one makes
   * openBackOffice throw, naming it).
   */
  sync?: Partial<
    Pick<SyncServiceOptions, 'fetch' | 'random' | 'backoff' | 'timeoutMs' | 'worker' | 'pacing'>
  >;
}

export interface BackOffice {
  readonly dataDir: string;
  /** The staff side: PIN, sessions, panel, actions, exports, audit log. */
  readonly admin: Admin;
  /** The current validated settings. */
  settings(): Settings;
  /**
   * Validates and saves a settings change (for the admin panel).
   * @throws BridgeFailure 'bad-request' for invalid values, 'storage' when it cannot be saved.
   */
  updateSettings(patch: SettingsPatch): Settings;
  /**
   * Stamps and durably stores a visitor event: the record is appended and fsynced before
   * this returns.
   * @throws BridgeFailure 'storage' with a staff-readable sentence when it could not be stored
   * (also kept as health().lastError until the next successful record); 'bad-request' for an
   * invalid event.
   */
  record(event: VisitorEvent): RecordAck;
  /** Tallies from the in-memory aggregate: O(buckets), not O(records). */
  tallies(): Tallies;
  /** One station's own figures, today and all time (what StationContext.counts() answers). */
  stationCounts(sceneId: string): StationCounts;
  config(): KioskConfig;
  health(): Health;
  /** Logs a renderer line, prefixed "[renderer]". */
  log(entry: { level: 'info' | 'warn' | 'error'; message: string }): void;
  /** Later sync to the organisers' collector (issue 9). */
  readonly sync: SyncService;
  /** Festival-wide totals from the collector's last answer, or null before the first one. */
  festivalTotals(): FestivalTotals | null;
  /** Flushes the replay checkpoint and closes the journal. Idempotent. */
  close(): void;
}
