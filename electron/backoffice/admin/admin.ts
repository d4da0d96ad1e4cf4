/**
 * The staff side of the back office: PIN set-up and unlock with lock-out, short staff
 * sessions, the panel's data, staff actions and exports, each written to the audit log.
 * Host differences (export folder, restart, exit) come in through an AdminPlatform.
 */
import fs from 'node:fs';
import type {
  AdminActionRequest,
  AdminHealth,
  AdminSettings,
  AdminState,
} from '../../bridge/admin-contract.js';
import type { ChannelResponse, Health, JournalRecord } from '../../bridge/contract.js';
import { BridgeFailure } from '../../bridge/dispatch.js';
import { buildExport } from '../export/build.js';
import { exportDownloadPath } from '../export/download.js';
import { freeSuffix, writeExportFiles } from '../export/write.js';
import type { Settings } from '../settings.js';
import { toTallies, type Aggregate } from '../tallies.js';
import type { Logger } from '../types.js';
import { AuditLog, type AuditAction } from './audit.js';
import { Day, lastDayClose, type DayJournal } from './day.js';
import { readAdminPinEnv } from './env-pin.js';
import {
  CLEAR_LOCKOUT,
  afterFailure,
  attemptsLeft,
  isLocked,
  loadLockout,
  saveLockout,
  type LockoutState,
} from './lockout.js';
import { hashPin, isPinHash, verifyPin } from './pin.js';
import type { AdminPlatform } from './platform.js';
import { AdminSessions, type AdminSession } from './sessions.js';

export interface AdminOptions {
  dataDir: string;
  version: string;
  host: 'electron' | 'browser';
  env: Record<string, string | undefined>;
  logger: Logger;
  now: () => Date;
  journal: DayJournal & { readonly records: number };
  settings: () => Settings;
  updateSettings: (patch: Partial<Settings>) => Settings;
  health: () => Health;
  platform: AdminPlatform;
  /** Staff idle timeout; ADMIN_IDLE_MS by default (tests shorten nothing: they move the clock). */
  idleMs?: number;
}

type Channel<
  K extends 'adminState' | 'adminSetupPin' | 'adminUnlock' | 'adminPanel' | 'adminAction' | 'adminExport',
> = ChannelResponse<K>;

export interface Admin {
  state(): Channel<'adminState'>;
  setupPin(pin: string): Channel<'adminSetupPin'>;
  unlock(pin: string): Channel<'adminUnlock'>;
  panel(adminToken: string): Channel<'adminPanel'>;
  action(request: AdminActionRequest): Channel<'adminAction'>;
  exportPeriod(adminToken: string, period: 'today' | 'all'): Promise<Channel<'adminExport'>>;
  /** Counts a record the journal just stored into today's tallies. */
  onRecord(record: JournalRecord): void;
  /** Today's aggregate (since the last end of day), read-only, for a station's own counts. */
  todayAggregate(): Aggregate;
  /** The audit log (for tests and diagnostics). */
  readonly audit: AuditLog;
  close(): void;
}

function freeDiskBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return Math.max(0, Math.floor(stats.bavail * stats.bsize));
  } catch {
    return null;
  }
}

/**
 * Opens the staff side on a data folder: reads the audit log (for the day boundary) and the
 * lock-out, and applies KIOSK_ADMIN_PIN when no PIN is stored yet.
 * @throws Error naming KIOSK_ADMIN_PIN when it is set to something that is not 4–8 digits
 */
export function openAdmin(options: AdminOptions): Admin {
  const { logger, now } = options;
  const envPin = readAdminPinEnv(options.env);
  const audit = new AuditLog(options.dataDir, logger, now);
  const day = new Day(options.journal, lastDayClose(audit.entries()));
  const sessions = new AdminSessions(now, options.idleMs);
  let lockout: LockoutState = loadLockout(options.dataDir, logger, now());

  const kioskId = (): string => options.settings().kioskId;

  /** Audits an action; a failed audit write is logged but never blocks staff (e.g. a full disk to fix). */
  const record = (
    action: AuditAction,
    details: Record<string, string | number | boolean | null> = {},
  ): void => {
    try {
      audit.append(action, kioskId(), details);
    } catch {
      // Logged by the audit log in staff words.
    }
  };

  const storedHash = (): string | null => {
    const hash = options.settings().adminPinHash;
    if (hash !== null && !isPinHash(hash)) {
      // Unusable (damaged by hand?): treat as unset so staff can choose a new PIN, and say so.
      logger.warn('The stored staff PIN hash is not readable; the PIN pad asks for a new PIN.');
      return null;
    }
    return hash;
  };

  const setLockout = (next: LockoutState): void => {
    lockout = next;
    try {
      saveLockout(options.dataDir, next);
    } catch (error) {
      logger.error(`Could not save the PIN lock-out state: ${String(error)} (kept in memory).`);
    }
  };

  if (envPin !== null) {
    if (storedHash() === null) {
      options.updateSettings({ adminPinHash: hashPin(envPin) });
      record('setup-pin', { source: 'KIOSK_ADMIN_PIN' });
      logger.info('Staff PIN set from KIOSK_ADMIN_PIN.');
    } else {
      logger.info('KIOSK_ADMIN_PIN ignored: a staff PIN is already set (change it in the staff panel).');
    }
  }

  const settingsView = (): AdminSettings => {
    const s = options.settings();
    return { kioskId: s.kioskId, language: s.language, idleSeconds: s.idleSeconds };
  };

  const healthView = (): AdminHealth => {
    const health = options.health();
    return {
      kioskId: health.kioskId,
      appVersion: health.version,
      host: options.host,
      dataDir: health.dataDir,
      freeDiskBytes: freeDiskBytes(health.dataDir),
      journalRecords: health.journalRecords,
      journalBytes: health.journalBytes,
      lastError: health.lastError,
      lastErrorAt: health.lastErrorAt,
      // No sync server exists yet: nothing has ever been uploaded, so every record is pending.
      sync: { state: 'disabled', pendingRecords: health.journalRecords, lastSuccessAt: null },
    };
  };

  const endOfDay = (): string => {
    const bytes = options.journal.bytes;
    const todayRecords = day.aggregate.records;
    // Durable first: if the boundary cannot be written, the day is not closed (it would reopen at restart).
    const entry = audit.append('end-of-day', kioskId(), {
      journalBytes: bytes,
      journalRecords: options.journal.records,
      todayRecords,
      dayStartedAt: day.dayStartedAt,
    });
    day.close({ closedAt: entry.at, journalBytes: bytes });
    return `Day closed with ${todayRecords} records; a new day has started. Nothing was deleted.`;
  };

  return {
    audit,

    state(): AdminState {
      const current = now();
      return {
        pinSet: storedHash() !== null,
        lockedUntil: isLocked(lockout, current) ? lockout.lockedUntil : null,
        attemptsLeft: attemptsLeft(lockout, current),
      };
    },

    setupPin(pin): AdminSession {
      if (storedHash() !== null) {
        throw new BridgeFailure('forbidden', 'A staff PIN is already set; unlock with it to change it.');
      }
      options.updateSettings({ adminPinHash: hashPin(pin) });
      setLockout({ ...CLEAR_LOCKOUT });
      record('setup-pin', { source: 'pad' });
      return sessions.issue();
    },

    unlock(pin) {
      const current = now();
      if (isLocked(lockout, current)) {
        // Not even checked: guessing must cost time whatever is typed.
        return { unlocked: false, lockedUntil: lockout.lockedUntil, attemptsLeft: 0 };
      }
      const hash = storedHash();
      if (hash === null) throw new BridgeFailure('forbidden', 'No staff PIN is set yet; choose one first.');
      if (verifyPin(pin, hash)) {
        if (lockout.failures > 0) setLockout({ ...CLEAR_LOCKOUT });
        record('unlock');
        return { unlocked: true, ...sessions.issue() };
      }
      const next = afterFailure(lockout, current);
      setLockout(next);
      record('unlock-failed', { failures: next.failures });
      if (next.lockedUntil !== null) {
        record('lock-out', { failures: next.failures, lockedUntil: next.lockedUntil });
        logger.warn(`Staff PIN pad locked until ${next.lockedUntil} after ${next.failures} wrong PINs.`);
      }
      return { unlocked: false, lockedUntil: next.lockedUntil, attemptsLeft: attemptsLeft(next, current) };
    },

    panel(adminToken) {
      const expiresAt = sessions.touch(adminToken);
      const at = now();
      const id = kioskId();
      return {
        today: toTallies(day.aggregate, id, at),
        allTime: toTallies(options.journal.aggregate, id, at),
        dayStartedAt: day.dayStartedAt,
        health: healthView(),
        settings: settingsView(),
        expiresAt,
      };
    },

    action(request) {
      sessions.touch(request.adminToken);
      switch (request.action) {
        case 'end-session':
          // The renderer ends the visitor session itself (reason "staff"); here it is only audited.
          record('end-session');
          return { done: true, message: 'Visitor session ended.' };
        case 'end-of-day':
          return { done: true, message: endOfDay() };
        case 'set-settings': {
          const patch: Record<string, string | number> = {};
          for (const [key, value] of Object.entries(request.settings) as [
            string,
            string | number | undefined,
          ][]) {
            if (value !== undefined) patch[key] = value;
          }
          options.updateSettings(patch);
          record('set-settings', patch);
          const changed = Object.keys(patch);
          return {
            done: true,
            message: `Settings saved (${changed.length > 0 ? changed.join(', ') : 'no change'}).`,
          };
        }
        case 'set-pin':
          options.updateSettings({ adminPinHash: hashPin(request.pin) });
          record('set-pin');
          return { done: true, message: 'Staff PIN changed.' };
        case 'restart':
          record('restart');
          return { done: true, message: options.platform.restart() };
        case 'exit-to-desktop': {
          const message = options.platform.exitToDesktop();
          record('exit-to-desktop');
          return { done: true, message };
        }
        case 'lock':
          sessions.end(request.adminToken);
          record('lock');
          return { done: true, message: 'Staff panel locked.' };
      }
    },

    async exportPeriod(adminToken, period) {
      sessions.touch(adminToken);
      const target = await options.platform.chooseExportTarget();
      const at = now();
      const id = kioskId();
      const built = buildExport({
        journalPath: options.journal.path,
        start: period === 'today' ? day.sliceStart() : { fromByte: 0, since: null },
        toByte: options.journal.bytes,
        kioskId: id,
        period,
        from: period === 'today' ? day.dayStartedAt : null,
        appVersion: options.version,
        now: at,
        suffix: target.downloadId === null ? freeSuffix(target.folder, id, at) : '',
      });
      writeExportFiles(target.folder, built.files);
      record('export', {
        period,
        records: built.records,
        folder: target.downloadId === null ? target.folder : 'download',
      });
      // The export may take a while: the session counts from its end, not its start.
      sessions.touch(adminToken);
      return {
        folder: target.downloadId === null ? target.folder : null,
        records: built.records,
        files: built.files.map((file) => ({
          name: file.name,
          bytes: file.data.length,
          downloadPath: target.downloadId === null ? null : exportDownloadPath(target.downloadId, file.name),
        })),
      };
    },

    onRecord(recordStored) {
      day.onRecord(recordStored);
    },

    todayAggregate() {
      return day.aggregate;
    },

    close() {
      audit.close();
    },
  };
}
