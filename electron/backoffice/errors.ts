/**
 * Turns file-system failures into sentences festival staff can act on.
 *
 * The kiosk has no keyboard engineer standing by: the health screen shows these
 * sentences verbatim, so each one names the file, the cause in plain words, the
 * errno code (for whoever is called) and what to try.
 */
import { BridgeFailure } from '../bridge/dispatch.js';

/** The errno code of a Node file-system error, or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function causeAndAdvice(error: unknown): { cause: string; advice: string } {
  const code = errnoCode(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        cause: `the disk is full (${code})`,
        advice: 'Free space or point KIOSK_DATA_DIR elsewhere.',
      };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return {
        cause: `the data folder is read-only or the kiosk has no permission to write there (${code})`,
        advice: 'Make the folder writable or point KIOSK_DATA_DIR elsewhere.',
      };
    case 'ENOTDIR':
    case 'ENOENT':
      return {
        cause: `the data folder is missing or is not a folder (${code})`,
        advice: 'Reconnect the drive, or point KIOSK_DATA_DIR at an existing folder.',
      };
    case 'ELOCKED':
      // Not an errno: lock.ts uses it when another kiosk program owns the data folder.
      return {
        cause: `the data folder is in use by another kiosk program (${error instanceof Error ? error.message : 'locked'})`,
        advice:
          'Close the other kiosk program (Electron kiosk or browser host), or give each its own KIOSK_DATA_DIR.',
      };
    case 'EIO':
      return {
        cause: 'the disk reported a hardware error (EIO)',
        advice: 'Check the disk or USB drive and its cable, then restart the kiosk.',
      };
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        cause: `an unexpected error happened (${code ?? 'no error code'}: ${detail})`,
        advice: 'Restart the kiosk; if it happens again, call the technical team.',
      };
    }
  }
}

/**
 * A staff-readable sentence for a failed file operation, e.g.
 * "Cannot save visitor data: the disk is full (ENOSPC) at /x/journal.jsonl. Free space or point KIOSK_DATA_DIR elsewhere."
 * @param action what could not be done, starting with "Cannot …"
 */
export function storageSentence(action: string, error: unknown, filePath: string): string {
  const { cause, advice } = causeAndAdvice(error);
  return `${action}: ${cause} at ${filePath}. ${advice}`;
}

/** The bridge error the renderer receives when visitor data could not be stored. */
export function storageFailure(action: string, error: unknown, filePath: string): BridgeFailure {
  return new BridgeFailure('storage', storageSentence(action, error, filePath));
}
