/**
 * The browser host restarts while a visitor plays, with Chromium left open: no record is
 * lost or stored twice, visitors never see developer text (staff see a localised notice), and
 * every refused request is in kiosk.log. Also when the restart came with a new page token.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { HOST_TOKEN_FILE } from '../../electron/host/host-token.js';
import { OUTBOX_DEFAULTS } from '../../renderer/bridge/record-outbox.js';
import { expect, screenshot, startHost, test, type RunningHost } from './host-fixture.js';

const START = 'Chạm để bắt đầu – Touch to start';
const LONGEST_RETRY_MS = Math.max(...OUTBOX_DEFAULTS.retryDelaysMs);
/** Words that only a developer should read. */
const DEVELOPER_TEXT = /token|x-kiosk|unreachable|fetch|HTTP|40[0-9]|50[0-9]|error:|Failed to|JSON/i;

function journalTypes(dataDir: string): string[] {
  const file = path.join(dataDir, 'journal.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => (JSON.parse(line) as { type: string }).type);
}

function journalIds(dataDir: string): string[] {
  return fs
    .readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

const delivery = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { kioskDeliveryDiagnostics: () => { pending: number; problem: string | null } }
    ).kioskDeliveryDiagnostics(),
  );

/** Every text a visitor can see right now. */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

async function restartMidSession(page: Page, dataDir: string, newToken: boolean): Promise<void> {
  let host: RunningHost = await startHost(dataDir, { KIOSK_IDLE_SECONDS: '600' });
  const port = new URL(host.url).port;
  try {
    await page.clock.install();
    await page.goto(host.url);
    await page.getByRole('button', { name: START }).click();
    await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();
    await expect.poll(() => journalTypes(dataDir)).toEqual(['session-start']);

    // The host goes away in the middle of the session.
    await host.stop();
    if (newToken) fs.rmSync(path.join(dataDir, HOST_TOKEN_FILE));
    await page.getByTestId('language').click();
    await page.getByTestId('language').click();
    await page.getByRole('button', { name: 'Kết thúc lượt chơi và quay về màn hình chờ' }).click();
    await page.getByRole('button', { name: START }).click();
    await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();

    // Staff see a localised notice; nothing a visitor can read is developer text.
    const notice = page.getByTestId('staff-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(
      'Thông báo cho nhân viên: Không liên lạc được với chương trình kiosk.',
    );
    expect(await visibleText(page)).not.toMatch(DEVELOPER_TEXT);
    await screenshot(page, `host-restart-notice-${newToken ? 'new-token' : 'same-token'}`);
    expect((await delivery(page)).pending).toBe(4);

    // The host comes back on the same port and data folder: everything arrives, in order, once.
    host = await startHost(dataDir, { KIOSK_PORT: port, KIOSK_IDLE_SECONDS: '600' });
    // The page retries on its own back-off: each look fast-forwards Playwright's clock past the
    // longest pause between tries, so the next try comes now instead of after real seconds.
    await expect
      .poll(async () => {
        await page.clock.fastForward(LONGEST_RETRY_MS);
        return (await delivery(page)).pending;
      })
      .toBe(0);
    expect(journalTypes(dataDir)).toEqual([
      'session-start',
      'language',
      'language',
      'session-end',
      'session-start',
    ]);
    expect(new Set(journalIds(dataDir)).size).toBe(5);
    await expect(notice).toBeHidden();
    expect(await visibleText(page)).not.toMatch(DEVELOPER_TEXT);

    // Later records go straight through.
    await page.getByRole('button', { name: 'Kết thúc lượt chơi và quay về màn hình chờ' }).click();
    await expect.poll(() => journalTypes(dataDir).length).toBe(6);

    const log = fs.readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8');
    if (newToken) expect(log).toMatch(/Rejected POST \/api\/record with 403 \(forbidden: /);
    else expect(log).not.toMatch(/Rejected/);
  } finally {
    await host.stop();
  }
}

test('a host restart in the middle of a session loses no record', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  await restartMidSession(page, dataDir, false);
});

test('a host restart with a new page token loses no record either', async ({ page, dataDir }) => {
  test.setTimeout(120_000);
  await restartMidSession(page, dataDir, true);
});
