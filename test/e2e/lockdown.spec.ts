/**
 * Issue 8, hole 2, in Chromium against the real browser host: every shortcut and gesture a
 * visitor could use to leave, reload, zoom, print, save or inspect the kiosk is pressed, and
 * the kiosk still shows itself (same document, same URL, same zoom, one page), with each
 * key cancelled by the page. The staff shortcut Ctrl+Shift+A still opens the PIN pad. The
 * guards hold even when the boot fails.
 */
import type { Page } from '@playwright/test';
import { expect, startHost, test } from './host-fixture.js';

/** Every keyboard shortcut of the list (and the browser's other page-level ones). */
const SHORTCUTS = [
  'F5',
  'Control+F5',
  'Control+r',
  'Control+Shift+r',
  'Meta+r',
  'Control+p',
  'Control+s',
  'Control+o',
  'Control+u',
  'Control+f',
  'Control+g',
  'Control+j',
  'Control+h',
  'Control+n',
  'Control+t',
  'Control+w',
  'Control+d',
  'Control+l',
  'F12',
  'Control+Shift+i',
  'Control+Shift+j',
  'Control+Shift+c',
  'F11',
  'Control+Equal',
  'Control+Shift+Equal',
  'Control+Minus',
  'Control+0',
  'Control+NumpadAdd',
  'Control+NumpadSubtract',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Home',
  'F1',
  'F3',
  'F6',
  'F7',
  'Control+Tab',
  'Control+1',
] as const;

interface PageState {
  marker: unknown;
  url: string;
  dpr: number;
  scale: number;
}

/** Watches, from before any page script, whether each event ended up cancelled. */
async function watchEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { type: string; key: string; prevented: boolean }[] = [];
    (window as unknown as { kioskEventLog: typeof log }).kioskEventLog = log;
    for (const type of ['keydown', 'wheel', 'contextmenu', 'dragover', 'drop', 'touchmove']) {
      window.addEventListener(
        type,
        (event) => {
          // The modifier keys themselves (pressed before each combination) are not shortcuts.
          if (['Control', 'Shift', 'Alt', 'Meta'].includes((event as KeyboardEvent).key)) return;
          // After the dispatch is over: did anyone (the lockdown) cancel it?
          setTimeout(() => {
            log.push({
              type,
              key: event instanceof KeyboardEvent ? event.key : '',
              prevented: event.defaultPrevented,
            });
          }, 0);
        },
        { capture: true, passive: true },
      );
    }
  });
}

async function eventLog(page: Page): Promise<{ type: string; key: string; prevented: boolean }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { kioskEventLog: { type: string; key: string; prevented: boolean }[] })
        .kioskEventLog,
  );
}

async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => ({
    marker: (window as unknown as { lockdownMarker?: unknown }).lockdownMarker,
    url: location.href,
    dpr: window.devicePixelRatio,
    scale: window.visualViewport?.scale ?? 1,
  }));
}

/** Two fingers moving apart on the touch screen (a pinch), through the DevTools protocol. */
async function pinch(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const points = (spread: number) => [
    { x: 960 - spread, y: 540, id: 1 },
    { x: 960 + spread, y: 540, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(50) });
  for (let spread = 60; spread <= 300; spread += 40) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(spread) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('every shortcut and gesture leaves the kiosk on screen; Ctrl+Shift+A still opens the pad', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const host = await startHost(dataDir);
  try {
    await watchEvents(page);
    await page.goto(host.url);
    await page.waitForFunction(() => 'kioskAdminDiagnostics' in window);
    await page.evaluate(() => {
      (window as unknown as { lockdownMarker: string }).lockdownMarker = 'still here';
    });
    const before = await pageState(page);
    expect(before.marker).toBe('still here');

    for (const shortcut of SHORTCUTS) await page.keyboard.press(shortcut);
    // Ctrl+wheel and a touchpad pinch (Chromium sends it as Ctrl+wheel), both directions.
    await page.mouse.move(960, 540);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -500);
    await page.mouse.wheel(0, 500);
    await page.keyboard.up('Control');
    await pinch(page);
    // Long press / right click: the browser's context menu.
    await page.mouse.click(960, 540, { button: 'right' });
    // A file dragged onto the page would be opened in place of the kiosk.
    const dropped = await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'evil.html', { type: 'text/html' }));
      const over = new DragEvent('dragover', { dataTransfer: transfer, cancelable: true, bubbles: true });
      const drop = new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true });
      document.body.dispatchEvent(over);
      document.body.dispatchEvent(drop);
      return [over.defaultPrevented, drop.defaultPrevented];
    });
    expect(dropped).toEqual([true, true]);

    // Still the same document (no reload, no navigation), same zoom, no other page.
    await expect
      .poll(async () => (await eventLog(page)).filter((entry) => entry.type === 'keydown').length)
      .toBe(SHORTCUTS.length);
    expect(await pageState(page)).toEqual(before);
    expect(page.context().pages()).toHaveLength(1);
    await expect(page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' })).toBeVisible();
    const log = await eventLog(page);
    const keys = log.filter((entry) => entry.type === 'keydown');
    expect(keys.filter((entry) => !entry.prevented)).toEqual([]);
    expect(log.filter((entry) => entry.type === 'wheel').every((entry) => entry.prevented)).toBe(true);
    expect(log.filter((entry) => entry.type === 'contextmenu')).toEqual([
      { type: 'contextmenu', key: '', prevented: true },
    ]);
    const twoFingers = log.filter((entry) => entry.type === 'touchmove');
    expect(twoFingers.length).toBeGreaterThan(0);
    expect(twoFingers.every((entry) => entry.prevented)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).touchAction)).toBe(
      'pan-x pan-y',
    );

    // Staff can still get in.
    await page.keyboard.press('Control+Shift+A');
    await expect(page.getByTestId('admin-pad')).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('the guards hold even when the boot fails', async ({ page, dataDir }) => {
  const host = await startHost(dataDir);
  try {
    await watchEvents(page);
    // Sabotage the boot: the app root is "missing", so main.ts throws before the shell starts.
    await page.addInitScript(() => {
      const original = document.getElementById.bind(document);
      document.getElementById = (id: string) => (id === 'app' ? null : original(id));
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await expect.poll(() => errors.join('\n')).toContain('#app is missing');
    for (const shortcut of ['F5', 'Control+r', 'Control+p', 'F12', 'Control+Shift+i', 'Control+Equal']) {
      await page.keyboard.press(shortcut);
    }
    await page.mouse.click(400, 400, { button: 'right' });
    await expect.poll(async () => (await eventLog(page)).length).toBe(7);
    expect((await eventLog(page)).every((entry) => entry.prevented)).toBe(true);
  } finally {
    await host.stop();
  }
});
