/**
 * One writer per journal. Both hosts default to the same data folder, and two processes
 * appending to one journal would each repair "torn ends" that are really the other's
 * write in progress, and roll back over each other's records. So the journal takes a
 * lock file first; a second kiosk program gets a clear storage error instead of
 * silently damaging data.
 *
 * The lock file holds the owner's pid and the machine's boot time. It is stale (and taken
 * over) when that process no longer exists or the machine has rebooted since (pids are
 * reused across boots), which covers crashes and power cuts without any manual cleanup.
 */
import fs from 'node:fs';
import os from 'node:os';
import { z } from 'zod';

export const LOCK_FILE = 'journal.lock';

const LockSchema = z.object({ pid: z.int().positive(), bootTime: z.number() });
type LockInfo = z.infer<typeof LockSchema>;

/** Boot times computed at different moments differ by rounding; reboots differ by far more. */
const BOOT_TIME_TOLERANCE_MS = 60_000;

/** A lock file still being written by its new owner looks unreadable for a moment. */
const FRESH_LOCK_MS = 5_000;

/** Thrown when a live process holds the lock; `code` lets errors.ts word it for staff. */
export class LockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number | null,
  ) {
    super(`${lockPath} is held by process ${ownerPid ?? '(unknown)'}`);
    this.name = 'LockedError';
  }
}

function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "alive".
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return LockSchema.parse(JSON.parse(fs.readFileSync(lockPath, 'utf8')));
  } catch {
    return null;
  }
}

function isStale(lockPath: string, lock: LockInfo | null): boolean {
  if (lock === null) {
    // Unreadable: being written right now, or a crash while writing it long ago.
    try {
      return Date.now() - fs.statSync(lockPath).mtimeMs > FRESH_LOCK_MS;
    } catch {
      return true; // gone meanwhile
    }
  }
  if (Math.abs(lock.bootTime - bootTime()) > BOOT_TIME_TOLERANCE_MS) return true;
  return !isAlive(lock.pid);
}

/**
 * Takes the lock at `lockPath` for this process.
 * @returns a description of a stale lock that was taken over, or null
 * @throws LockedError when a live process holds it; errno errors when the folder is unusable
 */
export function acquireLock(lockPath: string): string | null {
  let takenOver: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      try {
        fs.writeSync(fd, JSON.stringify({ pid: process.pid, bootTime: bootTime() }));
      } finally {
        fs.closeSync(fd);
      }
      return takenOver;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const lock = readLock(lockPath);
    if (!isStale(lockPath, lock)) throw new LockedError(lockPath, lock?.pid ?? null);
    takenOver = lock === null ? 'an unreadable lock' : `a stale lock of process ${lock.pid}`;
    // If another process takes it over at the same moment, our retry finds its lock: fine.
    fs.rmSync(lockPath, { force: true });
  }
  throw new LockedError(lockPath, readLock(lockPath)?.pid ?? null);
}

/** Removes the lock if this process holds it. Never throws. */
export function releaseLock(lockPath: string): void {
  try {
    if (readLock(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    // A leftover lock is stale once we exit; the next owner takes it over.
  }
}
