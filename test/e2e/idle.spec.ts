/**
 * Idle: after KIOSK_IDLE_SECONDS without input, "Are you still there?" counts down 10 s, a
 * touch keeps the session, and silence ends it and returns to a fresh attract loop with the
 * old 3D world disposed. Time is Playwright's clock: the quiet minutes are fast-forwarded, so
 * a loaded machine can neither make the warning come early nor make the test wait for it.
 */
import { diagnostics, expect, sessionsEndedBy, startHost, test } from './host-fixture.js';

/** Long enough that real time passing on a slow machine never reaches it; the clock does. */
const IDLE_SECONDS = 60;

test('idle warns, can be dismissed, then ends the session and disposes the world', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: String(IDLE_SECONDS) });
  try {
    await page.clock.install();
    await page.goto(host.url);
    // The 3D world is built after the first paint; on software WebGL that can take a while.
    await expect.poll(async () => (await diagnostics(page)).liveWorld, { timeout: 30_000 }).not.toBeNull();
    const attractResources = ((await diagnostics(page)).liveWorld as { trackedResources: number })
      .trackedResources;
    await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
    await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();

    // Not before the idle time; then the warning comes and counts down.
    const warning = page.getByRole('alertdialog', { name: 'Bạn vẫn ở đây chứ?' });
    // From here page time moves only when the test moves it.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    await page.clock.fastForward(IDLE_SECONDS * 1000 - 10_000);
    await expect(warning).toBeHidden();
    await page.clock.fastForward(10_500);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(/sau \d+ giây/);
    await page.getByRole('button', { name: 'Tôi vẫn ở đây, tiếp tục chơi' }).click();
    await expect(warning).toBeHidden();
    expect((await diagnostics(page)).state).toBe('hub');

    // Silence: warning again, then, 10 s of countdown later, back to the attract loop.
    await page.clock.fastForward(IDLE_SECONDS * 1000 + 500);
    await expect(warning).toBeVisible();
    expect((await diagnostics(page)).state).toBe('hub');
    await page.clock.fastForward(10_500);
    await expect(page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' })).toBeVisible();
    await expect(warning).toBeHidden();
    const after = await diagnostics(page);
    expect(after.state).toBe('attract');
    expect(after.sessionId).toBeNull();
    expect(after.worldsCreated).toBe(2);
    expect(after.worldsDisposed).toBe(1);
    // The new world holds exactly what the first did: nothing from the old one lingers.
    expect((after.liveWorld as { trackedResources: number }).trackedResources).toBe(attractResources);

    await expect.poll(() => sessionsEndedBy(page, 'idle')).toBe(1);
  } finally {
    await host.stop();
  }
});
