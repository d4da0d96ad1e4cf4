/**
 * The browser host's offline page (deploy/offline/restarting.html), opened from the disk the
 * way the launcher opens it: while the host is down it shows the bilingual "restarting"
 * screen with 111 and 113 (not Chromium's error page), and it goes to the kiosk by itself as
 * soon as the host answers. Screenshots in both languages' orientations.
 */
import net from 'node:net';
import path from 'node:path';
import { chromiumArgs } from '../../electron/host/launcher/chromium-args.js';
import { expect, screenshot, startHost, test } from './host-fixture.js';

/** How often the offline page asks the host (its `setTimeout(tryHost, 3000)`). */
const RETRY_MS = 3000;

/** A port nothing listens on (yet). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

test('shows the help lines while the host is down, then opens the kiosk once it answers', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const startUrl = chromiumArgs({
    hostUrl: `http://127.0.0.1:${port}/`,
    offlinePage: path.resolve('deploy/offline/restarting.html'),
    profileDir: dataDir,
  }).at(-1);
  // The page asks the host every few seconds on its own timer: on Playwright's clock, the
  // test moves that timer on instead of waiting for it in real time.
  await page.clock.install();
  await page.goto(startUrl ?? '');
  await expect(page.getByRole('heading', { name: 'Ki-ốt đang khởi động lại' })).toBeVisible();
  await expect(page.getByText('111', { exact: true })).toBeVisible();
  await expect(page.getByText('113', { exact: true })).toBeVisible();
  await screenshot(page, 'offline-page-landscape');
  await page.setViewportSize({ width: 1080, height: 1920 });
  await screenshot(page, 'offline-page-portrait');
  await page.setViewportSize({ width: 1920, height: 1080 });

  const host = await startHost(dataDir, { KIOSK_PORT: String(port) });
  try {
    await expect(async () => {
      await page.clock.fastForward(RETRY_MS);
      await page.waitForURL(`http://127.0.0.1:${port}/`, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' })).toBeVisible();
  } finally {
    await host.stop();
  }
});
