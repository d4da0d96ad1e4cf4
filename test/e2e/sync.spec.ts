/**
 * Issue 9 end to end: two browser-host kiosks and a collector on loopback. Visitors play on
 * both; both kiosks sync on their own (off the visitor path); the collector's live page shows
 * both kiosks and the right totals; the staff panel shows real sync status and the festival
 * totals. Screenshots of the live page and the panel go to test-results/screenshots/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDb, type Db } from '../../collector/db.js';
import { migrate } from '../../collector/migrations.js';
import { startCollector, type RunningCollector } from '../../collector/server.js';
import { issueToken } from '../../collector/store.js';
import { expect, screenshot, startHost, test, type RunningHost } from './host-fixture.js';

const PIN = '246810';
const START = 'Chạm để bắt đầu – Touch to start';
const FINISH = 'Kết thúc lượt chơi và quay về màn hình chờ';

async function playSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: START }).click();
  await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();
  await page.getByRole('button', { name: FINISH }).click();
  await expect(page.getByRole('button', { name: START })).toBeVisible();
}

test('two kiosks sync to one collector; its live page and the staff panel show the totals', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const dirs = [0, 1, 2].map(() => mkdtempSync(path.join(os.tmpdir(), 'sync-e2e-')));
  const [collectorDir = '', dirA = '', dirB = ''] = dirs;
  let db: Db | null = null;
  let collector: RunningCollector | null = null;
  const hosts: RunningHost[] = [];
  try {
    db = await openDb({ databaseUrl: process.env.COLLECTOR_TEST_DATABASE_URL, dataDir: collectorDir });
    if (db.kind === 'postgres')
      await db.query(
        'DROP TABLE IF EXISTS records, heartbeats, kiosk_tokens, kiosk_counts, schema_migrations',
      );
    await migrate(db);
    collector = await startCollector({ db, port: 0 });
    for (const [dir, label] of [
      [dirA, 'e2e A'],
      [dirB, 'e2e B'],
    ] as const) {
      const { token } = await issueToken(db, label);
      hosts.push(
        await startHost(dir, {
          KIOSK_ADMIN_PIN: PIN,
          KIOSK_SYNC_URL: collector.url,
          KIOSK_SYNC_TOKEN: token,
          KIOSK_SYNC_INTERVAL_SECONDS: '5',
        }),
      );
    }
    const pages: Page[] = [];
    for (const host of hosts) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(host.url);
      pages.push(page);
    }
    const [pageA, pageB] = pages as [Page, Page];
    await playSession(pageA);
    await playSession(pageB);
    await playSession(pageB);

    const live = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await expect(async () => {
      await live.goto(`${collector?.url ?? ''}/`);
      await expect(live.locator('[data-total="sessions"] b')).toHaveText('3', { timeout: 1000 });
      await expect(live.locator('tr[data-kiosk]')).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 90_000 });
    await expect(live.locator('tr.silent')).toHaveCount(0);
    // Each kiosk's own figures, the charts (per kiosk, station, hour) and the learning section.
    const rows = live.locator('tr[data-kiosk]');
    const sessionsOf = async (index: number) =>
      [
        await rows.nth(index).getAttribute('data-state'),
        await rows.nth(index).locator('[data-col="sessions"]').textContent(),
      ] as const;
    const seen = [await sessionsOf(0), await sessionsOf(1)];
    expect(seen.map(([state]) => state)).toEqual(['ok', 'ok']);
    expect(seen.map(([, sessions]) => sessions).sort()).toEqual(['1', '2']);
    await expect(live.locator('.charts svg')).toHaveCount(3);
    await expect(live.getByText('Immediate effect: before / after playing')).toBeVisible();
    await screenshot(live, 'collector-live-page');
    const exported = (await (await live.request.get(`${collector.url}/export/json`)).json()) as {
      total: { totals: { sessions: number } };
      kiosks: Record<string, unknown>;
    };
    expect(exported.total.totals.sessions).toBe(3);
    expect(Object.keys(exported.kiosks)).toHaveLength(2);

    // Kiosk A's staff panel: real sync status and the festival totals from the collector.
    await expect(async () => {
      await pageA.reload();
      await pageA.waitForFunction(() => 'kioskAdminDiagnostics' in window);
      await pageA.keyboard.press('Control+Shift+A');
      await expect(pageA.getByTestId('admin-pad')).toBeVisible();
      await pageA.keyboard.type(PIN);
      await pageA.keyboard.press('Enter');
      const panel = pageA.getByTestId('admin-panel');
      await expect(panel).toBeVisible({ timeout: 20_000 });
      await expect(panel.locator('[data-fact="festival"]')).toContainText('3', { timeout: 2000 });
    }).toPass({ timeout: 90_000 });
    const panel = pageA.getByTestId('admin-panel');
    await expect(panel.locator('[data-fact="sync"]')).toContainText('đã đồng bộ');
    await expect(panel.locator('[data-fact="syncUrl"]')).toHaveText(collector.url);
    await expect(panel.getByTestId('admin-sync')).toBeVisible();
    await screenshot(pageA, 'admin-panel-sync-vi-landscape');
    await pageA.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(pageA, 'admin-panel-sync-vi-portrait');
    await panel.getByRole('button', { name: 'Switch the staff panel to English' }).click();
    await expect(panel.locator('[data-fact="sync"]')).toContainText('up to date');
    await screenshot(pageA, 'admin-panel-sync-en-portrait');
    await pageA.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(pageA, 'admin-panel-sync-en-landscape');
  } finally {
    for (const host of hosts) await host.stop();
    await collector?.close();
    await db?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
