/**
 * The PIN pad's lock-out after too many wrong PINs, persisted so that restarting the kiosk
 * (pulling the plug) never resets it.
 *
 * Kept in its own small file, `<dataDir>/admin-lock.json`, rather than in settings.json:
 * it changes on every wrong PIN, and a damaged lock file must never cost the kiosk its
 * settings (nor a damaged settings file the lock).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ADMIN_MAX_ATTEMPTS } from '../../bridge/admin-contract.js';
import { replaceFileDurably } from '../fsutil.js';
import type { Logger } from '../types.js';

export const LOCKOUT_FILE = 'admin-lock.json';
/** The first lock-out lasts this long; each further wrong PIN doubles it. */
export const FIRST_LOCK_MS = 30_000;
/** No lock-out lasts longer than this (staff must be able to get in eventually). */
export const MAX_LOCK_MS = 15 * 60_000;

const LockoutSchema = z.object({
  failures: z.int().min(0),
  lockedUntil: z.iso.datetime().nullable(),
});
export type LockoutState = z.infer<typeof LockoutSchema>;

/**
 * How long the pad locks after the `failures`-th consecutive wrong PIN: 0 below
 * ADMIN_MAX_ATTEMPTS, then 30 s, 60 s, 120 s … capped at 15 minutes.
 */
export function lockDelayMs(failures: number): number {
  if (failures < ADMIN_MAX_ATTEMPTS) return 0;
  const doublings = Math.min(failures - ADMIN_MAX_ATTEMPTS, 30);
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

/** Wrong PINs still allowed before the next lock-out (0 while locked). */
export function attemptsLeft(state: LockoutState, now: Date): number {
  if (isLocked(state, now)) return 0;
  return state.failures >= ADMIN_MAX_ATTEMPTS ? 1 : ADMIN_MAX_ATTEMPTS - state.failures;
}

/** True while `state.lockedUntil` is in the future. */
export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** The state after one more wrong PIN at `now`. */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const failures = state.failures + 1;
  const delay = lockDelayMs(failures);
  return { failures, lockedUntil: delay > 0 ? new Date(now.getTime() + delay).toISOString() : null };
}

export const CLEAR_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null };

/**
 * Reads the persisted lock-out. A missing file means no failures; a damaged one is logged and
 * read as "locked for the first lock-out delay" (an attacker must not be able to reset the
 * counter by corrupting the file, and staff are only delayed briefly).
 */
export function loadLockout(dataDir: string, logger: Logger, now: Date): LockoutState {
  const file = path.join(dataDir, LOCKOUT_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { ...CLEAR_LOCKOUT };
  }
  try {
    return LockoutSchema.parse(JSON.parse(text));
  } catch {
    logger.warn(`${file} is damaged; the staff PIN pad stays locked for ${FIRST_LOCK_MS / 1000} s.`);
    return {
      failures: ADMIN_MAX_ATTEMPTS,
      lockedUntil: new Date(now.getTime() + FIRST_LOCK_MS).toISOString(),
    };
  }
}

/**
 * The file is always this many bytes (JSON padded with spaces), so a new state can be written
 * over the old one in place, in blocks the file already owns, when the disk is full.
 */
export const LOCKOUT_FILE_BYTES = 128;

function lockoutBytes(state: LockoutState): Buffer {
  return Buffer.from(JSON.stringify(state).padEnd(LOCKOUT_FILE_BYTES - 1, ' ') + '\n');
}

/**
 * Saves the lock-out durably (temp file, fsync, rename, fsync of the folder) so a power cut
 * right after a wrong PIN cannot roll the counter back. When that fails (a full disk has no
 * block for the temp file), the state is written over the existing file in place and
 * fsynced: one write of 128 bytes, inside one disk sector.
 * @throws the file-system error when neither works: the caller must then refuse PIN attempts
 */
export function saveLockout(dataDir: string, state: LockoutState): void {
  const file = path.join(dataDir, LOCKOUT_FILE);
  const data = lockoutBytes(state);
  try {
    replaceFileDurably(file, data);
  } catch (error) {
    if (!overwriteInPlace(file, data)) throw error;
  }
}

/** Writes `data` over the start of an existing file of the same size; false when it cannot. */
function overwriteInPlace(file: string, data: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r+');
    if (fs.fstatSync(fd).size !== data.length) return false;
    if (fs.writeSync(fd, data, 0, data.length, 0) !== data.length) return false;
    fs.fsyncSync(fd);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
