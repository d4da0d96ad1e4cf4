/**
 * The pledges survive a restart of the browser host and come from its journal: a visitor
 * pledges, the host process stops and starts again on the same data folder, the page is
 * loaded afresh (nothing kept in the page), the attract loop shows today's pledge, and the
 * next visitor's lake holds the first visitor's lantern in its colour beside their own, with
 * the count going on from the journal.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, startHost, test, type RunningHost } from './host-fixture.js';
import { openPledge, playRoundOut, pledges, ui, type Lang } from './pledge-support.js';

const LANG: Lang = 'vi';

/** Plays a round out, picks `cards` pledge cards and the colour at `colour`, lights the lantern. */
async function pledge(page: Page, cards: number, colour: number): Promise<void> {
  const words = ui(LANG);
  await playRoundOut(page, LANG);
  await page.getByRole('button', { name: words.result.next }).click();
  for (const card of pledges(LANG).cards.slice(0, cards))
    await page.getByRole('button', { name: card.line }).click();
  await page.getByRole('button', { name: words.cards.next }).click();
  await page.getByRole('button', { name: pledges(LANG).colours[colour]?.name ?? '' }).click();
  await page.getByRole('button', { name: words.colour.light }).click();
}

/** The lake's lanterns per palette colour, as data-colours says them: "0,1,2,…". */
const lanterns = (perColour: Record<number, number>): string =>
  pledges(LANG)
    .colours.map((_, i) => perColour[i] ?? 0)
    .join(',');

test.use({ hasTouch: true });

test('the count and the lantern colours survive a host restart (from the journal)', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(300_000);
  const env = { KIOSK_IDLE_SECONDS: '600' };
  let host: RunningHost = await startHost(dataDir, env);
  try {
    await page.clock.install();
    await page.setViewportSize({ width: 960, height: 540 });
    await page.goto(host.url);
    await openPledge(page);
    await pledge(page, 1, 1);
    await expect(page.getByTestId('pledge-number')).toHaveText(ui(LANG).finale.number.replace('{{n}}', '1'));
    await expect(page.locator('.pledge-lake')).toHaveAttribute('data-colours', lanterns({ 1: 1 }));
    await page.getByRole('button', { name: ui(LANG).finale.done }).click();

    // The host process goes away and comes back on the same port and data folder; the page
    // is loaded afresh, so whatever it shows next comes from the host's journal.
    const port = new URL(host.url).port;
    await host.stop();
    host = await startHost(dataDir, { ...env, KIOSK_PORT: port });
    await page.goto(host.url);
    await page.clock.resume();
    const today = page.getByTestId('attract-pledges');
    await expect(today).toBeVisible();
    await expect(today.locator('[lang="vi"]')).toHaveText(/\b1\b/);
    await screenshot(page, 'pledge-restart-attract');

    await openPledge(page);
    await pledge(page, 2, 4);
    // Pledges 2 and 3 at this festival; the earlier lantern keeps its colour on the lake.
    await expect(page.getByTestId('pledge-number')).toHaveText(ui(LANG).finale.number.replace('{{n}}', '3'));
    await expect(page.locator('.pledge-lake')).toHaveAttribute('data-lanterns', '3');
    await expect(page.locator('.pledge-lake')).toHaveAttribute('data-colours', lanterns({ 1: 1, 4: 2 }));
    await screenshot(page, 'pledge-restart-lake');
  } finally {
    await host.stop();
  }
});
