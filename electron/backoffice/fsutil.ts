/**
 * Small synchronous file helpers shared by the journal and the settings store.
 * Synchronous on purpose: the back office must have stored a record before it
 * acknowledges it, and boot-time repair must finish before anything is served.
 */
import fs from 'node:fs';
import path from 'node:path';

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
      fd = fs.openSync(candidate, 'wx');
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
