/**
 * Every code the back office may send staff has a sentence in Vietnamese and in English, so
 * Vietnamese staff never read an English sentence (or a bare code). Iterates over the code
 * lists themselves: a code added without its texts fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  noticeFromMessage,
  STAFF_MESSAGE_CODES,
  STAFF_NOTICE_CODES,
  STORAGE_ACTIONS,
  STORAGE_CAUSES,
} from '../../electron/bridge/admin-contract.js';
import { LANGUAGES } from '../../electron/bridge/contract.js';
import { storageFailure } from '../../electron/backoffice/errors.js';
import { createI18n } from '../../renderer/i18n/i18n.js';
import { Localized } from '../../renderer/shell/localized.js';
import { errorText } from '../../renderer/shell/notices.js';

const CODES = [...STAFF_NOTICE_CODES, ...STAFF_MESSAGE_CODES];

async function localized(language: (typeof LANGUAGES)[number]): Promise<Localized> {
  return new Localized(await createI18n(language));
}

describe('staff codes', () => {
  for (const language of LANGUAGES) {
    it(`each has its own ${language} text (no fallback, no bare key)`, async () => {
      const i18n = await createI18n(language);
      const missing: string[] = [];
      const has = (key: string): boolean =>
        i18n.exists(key, { lng: language, fallbackLng: false }) ||
        i18n.exists(`${key}_other`, { lng: language, fallbackLng: false });
      for (const code of CODES) if (!has(`staff.notices.${code}`)) missing.push(code);
      for (const action of STORAGE_ACTIONS) if (!has(`staff.storage.action.${action}`)) missing.push(action);
      for (const cause of STORAGE_CAUSES) {
        if (!has(`staff.storage.cause.${cause}`)) missing.push(`cause ${cause}`);
        if (!has(`staff.storage.advice.${cause}`)) missing.push(`advice ${cause}`);
      }
      expect(missing).toEqual([]);
    });
  }

  it('differ between the languages (a Vietnamese text is not an English copy)', async () => {
    const [vi, en] = [await createI18n('vi'), await createI18n('en')];
    const same = CODES.filter((code) => {
      const key = vi.exists(`staff.notices.${code}`)
        ? `staff.notices.${code}`
        : `staff.notices.${code}_other`;
      return vi.t(key, { lng: 'vi', count: 2 }) === en.t(key, { lng: 'en', count: 2 });
    });
    expect(same).toEqual([]);
  });

  it('word a storage failure in the staff language, with its errno code and file', async () => {
    const error = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const failure = storageFailure('save-visitor-data', error, '/data/journal.jsonl');
    expect(noticeFromMessage(failure.message)?.code).toBe('storage-failed');
    expect(errorText(await localized('vi'), failure.message)).toBe(
      'Không lưu được dữ liệu khách: ổ đĩa đầy (ENOSPC) tại /data/journal.jsonl. ' +
        'Hãy giải phóng dung lượng hoặc đặt KIOSK_DATA_DIR sang chỗ khác.',
    );
    expect(errorText(await localized('en'), failure.message)).toBe(
      'Cannot save visitor data: the disk is full (ENOSPC) at /data/journal.jsonl. ' +
        'Free space or point KIOSK_DATA_DIR elsewhere.',
    );
  });

  it('leave a plain sentence (an old back office, a network error) as it came', async () => {
    expect(errorText(await localized('vi'), 'socket hang up')).toBe('socket hang up');
  });
});
