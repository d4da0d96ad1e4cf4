/**
 * Where the staff PIN hash lives: `<dataDir>/admin-pin.json` (0600), written like the
 * lock-out (temp file, fsync, rename, fsync of the folder), never in settings.json, so a
 * damaged settings file can no longer cost the kiosk its PIN.
 *
 * Next to it, `admin-provisioned.json` records that a PIN has existed. It is written before
 * the first hash and never removed, so a hash file that later goes missing or unreadable
 * means "locked: provision the PIN again" rather than "no PIN yet: choose one".
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { replaceFileDurably } from '../fsutil.js';
import type { Logger } from '../types.js';
import { isPinHash } from './pin.js';

export const PIN_FILE = 'admin-pin.json';
export const PROVISIONED_FILE = 'admin-provisioned.json';
/** The settings key that held the hash before 0.2 (salvaged once, then removed). */
export const LEGACY_HASH_KEY = 'adminPinHash';

const PinFileSchema = z.object({ hash: z.string().refine(isPinHash), setAt: z.iso.datetime() });

/** What the hash file holds. */
export type StoredPin =
  { kind: 'set'; hash: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

/** Reads and checks `admin-pin.json`. */
export function readStoredPin(dataDir: string): StoredPin {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, PIN_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', reason: String(code) };
  }
  try {
    return { kind: 'set', hash: PinFileSchema.parse(JSON.parse(text)).hash };
  } catch {
    return { kind: 'unreadable', reason: 'not a valid PIN file' };
  }
}

/** True when a PIN was provisioned on this data folder at some point. */
export function markerExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, PROVISIONED_FILE)) || fs.existsSync(path.join(dataDir, PIN_FILE));
}

/**
 * Stores a new hash durably: the "provisioned" marker first (if missing), then the hash.
 * @throws the file-system error; the old hash (if any) is then still in place
 */
export function saveStoredPin(dataDir: string, hash: string, at: Date): void {
  const marker = path.join(dataDir, PROVISIONED_FILE);
  if (!fs.existsSync(marker)) {
    replaceFileDurably(marker, Buffer.from(`${JSON.stringify({ since: at.toISOString() })}\n`));
  }
  replaceFileDurably(
    path.join(dataDir, PIN_FILE),
    Buffer.from(`${JSON.stringify({ hash, setAt: at.toISOString() })}\n`),
  );
}

const LEGACY_HASH = new RegExp(`"${LEGACY_HASH_KEY}"\\s*:\\s*"(scrypt\\$[^"]{1,500})"`);

/**
 * A PIN hash left in settings.json by an older version, or in a damaged settings file set
 * aside as `settings.json.corrupt-*` (newest first). Read as text, so a file cut short
 * after the hash still gives it up.
 */
export function findLegacyHash(dataDir: string, logger: Logger): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(dataDir);
  } catch {
    return null;
  }
  const candidates = [
    'settings.json',
    ...names
      .filter((name) => name.startsWith('settings.json.corrupt-'))
      .sort()
      .reverse(),
  ];
  for (const name of candidates) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dataDir, name), 'utf8');
    } catch {
      continue;
    }
    const hash = LEGACY_HASH.exec(text)?.[1];
    if (hash !== undefined && isPinHash(hash)) {
      logger.info(`Staff PIN hash found in ${name}; moving it to ${PIN_FILE}.`);
      return hash;
    }
  }
  return null;
}
