/**
 * A broken content file costs its station only, in the real browser host: a kidnap scenario
 * without its `start` (cut out of the built bundle on its way to the page, so the kiosk's
 * own code runs unchanged) is found by the station's content check after the attract loop
 * starts, or when a visitor opens the station before the check ran. Either way the hub no
 * longer offers the station (card and beacon), the visitor stays on the hub with a kind line,
 * kiosk.log names the file and the field, and staff read a notice in their language.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import { diagnostics, expect, screenshot, startHost, test } from './host-fixture.js';

const PIN = '246810';
const SCENARIO = './content/scenarios/fake-police.en.json';
const KIDNAP = JSON.parse(fs.readFileSync('scenes/kidnap/station.json', 'utf8')) as {
  name: { vi: string; en: string };
};
const NOTICE = {
  vi:
    `Thông báo cho nhân viên: Trạm ${KIDNAP.name.vi} (kidnap) đã được ẩn khỏi màn hình chính vì một tệp bị lỗi: ` +
    'fake-police.en.json, start: is required. Các trạm khác vẫn chạy. ' +
    'Hãy sửa tệp rồi khởi động lại kiosk (chi tiết trong logs/kiosk.log).',
  en:
    `Staff notice: The station ${KIDNAP.name.en} (kidnap) is hidden from the hub because a file is broken: ` +
    'fake-police.en.json, start: is required. The other stations keep running. ' +
    'Fix the file, then restart the kiosk (details in logs/kiosk.log).',
};

/**
 * Serves the built kidnap content chunk with `start` deleted from one scenario. The chunk is
 * `var x=Object.assign({"<file>":{…},…});export{…}`; the deletion runs before the export.
 */
async function breakKidnapScenario(page: Page): Promise<{ served: () => number }> {
  let served = 0;
  await page.route('**/assets/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const name = /var (\w+)=Object\.assign\(\{/.exec(body)?.[1];
    if (!body.includes(`"${SCENARIO}":`) || name === undefined) {
      await route.fulfill({ response, body });
      return;
    }
    served += 1;
    const broken = body.replace(/export\{/, `delete ${name}[${JSON.stringify(SCENARIO)}].start;export{`);
    await route.fulfill({ response, body: broken });
  });
  return { served: () => served };
}

function kioskLog(dataDir: string): string {
  const file = path.join(dataDir, 'logs', 'kiosk.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

const card = (page: Page, id: string) => page.locator(`.station-card[data-station="${id}"]`);

async function beacons(page: Page): Promise<string[]> {
  const world = (await diagnostics(page)).liveWorld as { beacons: { id: string }[] } | null;
  return world?.beacons.map((beacon) => beacon.id) ?? [];
}

async function shots(page: Page, name: string, language: 'vi' | 'en'): Promise<void> {
  await screenshot(page, `${name}-${language}-landscape`);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await screenshot(page, `${name}-${language}-portrait`);
  await page.setViewportSize({ width: 1920, height: 1080 });
}

test('a scenario found broken by the check after start-up hides its station and tells staff', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const host = await startHost(dataDir, { KIOSK_ADMIN_PIN: PIN });
  try {
    await hiddenAfterCheck(page, host.url, dataDir);
  } finally {
    await host.stop();
  }
});

async function hiddenAfterCheck(page: Page, url: string, dataDir: string): Promise<void> {
  const chunk = await breakKidnapScenario(page);
  await page.goto(url);
  const notice = page.getByTestId('staff-notice');
  await expect(notice).toHaveText(NOTICE.vi, { timeout: 30_000 });
  expect(chunk.served()).toBe(1);
  await expect
    .poll(() => kioskLog(dataDir))
    .toContain('Station left out of the hub: fake-police.en.json: start: is required');

  await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
  await expect(card(page, 'scam')).toBeVisible();
  await expect(card(page, 'pledge')).toBeVisible();
  await expect(card(page, 'kidnap')).toHaveCount(0);
  expect((await diagnostics(page)).stations).toEqual(['scam', 'pledge']);
  await expect.poll(() => beacons(page)).toEqual(['scam', 'pledge']);
  await shots(page, 'broken-content-hub', 'vi');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(notice).toHaveText(NOTICE.en);
  await shots(page, 'broken-content-hub', 'en');

  // The other stations still open.
  await card(page, 'scam').click();
  await expect.poll(async () => (await diagnostics(page)).station, { timeout: 30_000 }).toBe('scam');

  // The staff panel's health card lists it with the back office's notices.
  await page.keyboard.press('Control+Shift+A');
  const pad = page.getByTestId('admin-pad');
  await expect(pad.getByRole('button', { name: '1', exact: true })).toBeEnabled();
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('admin-health')).toContainText(NOTICE.en.replace('Staff notice: ', ''), {
    timeout: 20_000,
  });
}

test('a station whose content fails while a visitor opens it sends the visitor back to the hub, hidden', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const chunk = await breakKidnapScenario(page);
  // Hold the content checks back, so the visitor meets the broken file first, at open.
  // The checks run one after the other: the first one waits here, the others behind it.
  const held: Route[] = [];
  let release = false;
  await page.route('**/assets/check-*.js', async (route) => {
    if (release) await route.continue();
    else held.push(route);
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
  await expect(card(page, 'kidnap')).toBeVisible();
  await expect.poll(() => held.length).toBe(1);
  await expect(page.getByTestId('staff-notice')).toBeHidden();

  await card(page, 'kidnap').click();
  await expect.poll(() => chunk.served()).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'Trạm này tạm thời chưa mở được' })).toBeVisible();
  await expect(card(page, 'kidnap')).toHaveCount(0);
  const state = await diagnostics(page);
  expect(state.state).toBe('hub');
  expect(state.station).toBeNull();
  expect(state.stations).toEqual(['scam', 'pledge']);
  await expect.poll(() => beacons(page)).toEqual(['scam', 'pledge']);
  await expect(page.getByTestId('staff-notice')).toHaveText(NOTICE.vi);
  await expect
    .poll(() => kioskLog(dataDir))
    .toContain('Station left out of the hub: fake-police.en.json: start: is required');
  await shots(page, 'broken-content-open', 'vi');

  // The checks, let through late, find the same file: still one notice, one station gone.
  release = true;
  for (const route of held) await route.continue();
  await expect.poll(() => kioskLog(dataDir).split('Station left out of the hub').length - 1).toBe(2);
  await expect(page.getByTestId('staff-notice')).toHaveText(NOTICE.vi);
  expect((await diagnostics(page)).stations).toEqual(['scam', 'pledge']);
});
