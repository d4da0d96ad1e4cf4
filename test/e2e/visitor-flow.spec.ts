/**
 * The foundation's "done when", in the real browser host: the attract loop shows, a touch
 * starts a session, the language switches, the help button shows 111 and 113, every button
 * is a large named touch target, and after a restart the tallies still count the sessions.
 */
import {
  bridge,
  diagnostics,
  expect,
  expectTouchTargets,
  screenshot,
  sessionsStarted,
  startHost,
  test,
} from './host-fixture.js';

const VIEWPORTS = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

const shot = screenshot;

for (const viewport of VIEWPORTS) {
  test(`attract, start, language and help (${viewport.name})`, async ({ page, host }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(host.url);

    // Attract loop: invites a touch in both languages, the 3D world is drawing.
    const start = page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' });
    await expect(start).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect
      .poll(async () => ((await diagnostics(page)).liveWorld as { frames: number } | null)?.frames ?? 0)
      .toBeGreaterThan(5);
    await expectTouchTargets(page);
    await shot(page, `attract-${viewport.name}`);

    // A touch starts a session and shows the hub in Vietnamese.
    await start.click();
    await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();
    const state = await diagnostics(page);
    expect(state.state).toBe('hub');
    expect(state.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await expectTouchTargets(page);
    await shot(page, `hub-vi-${viewport.name}`);

    // One tap switches to English, everywhere at once.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { name: 'Safe Digital World' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('button', {
        name: 'Help 111 · 113: call the child protection hotline 111 or the police 113',
      }),
    ).toBeVisible();
    await shot(page, `hub-en-${viewport.name}`);

    // Help shows both hotlines, in English…
    await page
      .getByRole('button', {
        name: 'Help 111 · 113: call the child protection hotline 111 or the police 113',
      })
      .click();
    const dialog = page.getByRole('dialog', { name: 'You are not alone' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('hotline-111')).toContainText('National child protection hotline');
    await expect(dialog.getByTestId('hotline-113')).toContainText('Police');
    await expectTouchTargets(page);
    await shot(page, `help-en-${viewport.name}`);
    await dialog.getByRole('button', { name: 'Close help' }).click();
    await expect(dialog).toBeHidden();

    // …and in Vietnamese, switched back while in the session.
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await page
      .getByRole('button', { name: 'Trợ giúp 111 · 113: gọi tổng đài bảo vệ trẻ em 111 hoặc công an 113' })
      .click();
    const hop = page.getByRole('dialog', { name: 'Bạn không một mình' });
    await expect(hop.getByTestId('hotline-111')).toContainText('Tổng đài quốc gia bảo vệ trẻ em');
    await expect(hop.getByTestId('hotline-113')).toContainText('Công an');
    await shot(page, `help-vi-${viewport.name}`);
    await hop.getByRole('button', { name: 'Đóng trợ giúp' }).click();

    // "I'm done" ends the session and returns to a fresh attract loop.
    await page.getByRole('button', { name: 'Kết thúc lượt chơi và quay về màn hình chờ' }).click();
    await expect(start).toBeVisible();
    const after = await diagnostics(page);
    expect(after.state).toBe('attract');
    expect(after.sessionId).toBeNull();
    expect(after.worldsDisposed).toBe(1);
  });
}

test('help is reachable from the attract loop too', async ({ page, host }) => {
  await page.goto(host.url);
  await page
    .getByRole('button', { name: 'Trợ giúp 111 · 113: gọi tổng đài bảo vệ trẻ em 111 hoặc công an 113' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Bạn không một mình' })).toContainText('111');
  await expect(page.getByRole('dialog', { name: 'Bạn không một mình' })).toContainText('113');
});

test('tallies count the sessions played and survive a restart', async ({ page, dataDir }) => {
  const first = await startHost(dataDir);
  try {
    await page.goto(first.url);
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
      await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();
      await page.getByRole('button', { name: 'Kết thúc lượt chơi và quay về màn hình chờ' }).click();
    }
    await expect.poll(() => sessionsStarted(page)).toBe(2);
  } finally {
    await first.stop();
  }

  const second = await startHost(dataDir);
  try {
    await page.goto(second.url);
    const answer = (await bridge(page, 'tallies')) as {
      ok: boolean;
      value: { totals: { sessions: number }; sessionsByEndReason: Record<string, number>; byDay: unknown[] };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.totals.sessions).toBe(2);
    expect(answer.value.sessionsByEndReason.visitor).toBe(2);
    expect(answer.value.byDay).toHaveLength(1);
  } finally {
    await second.stop();
  }
});
