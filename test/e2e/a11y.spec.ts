/**
 * axe-core on every screen a visitor can reach, in both languages: attract, hub, help, and
 * every registered station (found from scenes/<id>/station.json, so stations that land later
 * are covered), walked screen by screen by tapping the first button not yet tried. No
 * serious or critical violation, colour contrast AA included (wcag2aa). Reduced motion is
 * emulated, as a visitor's setting would ask.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect, startHost, type RunningHost } from './host-fixture.js';

/** The real host with the idle time at its maximum: a slow walk must not end the session. */
const test = base.extend<{ host: RunningHost }>({
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: '3600' });
    await use(host);
    await host.stop();
  },
});

type Lang = 'vi' | 'en';
const LANGS: readonly Lang[] = ['vi', 'en'];
/** Screens visited per station and language: enough to pass the picker, a story and a debrief. */
const MAX_STEPS = Number(process.env.A11Y_STEPS ?? 12);

interface StationJson {
  id: string;
  name: Record<Lang, string>;
}

const STATIONS: StationJson[] = fs
  .readdirSync('scenes', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join('scenes', entry.name, 'station.json')))
  .map(
    (entry) =>
      JSON.parse(fs.readFileSync(path.join('scenes', entry.name, 'station.json'), 'utf8')) as StationJson,
  );

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The 3D world is a decorative canvas behind aria-hidden layers.
    .exclude('canvas')
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${String(violation.impact)}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** What identifies a screen: its visible headings and dialogs. */
async function signature(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, [role="dialog"]')]
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .map((element) => element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 60))
      .join(' | '),
  );
}

async function startSession(page: Page, url: string, lang: Lang): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
  if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

// The attract invitation and every primary pill use --coral-ink, so white text meets AA.
test('attract, hub and help have no serious or critical axe violation', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' })).toBeVisible();
  const found: string[] = (await violations(page)).map((line) => `attract: ${line}`);
  for (const lang of LANGS) {
    await startSession(page, host.url, lang);
    found.push(...(await violations(page)).map((line) => `hub ${lang}: ${line}`));
    await page.getByRole('button', { name: lang === 'vi' ? /^Trợ giúp/ : /^Help/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await violations(page)).map((line) => `help ${lang}: ${line}`));
  }
  expect(found).toEqual([]);
});

for (const station of STATIONS) {
  for (const lang of LANGS) {
    test(`station "${station.id}" (${lang}): every screen reached has no serious or critical axe violation`, async ({
      page,
      host,
    }) => {
      test.setTimeout(300_000);
      await page.clock.install();
      await startSession(page, host.url, lang);
      // A click event: the hub card follows its beacon in the moving 3D world.
      await page
        .getByRole('button', { name: new RegExp(escapeRe(station.name[lang])) })
        .dispatchEvent('click');
      await expect(page.locator('#app')).toHaveAttribute('data-state', 'station');
      const found: string[] = [];
      const seen = new Set<string>();
      const tried = new Set<string>();
      for (let step = 0; step < MAX_STEPS; step += 1) {
        const screen = await signature(page);
        if (!seen.has(screen)) {
          seen.add(screen);
          found.push(...(await violations(page)).map((line) => `${screen}: ${line}`));
        }
        // Next screen: the first visible button of the station not yet tried on this screen.
        const buttons = page.locator('.station-root button:visible');
        const labels = await buttons.evaluateAll((elements) =>
          elements.map((element) => element.getAttribute('aria-label') ?? element.textContent.trim()),
        );
        const index = labels.findIndex((label) => !tried.has(`${screen}→${label}`));
        if (index === -1) break;
        tried.add(`${screen}→${labels[index] ?? ''}`);
        await buttons.nth(index).dispatchEvent('click');
        // Let the station's own timers (typing, a message's delay, feedback) run 300 ms on
        // Playwright's clock, every one of them however loaded the machine is. The clock keeps
        // flowing otherwise: axe-core waits on timers of its own.
        await page.clock.runFor(300);
        if ((await page.locator('#app').getAttribute('data-state')) !== 'station') break;
      }
      expect(seen.size).toBeGreaterThan(1);
      expect(found).toEqual([]);
    });
  }
}

test('the staff PIN pad and panel have no serious or critical axe violation, in both languages', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(150_000);
  const staffHost = await startHost(dataDir, { KIOSK_ADMIN_PIN: '246810', KIOSK_IDLE_SECONDS: '3600' });
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(staffHost.url);
    await page.waitForFunction(() => 'kioskAdminDiagnostics' in window);
    await page.keyboard.press('Control+Shift+A');
    const pad = page.getByTestId('admin-pad');
    await expect(pad.getByRole('button', { name: '1', exact: true })).toBeEnabled();
    expect(await violations(page), 'PIN pad').toEqual([]);
    await page.keyboard.type('246810');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('admin-panel');
    await expect(panel).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByTestId('today-reason-staff')).toBeAttached();
    expect(await violations(page), 'staff panel (vi)').toEqual([]);
    await panel.getByRole('button', { name: 'Switch the staff panel to English' }).click();
    await expect(panel.getByRole('button', { name: 'Lock and close the staff panel' })).toBeVisible();
    expect(await violations(page), 'staff panel (en)').toEqual([]);
  } finally {
    await staffHost.stop();
  }
});
