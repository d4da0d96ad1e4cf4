/**
 * The staff side of the back office: PIN set-up and unlock with lock-out, short staff
 * sessions, the panel's data, staff actions and exports, each written to the audit log.
 * Host differences (export folder, restart, exit) come in through an AdminPlatform.
 */
import {
  noticeMessage,
  type AdminActionRequest,
  type AdminHealth,
  type AdminSettings,
  type AdminState,
  type StaffNotice,
} from '../../bridge/admin-contract.js';
import type { ChannelResponse, Health, JournalRecord } from '../../bridge/contract.js';
import { BridgeFailure } from '../../bridge/dispatch.js';
import { buildExport } from '../export/build.js';
import { freeSuffix, writeExportFiles } from '../export/write.js';
import { freeDiskBytes, PRIVATE_FILE_MODE } from '../fsutil.js';
import type { Settings } from '../settings.js';
import type { SyncService } from '../sync/service.js';
import { toTallies, type Aggregate } from '../tallies.js';
import type { Logger } from '../types.js';
import { AuditLog, type AuditAction } from './audit.js';
import { Day, lastDayClose, type DayJournal } from './day.js';
import { readAdminPinEnv } from './env-pin.js';
import type { AdminPlatform, ExportTarget } from './platform.js';
import { AdminSessions, SESSION_EXPIRED_MESSAGE, type AdminSession } from './sessions.js';
import { StaffPin, type PinSource } from './staff-pin.js';

export interface AdminOptions {
  dataDir: string;
  version: string;
  host: 'electron' | 'browser';
  env: Record<string, string | undefined>;
  logger: Logger;
  now: () => Date;
  journal: DayJournal & { readonly records: number; readonly opened: boolean };
  settings: () => Settings;
  updateSettings: (patch: Partial<Settings>) => Settings;
  health: () => Health;
  platform: AdminPlatform;
  /**
   * Choosing the first PIN on the screen is allowed (only ever when no PIN was provisioned):
   * the browser host's development mode, or KIOSK_ALLOW_SCREEN_SETUP=1.
   */
  allowScreenSetup: boolean;
  /** Storage problems staff must see (damaged journal lines, unusable folders). */
  notices: () => StaffNotice[];
  /** Staff idle timeout; ADMIN_IDLE_MS by default (tests shorten nothing: they move the clock). */
  idleMs?: number;
  /** Later sync (issue 9): its real status and settings; absent, the panel shows sync off. */
  sync?: AdminSync;
}

/** What the staff side needs of sync (electron/backoffice/sync/service.ts). */
export type AdminSync = Pick<SyncService, 'status' | 'settingsView' | 'configure'>;

/** How often an open export chooser checks that the staff session is still alive. */
const SESSION_WATCH_MS = 1_000;

type Channel<
  K extends 'adminState' | 'adminSetupPin' | 'adminUnlock' | 'adminPanel' | 'adminAction' | 'adminExport',
> = ChannelResponse<K>;

export interface Admin {
  state(): Promise<Channel<'adminState'>>;
  setupPin(pin: string): Promise<Channel<'adminSetupPin'>>;
  unlock(pin: string): Promise<Channel<'adminUnlock'>>;
  panel(adminToken: string): Channel<'adminPanel'>;
  action(request: AdminActionRequest): Promise<Channel<'adminAction'>>;
  exportPeriod(adminToken: string, period: 'today' | 'all'): Promise<Channel<'adminExport'>>;
  /** Counts a record the journal just stored into today's tallies. */
  onRecord(record: JournalRecord): void;
  /** Today's aggregate (since the last end of day), read-only, for a station's own counts. */
  todayAggregate(): Aggregate;
  /** The audit log (for tests and diagnostics). */
  readonly audit: AuditLog;
  /** The staff PIN (for tests and diagnostics). */
  readonly pin: StaffPin;
  close(): void;
}

/**
 * Opens the staff side on a data folder: reads the audit log (for the day boundary), the PIN
 * and the lock-out, and applies KIOSK_ADMIN_PIN when there is no usable PIN.
 * @throws Error naming KIOSK_ADMIN_PIN when it is set to something that is not 6–8 digits
 */
export function openAdmin(options: AdminOptions): Admin {
  const { logger, now } = options;
  const envPin = readAdminPinEnv(options.env);
  const audit = new AuditLog(options.dataDir, logger, now);
  const entries = audit.entries();
  const day = new Day(options.journal, lastDayClose(entries));
  const sessions = new AdminSessions(now, options.idleMs);

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

  const pin = new StaffPin({
    dataDir: options.dataDir,
    env: options.env,
    envPin,
    allowScreenSetup: options.allowScreenSetup,
    auditShowsPin: entries.some((entry) => entry.action === 'setup-pin' || entry.action === 'set-pin'),
    logger,
    now,
    onProvisioned: (source: PinSource) => {
      record('setup-pin', { source });
    },
  });

  const settingsView = (): AdminSettings => {
    const s = options.settings();
    return {
      kioskId: s.kioskId,
      language: s.language,
      idleSeconds: s.idleSeconds,
      ...(options.sync === undefined ? {} : { sync: options.sync.settingsView() }),
      campaignUrl: s.campaignUrl,
    };
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
      notices: options.notices(),
      // Without a sync service nothing is ever uploaded, so every record is pending.
      sync: options.sync?.status() ?? {
        state: 'disabled',
        pendingRecords: health.journalRecords,
        lastSuccessAt: null,
      },
    };
  };

  /**
   * Asks the platform where the export goes, closing its chooser if the staff session ends
   * meanwhile (lock, replaced, or expired: watched every second).
   */
  const chooseTarget = async (adminToken: string): Promise<ExportTarget> => {
    const controller = new AbortController();
    const abort = (): void => {
      if (controller.signal.aborted) return;
      logger.warn('The staff session ended while the export folder was being chosen; closing the chooser.');
      controller.abort(new BridgeFailure('forbidden', SESSION_EXPIRED_MESSAGE));
    };
    const stopWatching = sessions.onEnd(abort);
    const timer = setInterval(() => {
      if (!sessions.isActive(adminToken)) abort();
    }, SESSION_WATCH_MS);
    timer.unref();
    try {
      return await options.platform.chooseExportTarget(controller.signal);
    } finally {
      clearInterval(timer);
      stopWatching();
    }
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
    return noticeMessage({ code: 'day-ended', params: { records: todayRecords } });
  };

  return {
    audit,

    pin,

    async state(): Promise<AdminState> {
      const status = await pin.status();
      const notices = options.notices();
      if (!status.lockoutSaved) notices.unshift({ code: 'lockout-unsaved', params: {} });
      return { ...status, notices };
    },

    async setupPin(newPin): Promise<AdminSession> {
      await pin.setUp(newPin);
      record('setup-pin', { source: 'pad' });
      return sessions.issue();
    },

    async unlock(typed) {
      const outcome = await pin.unlock(typed);
      if (outcome.unlocked) {
        record('unlock');
        return { unlocked: true, ...sessions.issue() };
      }
      const { lockedUntil, attemptsLeft, refused, failures } = outcome;
      if (failures !== null) {
        record('unlock-failed', { failures });
        if (lockedUntil !== null) {
          record('lock-out', { failures, lockedUntil });
          logger.warn(`Staff PIN pad locked until ${lockedUntil} after ${failures} wrong PINs.`);
        }
      }
      return { unlocked: false, lockedUntil, attemptsLeft, refused };
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

    async action(request) {
      sessions.touch(request.adminToken);
      switch (request.action) {
        case 'end-session':
          // The renderer ends the visitor session itself (reason "staff"); here it is only audited.
          record('end-session');
          return { done: true, message: noticeMessage({ code: 'visitor-session-ended', params: {} }) };
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
            message: noticeMessage({ code: 'settings-saved', params: { fields: changed.join(', ') } }),
          };
        }
        case 'set-sync': {
          if (options.sync === undefined)
            throw new BridgeFailure('bad-request', noticeMessage({ code: 'sync-unavailable', params: {} }));
          options.sync.configure({
            url: request.url,
            enabled: request.enabled,
            intervalSeconds: request.intervalSeconds,
            token: request.token,
          });
          // The token itself is never audited or logged: only whether it changed.
          record('set-sync', {
            url: request.url,
            enabled: request.enabled,
            intervalSeconds: request.intervalSeconds,
            token: request.token === undefined ? 'kept' : request.token === null ? 'removed' : 'replaced',
          });
          return { done: true, message: noticeMessage({ code: 'sync-saved', params: {} }) };
        }
        case 'set-pin':
          await pin.change(request.pin);
          record('set-pin');
          return { done: true, message: noticeMessage({ code: 'pin-changed', params: {} }) };
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
          return { done: true, message: noticeMessage({ code: 'panel-locked', params: {} }) };
      }
    },

    async exportPeriod(adminToken, period) {
      sessions.touch(adminToken);
      if (!options.journal.opened) {
        // Nothing was read from the journal: an export now would be empty, not "no visitors".
        throw new BridgeFailure(
          'storage',
          noticeMessage({ code: 'export-journal-unavailable', params: { path: options.journal.path } }),
        );
      }
      const target = await chooseTarget(adminToken);
      // The chooser may have been open a long time: only a live staff session may write.
      sessions.touch(adminToken);
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
        suffix: target.publish === null ? freeSuffix(target.folder, id, at) : '',
      });
      writeExportFiles(target.folder, built.files, target.publish === null ? undefined : PRIVATE_FILE_MODE);
      const names = built.files.map((file) => file.name);
      const downloads = target.publish?.(names) ?? null;
      record('export', {
        period,
        records: built.records,
        folder: target.publish === null ? target.folder : 'download',
      });
      // The export may take a while: the session counts from its end, not its start.
      sessions.touch(adminToken);
      return {
        folder: target.publish === null ? target.folder : null,
        records: built.records,
        files: built.files.map((file, index) => ({
          name: file.name,
          bytes: file.data.length,
          downloadPath: downloads?.[index] ?? null,
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
