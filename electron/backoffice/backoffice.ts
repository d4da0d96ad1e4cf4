/**
 * The back office: visitor records, tallies, settings, health. One object per data folder,
 * used by both hosts (Electron main and the Node browser host). Never imports electron.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {
  stationTally,
  VisitorEventSchema,
  type StationCounts,
  type Health,
  type JournalRecord,
  type KioskConfig,
  type RecordAck,
  type Tallies,
  type VisitorEvent,
} from '../bridge/contract.js';
import { BridgeFailure, describeZodError } from '../bridge/dispatch.js';
import { noticeMessage, type StaffNotice } from '../bridge/admin-contract.js';
import { openAdmin } from './admin/admin.js';
import { readAdminPinEnv, readScreenSetupEnv } from './admin/env-pin.js';
import { LEGACY_HASH_KEY, readStoredPin } from './admin/pin-store.js';
import { browserPlatform } from './admin/platform.js';
import { readEnvOverrides } from './env.js';
import { readSyncEnv } from './sync/env.js';
import { EXPORTS_DIR } from './export/download.js';
import { ensurePrivateDir, makePrivate } from './fsutil.js';
import { openJournal } from './journal.js';
import { LogRateLimit } from './log-limit.js';
import { LOG_DIR, createFileLogger, flattenLogText } from './logger.js';
import { RecentAcks } from './recent-acks.js';
import type { Settings, SettingsPatch } from './settings.js';
import { openSettingsStore } from './settings-store.js';
import { openSyncService } from './sync/service.js';
import { toTallies } from './tallies.js';
import type { BackOffice, BackOfficeOptions, SettingsStoreFactory } from './types.js';

interface StampedError {
  message: string;
  at: string;
}

const defaultFactory: SettingsStoreFactory = (options) => new Conf(options);

/**
 * Opens the back office on `options.dataDir`. Synchronous, and never fails because of a
 * damaged settings file, a torn journal or an unusable folder (it repairs, or runs without
 * storage and says so in health()).
 * @throws Error only for an invalid environment value (e.g. KIOSK_IDLE_SECONDS), naming it.
 */
export function openBackOffice(options: BackOfficeOptions): BackOffice {
  // First, before touching the disk: a configuration mistake must stop the launch.
  const overrides = readEnvOverrides(options.env ?? {});
  readAdminPinEnv(options.env ?? {});
  readSyncEnv(options.env ?? {});
  const allowScreenSetup = (options.screenSetup ?? false) || readScreenSetupEnv(options.env ?? {});
  const dataDir = path.resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  // The journal and settings fail on the same folder and report it in staff words.
  ensurePrivateDir(dataDir);
  protectExistingFiles(dataDir);
  const logger = options.logger ?? createFileLogger(dataDir, now);
  const settingsStore = openSettingsStore({
    dataDir,
    factory: options.settingsStoreFactory ?? defaultFactory,
    logger,
    now,
  });
  const journal = openJournal({ dataDir, logger, now, tag: options.version });
  const recent = new RecentAcks();
  recent.loadJournalTail(journal.path);

  let journalError: StampedError | null =
    journal.failure === null ? null : { message: journal.failure.message, at: now().toISOString() };
  let settingsError: StampedError | null =
    settingsStore.problem === null ? null : { message: settingsStore.problem, at: now().toISOString() };
  let closed = false;

  const updateSettings = (patch: SettingsPatch): Settings => {
    try {
      const next = settingsStore.update(patch);
      settingsError = null;
      return next;
    } catch (error) {
      if (error instanceof BridgeFailure && error.code === 'storage') {
        settingsError = { message: error.message, at: now().toISOString() };
      }
      throw error;
    }
  };

  const health = (): Health => {
    // The journal matters most: without it visitor data is being lost right now.
    const error = journalError ?? settingsError;
    return {
      kioskId: settingsStore.current().kioskId,
      version: options.version,
      dataDir,
      journalRecords: journal.records,
      journalBytes: journal.bytes,
      lastError: error?.message ?? null,
      lastErrorAt: error?.at ?? null,
    };
  };

  // When a visitor last recorded something: sync slows down while the kiosk is in use.
  let lastVisitorAt: number | null = null;
  const sync = openSyncService({
    dataDir,
    journal,
    lastVisitorAt: () => lastVisitorAt,
    settings: () => settingsStore.current(),
    updateSettings,
    env: options.env ?? {},
    version: options.version,
    logger,
    now,
    ...options.sync,
  });

  const admin = openAdmin({
    dataDir,
    version: options.version,
    host: options.host,
    env: options.env ?? {},
    logger,
    now,
    journal,
    settings: () => settingsStore.current(),
    updateSettings,
    health,
    platform: options.adminPlatform ?? browserPlatform(dataDir, now),
    allowScreenSetup,
    notices: () => storageNotices(dataDir, journal.damagedLines),
    sync,
  });
  // The hash now lives in admin-pin.json: a copy left in the world-readable settings goes.
  if (readStoredPin(dataDir).kind === 'set') settingsStore.forget(LEGACY_HASH_KEY);
  const logLimit = new LogRateLimit(now);

  // Off the visitor path: timers and asynchronous reads only; no URL means it stays idle.
  sync.start();

  logger.info(
    `Back office open (${options.host} host, version ${options.version}) in ${dataDir}: ` +
      `kiosk ${settingsStore.current().kioskId}, ${journal.records} records` +
      (overrides.idleSeconds === undefined ? '.' : `, KIOSK_IDLE_SECONDS=${overrides.idleSeconds}.`),
  );

  return {
    dataDir,

    settings(): Settings {
      return settingsStore.current();
    },

    admin,

    sync,

    updateSettings,

    record(event: VisitorEvent): RecordAck {
      // Checked again here (dispatch already did) so no caller can store an invalid line.
      const parsed = VisitorEventSchema.safeParse(event);
      if (!parsed.success) {
        throw new BridgeFailure(
          'bad-request',
          noticeMessage({ code: 'invalid-record', params: { detail: describeZodError(parsed.error) } }),
        );
      }
      const { eventId, ...fields } = parsed.data;
      // A retry of a record already stored (its answer was lost): the same answer, no copy.
      const stored = eventId === undefined ? null : recent.get(eventId);
      if (stored !== null) return stored;
      const ack: RecordAck = { id: eventId ?? crypto.randomUUID(), at: now().toISOString() };
      const record: JournalRecord = { ...ack, kioskId: settingsStore.current().kioskId, ...fields };
      try {
        journal.append(record);
      } catch (error) {
        if (error instanceof BridgeFailure && error.code === 'storage') {
          journalError = { message: error.message, at: now().toISOString() };
        }
        throw error;
      }
      journalError = null;
      lastVisitorAt = now().getTime();
      recent.remember(ack);
      admin.onRecord(record);
      return ack;
    },

    tallies(): Tallies {
      return toTallies(journal.aggregate, settingsStore.current().kioskId, now());
    },

    stationCounts(sceneId: string): StationCounts {
      const at = now();
      const kioskId = settingsStore.current().kioskId;
      return {
        sceneId,
        today: stationTally(toTallies(admin.todayAggregate(), kioskId, at), sceneId),
        allTime: stationTally(toTallies(journal.aggregate, kioskId, at), sceneId),
      };
    },

    config(): KioskConfig {
      const settings = settingsStore.current();
      return {
        kioskId: settings.kioskId,
        version: options.version,
        language: settings.language,
        idleSeconds: overrides.idleSeconds ?? settings.idleSeconds,
        host: options.host,
        campaignUrl: settings.campaignUrl,
      };
    },

    health,

    log(entry): void {
      const dropped = logLimit.take();
      if (dropped === null) return;
      if (dropped > 0) logger.warn(`[renderer] ${dropped} lines dropped (more than the log rate limit).`);
      // Flattened to one line: a renderer message must not be able to forge log lines.
      logger[entry.level](`[renderer] ${flattenLogText(entry.message)}`);
    },

    festivalTotals() {
      return sync.festival();
    },

    close(): void {
      if (closed) return;
      closed = true;
      sync.close();
      journal.close();
      admin.close();
      logger.info(`Back office closed (${journal.records} records in ${journal.path}).`);
    },
  };
}

/** Files an older version may have left readable by others; made 0600 at every open. */
const PRIVATE_FILES = [
  'settings.json',
  'journal.jsonl',
  'journal.checkpoint.json',
  'journal.lock',
  'audit.jsonl',
  'admin-lock.json',
];

function protectExistingFiles(dataDir: string): void {
  for (const name of PRIVATE_FILES) makePrivate(path.join(dataDir, name));
  let names: string[] = [];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return;
  }
  // Damaged settings set aside may hold an old PIN hash; torn journal ends hold visitor data.
  for (const name of names) {
    if (name.startsWith('settings.json.corrupt-') || name.startsWith('journal.torn-')) {
      makePrivate(path.join(dataDir, name));
    }
  }
  for (const dir of [LOG_DIR, EXPORTS_DIR]) {
    if (fs.existsSync(path.join(dataDir, dir))) ensurePrivateDir(path.join(dataDir, dir));
  }
}

/**
 * Storage problems staff must see besides the last error: damaged journal lines (skipped,
 * kept in place) and kiosk folders that exist but cannot be read or written.
 */
function storageNotices(dataDir: string, damagedLines: number): StaffNotice[] {
  const notices: StaffNotice[] = [];
  if (damagedLines > 0) notices.push({ code: 'journal-damaged-lines', params: { count: damagedLines } });
  for (const dir of [dataDir, path.join(dataDir, LOG_DIR), path.join(dataDir, EXPORTS_DIR)]) {
    try {
      if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
      fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
      fs.readdirSync(dir);
    } catch (error) {
      // A missing sub-folder is simply not made yet; a missing data folder is a problem.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && dir !== dataDir) continue;
      notices.push({ code: 'folder-unusable', params: { path: dir } });
    }
  }
  return notices;
}
