/**
 * The kiosk id, kept in its own small file (`kiosk-id.json`, written with fsync and rename)
 * besides settings.json: tallies, exports and sync all carry it, so a damaged settings file
 * must never give the kiosk a new name. Settings stay the authority while they are readable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KioskIdSchema } from '../bridge/admin-contract.js';
import { replaceFileDurably } from './fsutil.js';
import type { Logger } from './types.js';

export const KIOSK_ID_FILE = 'kiosk-id.json';

/** The id in `kiosk-id.json`, or null when missing or unreadable. */
export function readKioskIdFile(dataDir: string): string | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, KIOSK_ID_FILE), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('kioskId' in parsed)) return null;
    const id = KioskIdSchema.safeParse(parsed.kioskId);
    return id.success ? id.data : null;
  } catch {
    return null;
  }
}

/** Saves the id durably; a failure is logged (settings still hold it) and never thrown. */
export function saveKioskIdFile(dataDir: string, kioskId: string, logger: Logger): void {
  try {
    replaceFileDurably(path.join(dataDir, KIOSK_ID_FILE), Buffer.from(`${JSON.stringify({ kioskId })}\n`));
  } catch (error) {
    logger.warn(`Could not save the kiosk id to ${KIOSK_ID_FILE}: ${String(error)}`);
  }
}

const KIOSK_ID_IN_TEXT = /"kioskId"\s*:\s*"([^"\\]{1,64})"/;

/**
 * A valid kiosk id in a damaged settings file's bytes, if it has one: read as text, so a file
 * cut short (not JSON any more) still gives up an id written before the cut.
 */
export function salvageKioskId(bytes: Buffer): string | undefined {
  const found = KIOSK_ID_IN_TEXT.exec(bytes.toString('utf8'))?.[1];
  if (found === undefined) return undefined;
  const result = KioskIdSchema.safeParse(found);
  return result.success ? result.data : undefined;
}
