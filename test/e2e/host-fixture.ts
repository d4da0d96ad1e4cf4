/**
 * Starts the real browser host (the built `dist/node/electron/host/cli.js`) on a free port
 * with its own data folder, for end-to-end tests; restartable on the same data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type RunningHost } from '../support/host-process.js';

export { startHost, type RunningHost };

export const test = base.extend<{ dataDir: string; host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir);
    await use(host);
    await host.stop();
  },
});

export { expect };

/** Calls the bridge from inside the page, exactly as the renderer does. */
export async function bridge(page: Page, channel: string, request?: unknown): Promise<unknown> {
  return page.evaluate(
    async ([name, payload]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
        body: payload === undefined ? '' : JSON.stringify(payload),
      });
      return (await response.json()) as unknown;
    },
    [channel, request] as const,
  );
}

/** The renderer's diagnostics (state, session, live 3D resources). */
export async function diagnostics(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() =>
    (window as unknown as { kioskDiagnostics: () => Record<string, unknown> }).kioskDiagnostics(),
  );
}

/** Where screenshots for review go (not committed). */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Saves a full-page screenshot for review as `<name>.png` in SCREENSHOT_DIR. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Every visible button has an accessible name and a box of at least 64×64 CSS px. */
export async function expectTouchTargets(page: Page): Promise<void> {
  // One round trip: per-locator calls crawl while SwiftShader draws the 3D world.
  const buttons = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.checkVisibility({ checkVisibilityCSS: true }))
      .map((button) => {
        const rect = button.getBoundingClientRect();
        const name = (button.getAttribute('aria-label') ?? button.textContent).trim();
        return { name, width: rect.width, height: rect.height };
      }),
  );
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    expect(button.name, 'button without an accessible name').not.toBe('');
    expect(button.width, `"${button.name}" is too narrow`).toBeGreaterThanOrEqual(64);
    expect(button.height, `"${button.name}" is too short`).toBeGreaterThanOrEqual(64);
  }
}

/** How many visitor sessions the tallies count in all. */
export async function sessionsStarted(page: Page): Promise<number> {
  const answer = (await bridge(page, 'tallies')) as { value: { totals: { sessions: number } } };
  return answer.value.totals.sessions;
}

/** How many sessions the tallies say ended for `reason` (idle, visitor, staff…). */
export async function sessionsEndedBy(page: Page, reason: string): Promise<number | undefined> {
  const answer = (await bridge(page, 'tallies')) as {
    value: { sessionsByEndReason: Record<string, number> };
  };
  return answer.value.sessionsByEndReason[reason];
}
