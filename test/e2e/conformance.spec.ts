/**
 * Station conformance: every station the registry finds (every scenes/<id>/station.json) is
 * mounted from the hub, played into (its buttons pressed, whatever they are), left, and
 * mounted again; afterwards nothing it started may be left behind: no DOM, no window or
 * document listeners, no live WebGL context, no pending timer or animation frame. A new
 * station gets this check by existing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { diagnostics, expect, test } from './host-fixture.js';
import { installLeakProbe, stationLeftovers } from './leak-probe.js';

const SCENES = path.resolve('scenes');
const STATION_IDS = fs
  .readdirSync(SCENES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(SCENES, entry.name, 'station.json')))
  .map((entry) => entry.name);

/** Presses up to `presses` buttons of the station, each time the first visible one, waiting for the view to change. */
async function playInto(page: Page, presses: number): Promise<void> {
  for (let i = 0; i < presses; i++) {
    const inStation = await page.evaluate(() => document.querySelector('.station-root__inner') !== null);
    if (!inStation) return;
    const before = await page.evaluate(() => document.querySelector('.station-root')?.innerHTML ?? '');
    const pressed = await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.station-root button')].filter(
        (button) => !button.disabled && button.checkVisibility({ checkVisibilityCSS: true }),
      );
      buttons[0]?.click();
      return buttons.length > 0;
    });
    if (!pressed) return;
    await page
      .waitForFunction(
        (previous) => (document.querySelector('.station-root')?.innerHTML ?? '') !== previous,
        before,
        {
          timeout: 5000,
        },
      )
      .catch(() => undefined);
  }
}

async function openFromHub(page: Page, id: string): Promise<void> {
  await page.locator(`[data-station="${id}"]`).first().dispatchEvent('click');
  await expect.poll(async () => (await diagnostics(page)).station, { timeout: 20_000 }).toBe(id);
}

async function leaveToHub(page: Page): Promise<void> {
  if ((await diagnostics(page)).station !== null) {
    await page.locator('.top-bar__back').click();
  }
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  expect((await diagnostics(page)).station).toBeNull();
}

test('the registry finds every station folder', () => {
  expect(STATION_IDS.length).toBeGreaterThan(0);
  expect(STATION_IDS).toContain('scam');
});

for (const id of STATION_IDS) {
  test(`station "${id}" leaves nothing behind after a visit`, async ({ page, host }) => {
    test.setTimeout(150_000);
    await installLeakProbe(page);
    await page.goto(host.url);
    await page.getByTestId('start').click();
    await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
    const elementsAtHub = await page.evaluate(() => document.body.querySelectorAll('*').length);

    for (let visit = 0; visit < 2; visit++) {
      await openFromHub(page, id);
      await playInto(page, 6);
      await leaveToHub(page);
    }

    // Released work may finish its last step (a timer of 0 ms, a frame): wait for it, not a fixed time.
    await expect
      .poll(async () => {
        const { timeouts, intervals, frames, liveContexts, listeners } = await stationLeftovers(page);
        return { timeouts, intervals, frames, liveContexts, listeners };
      })
      .toEqual({ timeouts: 0, intervals: 0, frames: 0, liveContexts: 0, listeners: [] });
    const left = await stationLeftovers(page);
    expect(left.stationNodes, 'station DOM left in the page').toBe(0);
    expect(left.listeners, 'window/document listeners left').toEqual([]);
    expect(left.liveContexts, `WebGL contexts still live (of ${left.contextsCreated} made)`).toBe(0);
    expect(await page.evaluate(() => document.body.querySelectorAll('*').length)).toBe(elementsAtHub);
  });
}
