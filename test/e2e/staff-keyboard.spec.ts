/**
 * The staff panel with the keyboard alone (no pointer at all): Ctrl+Shift+A opens the PIN
 * pad, digits and Enter unlock it, Tab walks the panel's controls (each one shows where the
 * focus is, and the focus stays in the panel), Enter switches the panel's language, Space
 * twice ends the running visitor session, and Enter on "lock" closes the panel.
 */
import type { Page } from '@playwright/test';
import { diagnostics, expect, sessionsEndedBy, startHost, test } from './host-fixture.js';

const PIN = '246810';

interface Focused {
  name: string;
  inPanel: boolean;
  indicated: boolean;
}

/** What has the keyboard focus: its accessible name, whether it is in the panel, and whether it shows it. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { name: '', inPanel: false, indicated: false };
    }
    const style = getComputedStyle(element);
    const indicated =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none';
    return {
      name: (element.getAttribute('aria-label') ?? element.textContent).trim(),
      inPanel: element.closest('[data-testid="admin-panel"]') !== null,
      indicated,
    };
  });
}

/** Presses Tab until the focused control's name matches; every control on the way is returned. */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<Focused[]> {
  const visited: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    visited.push(now);
    if (name.test(now.name)) return visited;
  }
  throw new Error(
    `no control named ${String(name)} within ${String(limit)} Tab presses: ${JSON.stringify(visited)}`,
  );
}

test('staff unlock, walk and act in the panel with the keyboard alone', async ({ page, dataDir }) => {
  test.setTimeout(150_000);
  const host = await startHost(dataDir, { KIOSK_ADMIN_PIN: PIN, KIOSK_IDLE_SECONDS: '3600' });
  try {
    await page.goto(host.url);
    await page.waitForFunction(() => 'kioskAdminDiagnostics' in window);

    // A visitor session, started from the keyboard too.
    await tabTo(page, /Chạm để bắt đầu/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');

    // Unlock: the shortcut, the PIN's digits, Enter.
    await page.keyboard.press('Control+Shift+A');
    const pad = page.getByTestId('admin-pad');
    await expect(pad).toBeVisible();
    await expect(pad.getByRole('button', { name: '1', exact: true })).toBeEnabled();
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('admin-panel');
    await expect(panel).toBeVisible({ timeout: 20_000 });

    // Tab walks the panel: the focus never leaves it and every stop shows it.
    const walk = await tabTo(page, /Kết thúc lượt chơi hiện tại/);
    for (const stop of walk) {
      expect(stop.inPanel, `focus left the panel at "${stop.name}"`).toBe(true);
      expect(stop.indicated, `no focus indicator on "${stop.name}"`).toBe(true);
    }

    // Act: the confirm button takes Space twice, and the session ends by staff.
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await expect(panel.getByTestId('admin-result')).toContainText('Đã kết thúc lượt chơi của khách');
    await expect(panel.getByTestId('today-reason-staff')).toHaveText('1');
    expect(await sessionsEndedBy(page, 'staff')).toBe(1);

    // The panel's language, with Enter on its button.
    await tabTo(page, /Switch the staff panel to English/);
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('button', { name: 'Lock and close the staff panel' })).toBeVisible();

    // Lock and close, with Enter.
    await tabTo(page, /^Lock and close/);
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    expect((await diagnostics(page)).state).toBe('attract');
  } finally {
    await host.stop();
  }
});
