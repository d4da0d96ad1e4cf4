import { describe, expect, it } from 'vitest';
import { BridgeFailure } from '../../electron/bridge/dispatch.js';
import { storageFailure, storageSentence } from '../../electron/backoffice/errors.js';

function errno(code: string, message = `${code}: something`): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('storage sentences', () => {
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
  ])('explains %s', (code, cause, advice) => {
    const sentence = storageSentence('Cannot save visitor data', errno(code), '/data/journal.jsonl');
    expect(sentence).toContain(`Cannot save visitor data: ${cause}`);
    expect(sentence).toContain(' at /data/journal.jsonl. ');
    expect(sentence).toContain(advice);
  });

  it('keeps the raw code and message for errors it does not know', () => {
    const sentence = storageSentence(
      'Cannot save settings',
      errno('EMFILE', 'too many open files'),
      '/d/s.json',
    );
    expect(sentence).toBe(
      'Cannot save settings: an unexpected error happened (EMFILE: too many open files) at /d/s.json. ' +
        'Restart the kiosk; if it happens again, call the technical team.',
    );
  });

  it('wraps the sentence in a storage BridgeFailure', () => {
    const failure = storageFailure('Cannot save visitor data', errno('ENOSPC'), '/x/journal.jsonl');
    expect(failure).toBeInstanceOf(BridgeFailure);
    expect(failure.code).toBe('storage');
    expect(failure.message).toBe(
      'Cannot save visitor data: the disk is full (ENOSPC) at /x/journal.jsonl. Free space or point KIOSK_DATA_DIR elsewhere.',
    );
  });
});
