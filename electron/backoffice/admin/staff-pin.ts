/**
 * The staff PIN and its lock-out, failing closed:
 * - the hash lives in its own file (pin-store.ts); once a PIN has existed, a missing or
 *   unreadable hash means "locked: provision it again" (KIOSK_ADMIN_PIN or the USB set-up
 *   file), never "choose a PIN" on the public screen;
 * - choosing a PIN on the screen is possible only when nothing was ever provisioned AND
 *   set-up on the screen was explicitly allowed (browser host `--dev`, KIOSK_ALLOW_SCREEN_SETUP);
 * - every attempt is counted on disk BEFORE the PIN is checked, so neither a power cut nor a
 *   full disk gives fresh tries: when the count cannot be saved, no PIN is checked at all;
 * - checks run one at a time, so parallel requests cannot slip past the lock-out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { noticeMessage, type PinState, type UnlockRefusal } from '../../bridge/admin-contract.js';
import { BridgeFailure } from '../../bridge/dispatch.js';
import { storageFailure } from '../errors.js';
import type { Logger } from '../types.js';
import {
  CLEAR_LOCKOUT,
  LOCKOUT_FILE,
  LOCKOUT_FILE_BYTES,
  afterFailure,
  attemptsLeft,
  isLocked,
  loadLockout,
  saveLockout,
  type LockoutState,
} from './lockout.js';
import { hashPin, hashPinAtStart, verifyPin } from './pin.js';
import { PIN_FILE, findLegacyHash, markerExists, readStoredPin, saveStoredPin } from './pin-store.js';
import { findSetupFile, setupSearchRoots } from './setup-file.js';

/** How often an open PIN pad may look for the USB set-up file. */
const SETUP_SCAN_INTERVAL_MS = 2_000;

export type PinSource = 'KIOSK_ADMIN_PIN' | 'usb' | 'pad' | 'settings.json';

export interface StaffPinOptions {
  dataDir: string;
  env: Record<string, string | undefined>;
  /** The PIN from KIOSK_ADMIN_PIN (already validated), or null. */
  envPin: string | null;
  /** Choosing a PIN on the screen is allowed when none was ever provisioned. */
  allowScreenSetup: boolean;
  /** True when the audit log shows a PIN was set before (one more proof that one existed). */
  auditShowsPin: boolean;
  logger: Logger;
  now: () => Date;
  /** Called after a PIN was provisioned without staff at the pad (environment, USB, old settings). */
  onProvisioned: (source: PinSource) => void;
}

export interface PinStatus {
  pin: PinState;
  lockedUntil: string | null;
  attemptsLeft: number;
  lockoutSaved: boolean;
}

export type UnlockOutcome =
  | { unlocked: true }
  | {
      unlocked: false;
      lockedUntil: string | null;
      attemptsLeft: number;
      refused: UnlockRefusal | null;
      /** Consecutive wrong PINs so far (for the audit log); null when nothing was checked. */
      failures: number | null;
    };

/** The staff PIN of one data folder. */
export class StaffPin {
  /** True when the PIN hash that settings.json used to hold now lives in its own file. */
  readonly legacyHashMoved: boolean;
  private hash: string | null = null;
  private provisioned: boolean;
  private lockout: LockoutState;
  private lockoutSaved = true;
  private queue: Promise<unknown> = Promise.resolve();
  private lastScanAt = Number.NEGATIVE_INFINITY;
  private readonly opts: StaffPinOptions;

  constructor(options: StaffPinOptions) {
    this.opts = options;
    const { dataDir, logger, now } = options;
    const stored = readStoredPin(dataDir);
    let legacyMoved = false;
    if (stored.kind === 'set') {
      this.hash = stored.hash;
    } else if (stored.kind === 'unreadable') {
      logger.error(
        `The staff PIN file ${path.join(dataDir, PIN_FILE)} is unreadable (${stored.reason}); ` +
          'the staff panel stays locked until the PIN is provisioned again (KIOSK_ADMIN_PIN or the USB set-up file).',
      );
    } else {
      const legacy = findLegacyHash(dataDir, logger);
      if (legacy !== null) {
        this.hash = legacy;
        legacyMoved = this.store(legacy);
        if (legacyMoved) options.onProvisioned('settings.json');
      }
    }
    this.legacyHashMoved = legacyMoved;
    this.provisioned = this.hash !== null || markerExists(dataDir) || options.auditShowsPin;
    this.lockout = loadLockout(dataDir, logger, now());
    if (this.hash !== null) this.ensureLockFile();
    this.applyEnvPin();
  }

  /** Where the PIN stands; looks for the USB set-up file while there is no usable PIN. */
  async status(): Promise<PinStatus> {
    if (this.hash === null) await this.serially(() => this.scanSetupFile());
    const now = this.opts.now();
    return {
      pin: this.pinState(),
      lockedUntil: isLocked(this.lockout, now) ? this.lockout.lockedUntil : null,
      attemptsLeft: attemptsLeft(this.lockout, now),
      lockoutSaved: this.lockoutSaved,
    };
  }

  /**
   * First run only, and only where set-up on the screen is allowed.
   * @throws BridgeFailure 'forbidden' otherwise; 'storage' when the PIN cannot be saved
   */
  setUp(pin: string): Promise<void> {
    return this.serially(async () => {
      if (this.pinState() !== 'choose') {
        throw new BridgeFailure('forbidden', noticeMessage({ code: 'pin-setup-refused', params: {} }));
      }
      await this.replace(pin);
      this.lockout = { ...CLEAR_LOCKOUT };
      this.saveLockoutState(this.lockout);
    });
  }

  /**
   * Checks `pin` against the lock-out and the hash; the attempt is on disk before the check.
   */
  unlock(pin: string): Promise<UnlockOutcome> {
    return this.serially(async () => {
      const now = this.opts.now();
      const state = this.pinState();
      if (state !== 'set' || this.hash === null) {
        const refused: UnlockRefusal = state === 'reprovision' ? 'reprovision' : 'unprovisioned';
        return { unlocked: false, lockedUntil: null, attemptsLeft: 0, refused, failures: null };
      }
      if (isLocked(this.lockout, now)) {
        // Not even checked: guessing must cost time whatever is typed.
        return {
          unlocked: false,
          lockedUntil: this.lockout.lockedUntil,
          attemptsLeft: 0,
          refused: null,
          failures: null,
        };
      }
      const counted = afterFailure(this.lockout, now);
      if (!this.saveLockoutState(counted)) {
        const left = attemptsLeft(this.lockout, now);
        return {
          unlocked: false,
          lockedUntil: null,
          attemptsLeft: left,
          refused: 'lockout-unsaved',
          failures: null,
        };
      }
      this.lockout = counted;
      if (await verifyPin(pin, this.hash)) {
        this.lockout = { ...CLEAR_LOCKOUT };
        this.saveLockoutState(this.lockout);
        return { unlocked: true };
      }
      return {
        unlocked: false,
        lockedUntil: counted.lockedUntil,
        attemptsLeft: attemptsLeft(counted, now),
        refused: null,
        failures: counted.failures,
      };
    });
  }

  /**
   * Replaces the PIN (staff "change PIN").
   * @throws BridgeFailure 'storage' when the new hash cannot be saved (the old PIN stays)
   */
  change(pin: string): Promise<void> {
    return this.serially(() => this.replace(pin));
  }

  private pinState(): PinState {
    if (this.hash !== null) return 'set';
    if (this.provisioned) return 'reprovision';
    return this.opts.allowScreenSetup ? 'choose' : 'unprovisioned';
  }

  /** Runs PIN work one call at a time (async scrypt would otherwise let calls overlap). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async replace(pin: string): Promise<void> {
    const hash = await hashPin(pin);
    try {
      saveStoredPin(this.opts.dataDir, hash, this.opts.now());
    } catch (error) {
      const failure = storageFailure('save-staff-pin', error, path.join(this.opts.dataDir, PIN_FILE));
      this.opts.logger.error(failure.message);
      throw failure;
    }
    this.hash = hash;
    this.provisioned = true;
    this.ensureLockFile();
  }

  /** Stores a hash that came without staff at the pad; keeps it in memory if the disk refuses. */
  private store(hash: string): boolean {
    try {
      saveStoredPin(this.opts.dataDir, hash, this.opts.now());
      return true;
    } catch (error) {
      this.opts.logger.error(
        `Could not save the staff PIN to ${PIN_FILE} (${String(error)}); it works until the kiosk restarts.`,
      );
      return false;
    }
  }

  /** Provisions KIOSK_ADMIN_PIN when there is no usable PIN (at start, before anything is served). */
  private applyEnvPin(): void {
    const { envPin, logger } = this.opts;
    if (envPin === null) return;
    if (this.hash !== null) {
      logger.info('KIOSK_ADMIN_PIN ignored: a staff PIN is already set (change it in the staff panel).');
      return;
    }
    const hash = hashPinAtStart(envPin);
    this.hash = hash;
    this.store(hash);
    logger.info(`Staff PIN ${this.provisioned ? 'provisioned again' : 'set'} from KIOSK_ADMIN_PIN.`);
    this.provisioned = true;
    this.ensureLockFile();
    this.opts.onProvisioned('KIOSK_ADMIN_PIN');
  }

  /** Looks for the USB set-up file (at most every 2 s) and provisions its PIN. */
  private async scanSetupFile(): Promise<void> {
    const at = this.opts.now().getTime();
    if (this.hash !== null || at - this.lastScanAt < SETUP_SCAN_INTERVAL_MS) return;
    this.lastScanAt = at;
    const found = findSetupFile(setupSearchRoots(this.opts.env));
    if (found.kind === 'invalid') {
      this.opts.logger.warn(`${found.file} is not a 6–8 digit PIN; ignored.`);
      return;
    }
    if (found.kind === 'none') return;
    const hash = await hashPin(found.pin);
    this.hash = hash;
    this.store(hash);
    this.provisioned = true;
    this.ensureLockFile();
    try {
      // The PIN must not stay on the stick in clear.
      fs.rmSync(found.file);
    } catch (error) {
      this.opts.logger.warn(`Could not delete ${found.file} (${String(error)}); delete it by hand.`);
    }
    this.opts.logger.info(`Staff PIN provisioned from ${found.file}.`);
    this.opts.onProvisioned('usb');
  }

  /**
   * Writes the fixed-size lock-out file now (missing, or from an older version) so that it can
   * be updated in place later, when the disk may be full.
   */
  private ensureLockFile(): void {
    let size = -1;
    try {
      size = fs.statSync(path.join(this.opts.dataDir, LOCKOUT_FILE)).size;
    } catch {
      // Missing: written below.
    }
    if (size !== LOCKOUT_FILE_BYTES) this.saveLockoutState(this.lockout);
  }

  /** Persists `state`; on failure remembers that the lock-out is unsaved (and says so once). */
  private saveLockoutState(state: LockoutState): boolean {
    try {
      saveLockout(this.opts.dataDir, state);
      if (!this.lockoutSaved) this.opts.logger.info('The PIN lock-out can be saved again.');
      this.lockoutSaved = true;
      return true;
    } catch (error) {
      if (this.lockoutSaved) {
        this.opts.logger.error(
          `Cannot save the PIN lock-out (${String(error)}); no PIN is checked until it can be saved.`,
        );
      }
      this.lockoutSaved = false;
      return false;
    }
  }
}
