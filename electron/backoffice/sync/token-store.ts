/**
 * The kiosk's collector token, kept apart from settings.json in `sync-token` (0600), so no
 * settings view, export or diagnostic that shows settings can ever carry it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { replaceFileDurably } from '../fsutil.js';

export const TOKEN_FILE = 'sync-token';

/** The stored token, or null when none is stored (or it cannot be read). */
export function readStoredToken(dataDir: string): string | null {
  try {
    const text = fs.readFileSync(path.join(dataDir, TOKEN_FILE), 'utf8').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

/** Stores `token` durably, or removes it when null. @throws the file-system error */
export function writeStoredToken(dataDir: string, token: string | null): void {
  const file = path.join(dataDir, TOKEN_FILE);
  if (token === null) fs.rmSync(file, { force: true });
  else replaceFileDurably(file, Buffer.from(`${token}\n`));
}
