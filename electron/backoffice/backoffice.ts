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
import { openAdmin } from './admin/admin.js';
import { readAdminPinEnv } from './admin/env-pin.js';
import { browserPlatform } from './admin/platform.js';
import { readEnvOverrides } from './env.js';
import { openJournal } from './journal.js';
import { createFileLogger } from './logger.js';
import type { Settings } from './settings.js';
import { openSettingsStore } from './settings-store.js';
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
  const dataDir = path.resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch {
    // The journal and settings fail on the same folder and report it in staff words.
  }
  const logger = options.logger ?? createFileLogger(dataDir, now);
  const settingsStore = openSettingsStore({
    dataDir,
    factory: options.settingsStoreFactory ?? defaultFactory,
    logger,
    now,
  });
  const journal = openJournal({ dataDir, logger, now, tag: options.version });

  let journalError: StampedError | null =
    journal.failure === null ? null : { message: journal.failure.message, at: now().toISOString() };
  let settingsError: StampedError | null =
    settingsStore.problem === null ? null : { message: settingsStore.problem, at: now().toISOString() };
  let closed = false;

  const updateSettings = (patch: Partial<Settings>): Settings => {
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
    platform: options.adminPlatform ?? browserPlatform(dataDir),
  });

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

    updateSettings,

    record(event: VisitorEvent): RecordAck {
      // Checked again here (dispatch already did) so no caller can store an invalid line.
      const parsed = VisitorEventSchema.safeParse(event);
      if (!parsed.success) {
        throw new BridgeFailure('bad-request', `Invalid "record" payload: ${describeZodError(parsed.error)}`);
      }
      const ack: RecordAck = { id: crypto.randomUUID(), at: now().toISOString() };
      const record: JournalRecord = { ...ack, kioskId: settingsStore.current().kioskId, ...parsed.data };
      try {
        journal.append(record);
      } catch (error) {
        if (error instanceof BridgeFailure && error.code === 'storage') {
          journalError = { message: error.message, at: now().toISOString() };
        }
        throw error;
      }
      journalError = null;
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
      };
    },

    health,

    log(entry): void {
      // Flattened to one line: a renderer message must not be able to forge log lines.
      const message = `[renderer] ${entry.message.replace(/\p{Cc}+/gu, ' ')}`;
      logger[entry.level](message);
    },

    close(): void {
      if (closed) return;
      closed = true;
      journal.close();
      admin.close();
      logger.info(`Back office closed (${journal.records} records in ${journal.path}).`);
    },
  };
}
