/**
 * The pledge station end to end, in the real browser host, on Playwright's fake clock: play a
 * round by input events (pointer taps, and two touches at once on two items), see the score,
 * pick pledge cards and a lantern colour by their accessible names, see "pledge number N" and
 * the QR code of the staff-set campaign page over the lantern lake, check the journal holds the
 * round and the pledges under sceneId "pledge" (with the colour, nothing else), leave, and
 * check the leak probe: nothing of the station is left. Screenshots go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bridge, diagnostics, expect, screenshot, startHost, test } from './host-fixture.js';
import { installLeakProbe, stationLeftovers } from './leak-probe.js';
import {
  CAMPAIGN,
  DANGEROUS,
  driftingItems,
  openPledge,
  playRound,
  pledges,
  seedPledges,
  setCampaignUrl,
  ui,
} from './pledge-support.js';

test.use({ hasTouch: true });

test('play, pledge, see N and the QR over the lake; recorded as "pledge"; nothing left behind', async ({
  page,
  dataDir,
}) => {
  // Under a minute on a quiet machine; the shared CI box can be many times slower.
  test.setTimeout(300_000);
  setCampaignUrl(dataDir, CAMPAIGN);
  const host = await startHost(dataDir);
  try {
    await installLeakProbe(page);
    await page.clock.install();
    const started = Date.now();
    const mark = (what: string): void => {
      console.log(`${what}: ${Date.now() - started} ms`);
    };
    // Small: every frame of the fake clock is drawn by software WebGL (the screenshots test uses full size).
    await page.setViewportSize({ width: 960, height: 540 });
    await page.goto(host.url);
    mark('booted');
    await openPledge(page);
    mark('opened');
    const words = ui('vi');
    // From here time moves only when the test says (a few seconds ahead: the page's clock runs on meanwhile).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5000);
    await page.getByRole('button', { name: words.intro.start }).click();
    const { blocked } = await playRound(page);
    mark('played');
    await screenshot(page, 'pledge-play-e2e');
    // The rest of the round passes untouched: jump past its end, with a tap on the score
    // half way (not on an item) as a visitor would, so the kiosk does not think it idle.
    await page.clock.fastForward(25_000);
    await page.getByTestId('pledge-score').click();
    await page.clock.fastForward(30_000);
    await page.clock.fastForward(100);
    await expect(page.getByTestId('pledge-result')).toBeVisible();
    mark('round over');

    const resultText = (await page.getByTestId('pledge-result').textContent()) ?? '';
    await screenshot(page, 'pledge-score-e2e');
    await page.getByRole('button', { name: words.result.next }).click();
    const cards = pledges('vi').cards;
    const [cardA, cardB, cardC, cardD] = cards;
    if (!cardA || !cardB || !cardC || !cardD) throw new Error('need 4 cards');
    const next = page.getByRole('button', { name: words.cards.next });
    await expect(next).toBeDisabled();
    for (const card of [cardA, cardB, cardC]) await page.getByRole('button', { name: card.line }).click();
    // A fourth card waits until one is put back.
    await expect(page.getByRole('button', { name: cardD.line })).toBeDisabled();
    await page.getByRole('button', { name: cardC.line }).click();
    await expect(page.getByRole('button', { name: cardA.line })).toHaveAttribute('aria-pressed', 'true');
    await next.click();
    const colour = pledges('vi').colours[3];
    if (!colour) throw new Error('need colours');
    await page.getByRole('button', { name: colour.name }).click();
    await page.getByRole('button', { name: words.colour.light }).click();

    // A fresh kiosk: this visitor's two cards are pledges 1 and 2.
    await expect(page.getByTestId('pledge-number')).toHaveText(words.finale.number.replace('{{n}}', '2'));
    await expect(page.getByTestId('pledge-qr')).toHaveAttribute('data-url', CAMPAIGN);
    await expect(
      page.getByRole('img', { name: /./ }).and(page.locator('.pledge-finale__qr svg')),
    ).toBeVisible();
    await expect(page.locator('.pledge-lake')).toHaveAttribute('data-lanterns', '2');
    // Both lanterns in the chosen colour (palette order), as the journal will count them.
    await expect(page.locator('.pledge-lake')).toHaveAttribute(
      'data-colours',
      pledges('vi')
        .colours.map((_, i) => (i === 3 ? 2 : 0))
        .join(','),
    );
    for (let i = 0; i < 5; i++) await page.clock.fastForward(200);
    await screenshot(page, 'pledge-finale-e2e');

    const counts = (await bridge(page, 'stationCounts', { sceneId: 'pledge' })) as {
      value: { allTime: { pledges: number; pledgesById: Record<string, number> } };
    };
    expect(counts.value.allTime.pledges).toBe(2);
    expect(counts.value.allTime.pledgesById).toEqual({ [cardA.id]: 1, [cardB.id]: 1 });
    const journal = fs
      .readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record.sceneId === 'pledge');
    const pledgeRecords = journal.filter((record) => record.type === 'pledge');
    expect(pledgeRecords.map((record) => [record.pledgeId, record.colour])).toEqual([
      [cardA.id, colour.id],
      [cardB.id, colour.id],
    ]);
    for (const record of pledgeRecords)
      expect(Object.keys(record).sort()).toEqual(
        ['at', 'colour', 'id', 'kioskId', 'pledgeId', 'sceneId', 'sessionId', 'type'].sort(),
      );
    const round = journal.find((record) => record.type === 'round');
    // Each right block is 100 points, each safe item let through 50.
    expect(Number(round?.score)).toBeGreaterThanOrEqual(blocked.length * 100);
    expect(Number(round?.correct)).toBeGreaterThanOrEqual(blocked.length);
    expect(Number(round?.total)).toBeGreaterThanOrEqual(Number(round?.correct));
    expect(resultText).toContain(String(round?.score));

    await page.getByRole('button', { name: words.finale.done }).click();
    await expect.poll(async () => (await diagnostics(page)).station).toBeNull();
    for (let i = 0; i < 4; i++) await page.clock.fastForward(500);
    const left = await stationLeftovers(page);
    expect(left.stationNodes).toBe(0);
    expect(left.listeners).toEqual([]);
    expect(left.liveContexts, `WebGL contexts still live (of ${left.contextsCreated} made)`).toBe(0);
    expect({ timeouts: left.timeouts, intervals: left.intervals, frames: left.frames }).toEqual({
      timeouts: 0,
      intervals: 0,
      frames: 0,
    });
  } finally {
    await host.stop();
  }
});

// Screenshots of every screen, both languages and orientations, for review (PLEDGE_SCREENSHOTS=1,
// or =landscape / =portrait for one orientation).
test('screenshots of the game, cards, colour, QR and the lake', async ({ page, dataDir }) => {
  // 1: both orientations; "landscape" or "portrait": only that one (each takes minutes here).
  const only = process.env.PLEDGE_SCREENSHOTS;
  test.skip(
    only !== '1' && only !== 'landscape' && only !== 'portrait',
    'review screenshots: set PLEDGE_SCREENSHOTS=1',
  );
  test.setTimeout(900_000);
  setCampaignUrl(dataDir, CAMPAIGN);
  seedPledges(dataDir, 3000);
  const host = await startHost(dataDir);
  try {
    await page.clock.install();
    for (const [orientation, viewport] of [
      ['landscape', { width: 1920, height: 1080 }],
      ['portrait', { width: 1080, height: 1920 }],
    ] as const) {
      if (only !== '1' && only !== orientation) continue;
      for (const lang of ['vi', 'en'] as const) {
        const name = (screen: string): string => `pledge-${screen}-${lang}-${orientation}`;
        const words = ui(lang);
        await page.setViewportSize(viewport);
        await page.goto(host.url);
        await page.clock.resume();
        if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
        await screenshot(page, name('attract'));
        await openPledge(page);
        await screenshot(page, name('intro'));
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5000);
        await page.getByRole('button', { name: words.intro.start }).click();
        for (let i = 0; i < 13; i++) await page.clock.fastForward(400);
        const bad = (await driftingItems(page)).find((item) => DANGEROUS.has(item.id));
        if (bad) await page.mouse.click(bad.x, bad.y);
        await page.clock.fastForward(300);
        await screenshot(page, name('game'));
        await page.clock.fastForward(25_000);
        await page.getByTestId('pledge-score').click();
        await page.clock.fastForward(30_000);
        await page.clock.fastForward(100);
        await screenshot(page, name('score'));
        await page.getByRole('button', { name: words.result.next }).click();
        for (const card of pledges(lang).cards.slice(1, 3))
          await page.getByRole('button', { name: card.line }).click();
        await screenshot(page, name('cards'));
        await page.getByRole('button', { name: words.cards.next }).click();
        const colour = pledges(lang).colours[4];
        if (colour) await page.getByRole('button', { name: colour.name }).click();
        await screenshot(page, name('colour'));
        await page.getByRole('button', { name: words.colour.light }).click();
        await expect(page.getByTestId('pledge-finale')).toBeVisible();
        for (let i = 0; i < 12; i++) await page.clock.fastForward(100);
        await screenshot(page, name('finale-rising'));
        for (let i = 0; i < 28; i++) await page.clock.fastForward(100);
        await screenshot(page, name('finale'));
        await page.getByRole('button', { name: words.finale.done }).click();
        // End the session when the button is there; a click without a timeout would wait for
        // it until the test's own timeout.
        await page
          .getByRole('button', { name: lang === 'vi' ? 'Kết thúc' : "I'm done" })
          .click({ timeout: 5000 })
          .catch(() => undefined);
      }
    }
  } finally {
    await host.stop();
  }
});
