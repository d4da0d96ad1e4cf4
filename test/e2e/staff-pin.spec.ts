/**
 * Issue 8, hole 1, end to end on the real browser host: the staff PIN fails closed.
 *
 * - settings.json damaged between two starts (three bytes cut off): same kiosk id, the PIN
 *   still opens the panel (it no longer lives there), and `adminSetupPin` is refused;
 * - the PIN file damaged between two starts: the pad is locked with the re-provision message
 *   (never "choose a PIN"), the kiosk id is unchanged, `adminSetupPin` is refused; the USB
 *   set-up file then provisions a new PIN;
 * - damaged journal lines reach the staff notice with their count.
 * Screenshots (vi and en, landscape and portrait) go to test-results/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bridge, expect, screenshot, startHost, test } from './host-fixture.js';

const PIN = '246810';
const NEW_PIN = '13572468';
const SETUP_FILE = 'not-alone-admin-pin.txt';

async function openKiosk(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => 'kioskAdminDiagnostics' in window);
}

/** Types the PIN on the pad with the keyboard (the pad takes digits and Enter; fewer round trips). */
async function enterPin(page: Page, pin: string): Promise<void> {
  await expect(page.getByTestId('admin-pad').getByRole('button', { name: '1', exact: true })).toBeEnabled();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

async function kioskId(page: Page): Promise<string> {
  return ((await bridge(page, 'config')) as { value: { kioskId: string } }).value.kioskId;
}

/** Screenshots of what is on screen now in both orientations, named `<name>-<lang>-<orientation>`. */
async function shots(page: Page, name: string, language: 'vi' | 'en'): Promise<void> {
  await screenshot(page, `${name}-${language}-landscape`);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await screenshot(page, `${name}-${language}-portrait`);
  await page.setViewportSize({ width: 1920, height: 1080 });
}

function cut(file: string, bytes: number): void {
  fs.truncateSync(file, fs.statSync(file).size - bytes);
}

test('damaged settings keep the PIN and the kiosk id; a damaged PIN file locks the pad until the USB set-up file', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(300_000);
  const usb = path.join(dataDir, '..', `${path.basename(dataDir)}-media`);
  fs.mkdirSync(usb);
  const env = { KIOSK_SETUP_DIRS: usb };
  // First start: provisioned by KIOSK_ADMIN_PIN.
  let host = await startHost(dataDir, { ...env, KIOSK_ADMIN_PIN: PIN });
  let id: string;
  try {
    await openKiosk(page, host.url);
    id = await kioskId(page);
  } finally {
    await host.stop();
  }

  // 1. Three bytes cut off settings.json: nothing lost, no set-up offered.
  cut(path.join(dataDir, 'settings.json'), 3);
  host = await startHost(dataDir, env);
  try {
    await openKiosk(page, host.url);
    expect(await kioskId(page)).toBe(id);
    expect(await bridge(page, 'adminSetupPin', { pin: '111111' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await page.keyboard.press('Control+Shift+A');
    await enterPin(page, PIN);
    await expect(page.getByTestId('admin-panel')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Khoá và đóng bảng nhân viên' }).click();
  } finally {
    await host.stop();
  }

  // 2. The PIN file itself damaged: locked, re-provision message, never "choose a PIN".
  cut(path.join(dataDir, 'admin-pin.json'), 12);
  host = await startHost(dataDir, { ...env, KIOSK_ALLOW_SCREEN_SETUP: '1' });
  try {
    await openKiosk(page, host.url);
    expect(await kioskId(page)).toBe(id);
    const pad = page.getByTestId('admin-pad');
    for (const language of ['vi', 'en'] as const) {
      await page.keyboard.press('Control+Shift+A');
      await expect(pad).toBeVisible();
      await expect(pad.getByRole('alert')).toContainText(
        language === 'vi'
          ? 'Đã khoá: mã PIN nhân viên bị mất hoặc hỏng'
          : 'Locked: the staff PIN is missing or damaged',
      );
      await expect(pad).not.toContainText(language === 'vi' ? 'Chọn mã PIN mới' : 'Choose a new PIN');
      await expect(
        pad.getByRole('button', { name: language === 'vi' ? 'Huỷ' : 'Cancel', exact: true }),
      ).toBeInViewport({
        ratio: 1,
      });
      await expect(pad.getByRole('button', { name: '5', exact: true })).toBeDisabled();
      await shots(page, 'admin-pad-reprovision', language);
      await pad.getByRole('button', { name: language === 'vi' ? 'Huỷ' : 'Cancel', exact: true }).click();
      await page
        .getByRole('button', { name: language === 'vi' ? 'Switch to English' : 'Chuyển sang tiếng Việt' })
        .click();
    }
    expect(await bridge(page, 'adminSetupPin', { pin: '111111' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await bridge(page, 'adminUnlock', { pin: PIN })).toMatchObject({
      ok: true,
      value: { unlocked: false, refused: 'reprovision' },
    });

    // Staff bring the set-up stick; opening the pad picks it up.
    fs.mkdirSync(path.join(usb, 'KIOSK'));
    fs.writeFileSync(path.join(usb, 'KIOSK', SETUP_FILE), `${NEW_PIN}\n`);
    await expect
      .poll(async () => ((await bridge(page, 'adminState')) as { value: { pin: string } }).value.pin, {
        timeout: 15_000,
      })
      .toBe('set');
    expect(fs.existsSync(path.join(usb, 'KIOSK', SETUP_FILE))).toBe(false);
    await page.keyboard.press('Control+Shift+A');
    await enterPin(page, NEW_PIN);
    await expect(page.getByTestId('admin-panel')).toBeVisible({ timeout: 20_000 });
  } finally {
    await host.stop();
  }
});

test('the staff notice counts damaged journal lines, in the staff language', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  let host = await startHost(dataDir);
  try {
    await openKiosk(page, host.url);
    for (let i = 0; i < 3; i++) {
      const sessionId = `00000000-0000-4000-8000-00000000000${i}`;
      await bridge(page, 'record', { type: 'session-start', sessionId, language: 'vi' });
      await bridge(page, 'record', { type: 'session-end', sessionId, reason: 'visitor' });
    }
  } finally {
    await host.stop();
  }
  const journal = path.join(dataDir, 'journal.jsonl');
  const lines = fs.readFileSync(journal, 'utf8').split('\n');
  lines.splice(2, 0, '{"damaged": true}', '\u0000\u0000\u0000\u0000');
  fs.writeFileSync(journal, lines.join('\n'));

  host = await startHost(dataDir);
  try {
    await openKiosk(page, host.url);
    const notice = page.getByTestId('staff-notice');
    await expect(notice).toHaveText(
      'Thông báo cho nhân viên: 2 dòng dữ liệu khách bị hỏng đã được bỏ qua (vẫn giữ trong tệp nhật ký). Hãy báo cho ban tổ chức.',
    );
    await shots(page, 'staff-notice-damaged', 'vi');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(notice).toHaveText(
      'Staff notice: 2 damaged lines of visitor data were skipped (they stay in the journal file). Tell the organisers.',
    );
    await shots(page, 'staff-notice-damaged', 'en');
  } finally {
    await host.stop();
  }
});
