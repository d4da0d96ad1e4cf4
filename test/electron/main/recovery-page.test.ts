import { describe, expect, it } from 'vitest';
import { KIOSK_START_URL } from '../../../electron/main/kiosk-url.js';
import { RECOVERY_PAGE_HTML, RECOVERY_RETRY_SECONDS } from '../../../electron/main/recovery-page.js';

describe('RECOVERY_PAGE_HTML', () => {
  it('says in Vietnamese and English that the kiosk is restarting', () => {
    expect(RECOVERY_PAGE_HTML).toContain('Ki-ốt đang khởi động lại');
    expect(RECOVERY_PAGE_HTML).toContain('The kiosk is restarting');
    expect(RECOVERY_PAGE_HTML).toContain('<meta charset="utf-8">');
  });

  it('shows the 111 and 113 hotlines', () => {
    expect(RECOVERY_PAGE_HTML).toMatch(/>111</);
    expect(RECOVERY_PAGE_HTML).toMatch(/>113</);
  });

  it('retries the start page by itself with a meta refresh, without any script (the CSP forbids inline scripts)', () => {
    expect(RECOVERY_PAGE_HTML).toContain(
      `<meta http-equiv="refresh" content="${RECOVERY_RETRY_SECONDS};url=${KIOSK_START_URL}">`,
    );
    expect(RECOVERY_PAGE_HTML).not.toMatch(/<script/i);
    expect(RECOVERY_PAGE_HTML).not.toMatch(/\son[a-z]+=/i);
  });

  it('loads nothing from outside (no external URLs)', () => {
    expect(RECOVERY_PAGE_HTML).not.toMatch(/https?:\/\//);
    expect(RECOVERY_PAGE_HTML).not.toMatch(/<(img|link|iframe)\b/i);
  });
});
