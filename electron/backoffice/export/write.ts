/**
 * Writing export files into a folder (a USB stick, or the browser host's download folder):
 * each file fsynced (a stick pulled right after "done" must hold complete files), and never
 * over an existing export: a second export the same day gets "-2", "-3"… on all its names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { storageFailure } from '../errors.js';
import { fsyncDir, writeAll } from '../fsutil.js';
import { exportNames, localDate } from './format.js';

/** The first suffix ("", "-2", …) for which none of the export's four names exists in `folder`. */
export function freeSuffix(folder: string, kioskId: string, now: Date): string {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const { csv, json, journal, html } = exportNames(kioskId, localDate(now), suffix);
    const names = [csv, json, journal, html];
    if (names.every((name) => !fs.existsSync(path.join(folder, name)))) return suffix;
  }
  throw new Error(`Too many exports of the same day in ${folder}.`);
}

/**
 * Writes every file into `folder` (which must exist), fsynced, new files only.
 * @param mode permissions of the new files: private (0600) inside the data folder; readable
 * by whoever opens the USB stick otherwise
 * @throws BridgeFailure 'storage' naming the file and what to do (e.g. stick full or read-only)
 */
export function writeExportFiles(
  folder: string,
  files: readonly { name: string; data: Buffer }[],
  mode = 0o644,
): void {
  for (const file of files) {
    const target = path.join(folder, file.name);
    let fd: number;
    try {
      fd = fs.openSync(target, 'wx', mode);
    } catch (error) {
      throw storageFailure('write-export', error, target);
    }
    try {
      writeAll(fd, file.data);
      fs.fsyncSync(fd);
    } catch (error) {
      // A half-written export would look complete on the organisers' laptop: remove it.
      fs.closeSync(fd);
      fs.rmSync(target, { force: true });
      throw storageFailure('write-export', error, target);
    }
    fs.closeSync(fd);
  }
  fsyncDir(folder);
}
