/**
 * Idle: after KIOSK_IDLE_SECONDS without input, "Are you still there?" counts down 10 s, a
 * touch keeps the session, and silence ends it and returns to a fresh attract loop with the
 * old 3D world disposed.
 */
import { diagnostics, expect, sessionsEndedBy, startHost, test } from './host-fixture.js';

test('idle warns, can be dismissed, then ends the session and disposes the world', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: '5' });
  try {
    await page.goto(host.url);
    // The 3D world is built after the first paint; on software WebGL that can take a while.
    await expect.poll(async () => (await diagnostics(page)).liveWorld, { timeout: 30_000 }).not.toBeNull();
    const attractResources = ((await diagnostics(page)).liveWorld as { trackedResources: number })
      .trackedResources;
    await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
    await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();

    // The warning comes after ~5 s and counts down.
    const warning = page.getByRole('alertdialog', { name: 'Bạn vẫn ở đây chứ?' });
    await expect(warning).toBeVisible({ timeout: 9_000 });
    await expect(warning).toContainText(/sau \d+ giây/);
    await page.getByRole('button', { name: 'Tôi vẫn ở đây, tiếp tục chơi' }).click();
    await expect(warning).toBeHidden();
    expect((await diagnostics(page)).state).toBe('hub');

    // Silence: warning again, then back to the attract loop. The countdown is 10 s; the wait is
    // longer because on a loaded 2-core machine software WebGL can starve the page's timers.
    await expect(warning).toBeVisible({ timeout: 9_000 });
    await expect(page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' })).toBeVisible({
      timeout: 30_000,
    });
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
