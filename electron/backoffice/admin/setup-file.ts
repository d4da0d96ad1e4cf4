/**
 * The USB set-up file: how staff provision (or re-provision) the staff PIN without a
 * keyboard and without ever offering "choose a PIN" on the public screen.
 *
 * A text file named `not-alone-admin-pin.txt` at the top of a USB stick, holding only the
 * 6–8 digit PIN. While the kiosk has no usable PIN it looks for that file on every mounted
 * drive whenever the PIN pad is opened; it stores the PIN's hash, then deletes the file so
 * the PIN does not stay on the stick in clear.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PinSchema } from '../../bridge/admin-contract.js';

export const SETUP_FILE_NAME = 'not-alone-admin-pin.txt';
/** Larger files are not ours (a PIN file is a few bytes). */
const MAX_SETUP_FILE_BYTES = 64;

/**
 * The folders whose sub-folders are mount points of removable drives, or, with
 * KIOSK_SETUP_DIRS (paths separated by the platform's path delimiter), exactly those.
 */
export function setupSearchRoots(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const configured = env.KIOSK_SETUP_DIRS?.trim();
  if (configured) return configured.split(path.delimiter).filter((dir) => dir !== '');
  if (platform === 'win32') {
    // Drive letters after the system drive: USB sticks get one of these.
    return 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => `${letter}:\\`);
  }
  if (platform === 'darwin') return ['/Volumes'];
  const user = os.userInfo().username;
  return [`/media/${user}`, `/run/media/${user}`, '/media', '/mnt'];
}

export type SetupFileResult =
  { kind: 'found'; pin: string; file: string } | { kind: 'invalid'; file: string } | { kind: 'none' };

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}

function readSetupFile(file: string): SetupFileResult {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_SETUP_FILE_BYTES) return { kind: 'invalid', file };
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const pin = text.replace(/^\uFEFF/, '').trim();
  return PinSchema.safeParse(pin).success ? { kind: 'found', pin, file } : { kind: 'invalid', file };
}

/**
 * The first set-up file found in a root or one level below it (a stick mounted at
 * `/media/kiosk/STICK`), or why there is none usable.
 */
export function findSetupFile(roots: readonly string[]): SetupFileResult {
  let invalid: SetupFileResult | null = null;
  for (const root of roots) {
    for (const dir of [root, ...subfolders(root)]) {
      const result = readSetupFile(path.join(dir, SETUP_FILE_NAME));
      if (result.kind === 'found') return result;
      if (result.kind === 'invalid') invalid ??= result;
    }
  }
  return invalid ?? { kind: 'none' };
}
