/**
 * Small synchronous file helpers shared by the journal and the settings store.
 * Synchronous on purpose: the back office must have stored a record before it
 * acknowledges it, and boot-time repair must finish before anything is served.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Everything in the data folder is private to the kiosk's own user: the journal, the PIN
 * hash, the lock-out, the audit log and the logs are nobody else's business on a shared PC.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Writes every byte of `data` to `fd` (a write may be short; loop until done). */
export function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) {
    offset += fs.writeSync(fd, data, offset, data.length - offset);
  }
}

/**
 * Makes a directory entry (a file just created or renamed in `dir`) survive a power cut.
 * Best effort: some file systems refuse fsync on directories, which loses nothing we can fix.
 */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not fatal: the data itself was already synced; only the name is at risk.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A timestamp safe in file names on every OS: 2025-11-22T15-28-00-123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Writes `data` to a new file named `<base>` (or `<base>-2`, `-3`… if taken), fsynced,
 * and returns its path. Used to set aside damaged bytes: it never overwrites anything.
 */
export function writeNewFileDurably(base: string, data: Uint8Array): string {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    let fd: number;
    try {
      fd = fs.openSync(candidate, 'wx', PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 1000) continue;
      throw error;
    }
    try {
      writeAll(fd, data);
      fs.fsyncSync(fd);
    } catch (error) {
      // A half-written copy would look like a complete one later: remove it, report the cause.
      fs.closeSync(fd);
      fs.rmSync(candidate, { force: true });
      throw error;
    }
    fs.closeSync(fd);
    fsyncDir(path.dirname(candidate));
    return candidate;
  }
}

/**
 * Replaces `file` with `data` so that a power cut leaves either the old or the new content,
 * never a mix: a private temp file is written and fsynced, renamed over `file`, and the
 * folder is fsynced so the rename itself survives.
 * @throws the file-system error (the old file is then untouched)
 */
export function replaceFileDurably(file: string, data: Uint8Array): void {
  const temp = `${file}.tmp`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'w', PRIVATE_FILE_MODE);
    writeAll(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(file));
}

/**
 * Creates `dir` (and its parents) if missing and makes it private to this user (0700).
 * Best effort: a folder we do not own, or a file system without modes (FAT, Windows), keeps
 * what it has; whatever really stops us is reported by the writes that follow.
 */
export function ensurePrivateDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch {
    // Reported by the first write into it, in staff words.
  }
}

/** Makes an existing file private (0600); best effort, like ensurePrivateDir. */
export function makePrivate(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // Missing (nothing to protect) or not ours to change.
  }
}

/** Bytes free for this user on the disk holding `dir`; null when it cannot be read. */
export function freeDiskBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return Math.max(0, Math.floor(stats.bavail * stats.bsize));
  } catch {
    return null;
  }
}
