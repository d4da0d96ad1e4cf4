import { describe, expect, it } from 'vitest';
import { BridgeFailure } from '../../electron/bridge/dispatch.js';
import { noticeFromMessage } from '../../electron/bridge/admin-contract.js';
import { storageFailure, storageSentence } from '../../electron/backoffice/errors.js';

function errno(code: string, message = `${code}: something`): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('storage sentences (for the log)', () => {
  it.each([
    ['ENOSPC', 'the disk is full (ENOSPC)', 'Free space or point KIOSK_DATA_DIR elsewhere.'],
    [
      'EROFS',
      'the data folder is read-only or the kiosk has no permission to write there (EROFS)',
      'Make the folder writable',
    ],
    [
      'EACCES',
      'the data folder is read-only or the kiosk has no permission to write there (EACCES)',
      'Make the folder writable',
    ],
    [
      'EPERM',
      'the data folder is read-only or the kiosk has no permission to write there (EPERM)',
      'Make the folder writable',
    ],
    [
      'ENOTDIR',
      'the data folder is missing or is not a folder (ENOTDIR)',
      'point KIOSK_DATA_DIR at an existing folder',
    ],
    ['ENOENT', 'the data folder is missing or is not a folder (ENOENT)', 'Reconnect the drive'],
    ['EIO', 'the disk reported a hardware error (EIO)', 'Check the disk or USB drive'],
  ])('explains %s', (code, cause) => {
    const sentence = storageSentence('save-visitor-data', errno(code), '/data/journal.jsonl');
    expect(sentence).toBe(`Cannot save visitor data: ${cause} at /data/journal.jsonl.`);
  });

  it('keeps the raw code and message for errors it does not know', () => {
    const sentence = storageSentence('save-settings', errno('EMFILE', 'too many open files'), '/d/s.json');
    expect(sentence).toBe(
      'Cannot save settings: an unexpected error happened (EMFILE: too many open files) at /d/s.json.',
    );
  });

  it('sends staff a code with parameters in a storage BridgeFailure, never a sentence', () => {
    const failure = storageFailure('save-visitor-data', errno('ENOSPC'), '/x/journal.jsonl');
    expect(failure).toBeInstanceOf(BridgeFailure);
    expect(failure.code).toBe('storage');
    expect(noticeFromMessage(failure.message)).toEqual({
      code: 'storage-failed',
      params: { action: 'save-visitor-data', cause: 'disk-full', errno: 'ENOSPC', path: '/x/journal.jsonl' },
    });
    // Unknown errors keep their own words for whoever is called.
    expect(
      noticeFromMessage(storageFailure('write-export', errno('EMFILE', 'too many'), '/e').message),
    ).toEqual({
      code: 'storage-failed',
      params: { action: 'write-export', cause: 'unexpected', errno: 'EMFILE: too many', path: '/e' },
    });
  });
});
