/**
 * The staff notice for a station hidden from the hub: the station by its name in the staff's
 * language (with its id), the file and the field, in Vietnamese and in English; a whole-file
 * problem reads as such rather than as an empty field.
 */
import { describe, expect, it } from 'vitest';
import type { StaffNotice } from '../../../electron/bridge/admin-contract.js';
import { createI18n } from '../../../renderer/i18n/i18n.js';
import { Localized } from '../../../renderer/shell/localized.js';
import { noticeText } from '../../../renderer/shell/notices.js';
import { STATIONS, stationTexts } from '../../../scenes/registry.js';

async function localized(language: 'vi' | 'en'): Promise<Localized> {
  const i18n = await createI18n(language);
  // As renderer/main.ts does at boot: the stations' names come from their station.json.
  for (const lang of ['vi', 'en'] as const) {
    i18n.addResourceBundle(lang, 'translation', stationTexts(STATIONS, lang), true, true);
  }
  return new Localized(i18n);
}

const hidden = (station: string, file: string, field: string, detail: string): StaffNotice => ({
  code: 'station-hidden',
  params: { station, file, field, detail },
});

describe('the station-hidden notice', () => {
  const scam = STATIONS.find((station) => station.id === 'scam');

  it('names the station in the staff language, the file and the field', async () => {
    const notice = hidden('scam', 'otp-bank.en.json', 'nodes[3].choices[1].next', 'unknown node "x"');
    expect(noticeText(await localized('vi'), notice)).toBe(
      `Trạm ${scam?.name.vi ?? ''} (scam) đã được ẩn khỏi màn hình chính vì một tệp bị lỗi: ` +
        'otp-bank.en.json, nodes[3].choices[1].next: unknown node "x". Các trạm khác vẫn chạy. ' +
        'Hãy sửa tệp rồi khởi động lại kiosk (chi tiết trong logs/kiosk.log).',
    );
    expect(noticeText(await localized('en'), notice)).toBe(
      `The station ${scam?.name.en ?? ''} (scam) is hidden from the hub because a file is broken: ` +
        'otp-bank.en.json, nodes[3].choices[1].next: unknown node "x". The other stations keep running. ' +
        'Fix the file, then restart the kiosk (details in logs/kiosk.log).',
    );
  });

  it('gives the folder when the station has no name (its station.json is the broken file)', async () => {
    const notice = hidden('quiz', './quiz/station.json', 'color', 'must be a colour like "#ff6b5b"');
    expect(noticeText(await localized('en'), notice)).toContain(
      'The station quiz is hidden from the hub because a file is broken: ./quiz/station.json, color: must be',
    );
  });

  it('says "the whole file" when no field is at fault, in each language', async () => {
    const notice = hidden('pledge', 'pledges.en.json', '', 'missing content file');
    expect(noticeText(await localized('vi'), notice)).toContain(
      'pledges.en.json, cả tệp: missing content file',
    );
    expect(noticeText(await localized('en'), notice)).toContain(
      'pledges.en.json, the whole file: missing content file',
    );
  });
});
