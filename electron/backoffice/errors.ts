/**
 * Turns file-system failures into something festival staff can act on.
 *
 * Staff read it in their language: what reaches the renderer is a code with parameters
 * (the action, the cause in plain terms, the errno code for whoever is called, the file),
 * which the renderer words in Vietnamese or English (renderer/i18n/locales, staff.storage).
 * The log keeps an English sentence for the technical team.
 */
import {
  noticeMessage,
  type StaffMessage,
  type StorageAction,
  type StorageCause,
} from '../bridge/admin-contract.js';
import { BridgeFailure } from '../bridge/dispatch.js';

/** The errno code of a Node file-system error, or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** The cause of a failed file operation, in staff terms. */
export function storageCause(error: unknown): StorageCause {
  switch (errnoCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'read-only';
    case 'ENOTDIR':
    case 'ENOENT':
      return 'missing';
    case 'ELOCKED':
      // Not an errno: lock.ts uses it when another kiosk program owns the data folder.
      return 'locked';
    case 'EIO':
      return 'io';
    default:
      return 'unexpected';
  }
}

/** The English wording of each action and cause, for the log only. */
const LOG_ACTIONS: Readonly<Record<StorageAction, string>> = {
  'save-visitor-data': 'Cannot save visitor data',
  'save-settings': 'Cannot save settings',
  'save-staff-pin': 'Cannot save the staff PIN',
  'write-audit-log': 'Cannot write the staff audit log',
  'prepare-export': 'Cannot prepare the export',
  'write-export': 'Cannot write the export',
};

const LOG_CAUSES: Readonly<Record<StorageCause, string>> = {
  'disk-full': 'the disk is full',
  'read-only': 'the data folder is read-only or the kiosk has no permission to write there',
  missing: 'the data folder is missing or is not a folder',
  locked: 'the data folder is in use by another kiosk program',
  io: 'the disk reported a hardware error',
  unexpected: 'an unexpected error happened',
};

/** The errno code, plus the error's own words where the cause alone does not say enough. */
function errnoDetail(error: unknown, cause: StorageCause): string {
  const code = errnoCode(error) ?? 'no error code';
  if (cause !== 'unexpected' && cause !== 'locked') return code;
  return `${code}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The staff message for a failed file operation (worded by the renderer). */
export function storageNotice(action: StorageAction, error: unknown, filePath: string): StaffMessage {
  const cause = storageCause(error);
  return {
    code: 'storage-failed',
    params: { action, cause, errno: errnoDetail(error, cause), path: filePath },
  };
}

/**
 * An English sentence for the log, e.g. "Cannot save visitor data: the disk is full (ENOSPC)
 * at /x/journal.jsonl."
 */
export function storageSentence(action: StorageAction, error: unknown, filePath: string): string {
  const cause = storageCause(error);
  return `${LOG_ACTIONS[action]}: ${LOG_CAUSES[cause]} (${errnoDetail(error, cause)}) at ${filePath}.`;
}

/**
 * The bridge error the renderer receives when something could not be stored: its message is
 * the coded staff message (see noticeFromMessage), never an English sentence.
 */
export function storageFailure(action: StorageAction, error: unknown, filePath: string): BridgeFailure {
  return new BridgeFailure('storage', noticeMessage(storageNotice(action, error, filePath)));
}
