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
import type { Page } from '@playwright/test';
import { bridge, diagnostics, expect, screenshot, startHost, test } from './host-fixture.js';
import { installLeakProbe, stationLeftovers } from './leak-probe.js';

type Lang = 'vi' | 'en';
interface Item {
  id: string;
  tactic: string;
  text: string;
}
interface Pledges {
  cards: { id: string; line: string }[];
  colours: { id: string; name: string }[];
}
interface Ui {
  intro: { start: string };
  result: { next: string };
  cards: { next: string };
  colour: { light: string };
  finale: { done: string; number: string };
}

const CONTENT = path.resolve('scenes/pledge/content');
const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(CONTENT, name), 'utf8')) as T;
const items = (lang: Lang): Item[] => read<{ items: Item[] }>(`items.${lang}.json`).items;
const pledges = (lang: Lang): Pledges => read<Pledges>(`pledges.${lang}.json`);
const ui = (lang: Lang): Ui => read<Ui>(`ui.${lang}.json`);
const DANGEROUS = new Set(
  items('vi')
    .filter((item) => item.tactic !== 'safe')
    .map((item) => item.id),
);

const CAMPAIGN = 'https://example.org/khong-mot-minh';

/**
 * A kiosk whose staff set the campaign page: the settings file as the back office writes it
 * (other settings take their defaults). The staff panel path is covered by the settings tests.
 */
function setCampaignUrl(dataDir: string, url: string): void {
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ campaignUrl: url }));
}

/** Centres of the drifting items now on screen, dangerous ones first. */
async function driftingItems(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('.pledge-item')].flatMap((button) => {
      const box = button.getBoundingClientRect();
      const visible = box.right > 40 && box.left < window.innerWidth - 40;
      return visible
        ? [{ id: button.dataset.item ?? '', x: box.x + box.width / 2, y: box.y + box.height / 2 }]
        : [];
    }),
  );
}

/** Two fingers down on two points together (the second lands while the first is down), then up. */
async function twoFingerTap(
  page: Page,
  a: { x: number; y: number },
  b: { x: number; y: number },
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const points = [
    { x: a.x, y: a.y, id: 1 },
    { x: b.x, y: b.y, id: 2 },
  ];
  // The first finger lands, then the second while the first is still down.
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points.slice(0, 1) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function openPledge(page: Page): Promise<void> {
  await page.getByTestId('start').click();
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  await page.locator('[data-station="pledge"]').first().dispatchEvent('click');
  await expect.poll(async () => (await diagnostics(page)).station, { timeout: 20_000 }).toBe('pledge');
}

/** Plays until two dangerous items are on screen at once, blocks them with two fingers, then one by mouse. */
async function playRound(page: Page): Promise<{ blocked: string[] }> {
  const blocked: string[] = [];
  for (let step = 0; step < 60 && blocked.length < 2; step++) {
    await page.clock.runFor(250);
    const bad = (await driftingItems(page)).filter((item) => DANGEROUS.has(item.id));
    const [first, second] = bad;
    if (first && second) {
      await twoFingerTap(page, first, second);
      blocked.push(first.id, second.id);
    }
  }
  expect(blocked, 'two dangerous items drifted at once and were blocked by two touches').toHaveLength(2);
  for (const id of blocked) await expect(page.locator(`[data-item="${id}"]`)).toHaveCount(0);
  await expect(page.locator('.pledge-feedback[data-verdict="blocked"]').first()).toBeVisible();
  // One more by mouse.
  for (let step = 0; step < 40; step++) {
    await page.clock.runFor(250);
    const bad = (await driftingItems(page)).find((item) => DANGEROUS.has(item.id));
    if (bad) {
      await page.mouse.click(bad.x, bad.y);
      blocked.push(bad.id);
      break;
    }
  }
  expect(blocked).toHaveLength(3);
  return { blocked };
}

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
    await page.setViewportSize({ width: 1920, height: 1080 });
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
    // The rest of the round passes untouched: jump past its end.
    await page.clock.fastForward(60_000);
    await page.clock.runFor(100);
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
    await page.clock.runFor(5000);
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
        ['at', 'colour', 'eventId', 'id', 'kioskId', 'pledgeId', 'sceneId', 'sessionId', 'type'].sort(),
      );
    const round = journal.find((record) => record.type === 'round');
    // Each right block is 100 points, each safe item let through 50.
    expect(Number(round?.score)).toBeGreaterThanOrEqual(blocked.length * 100);
    expect(Number(round?.correct)).toBeGreaterThanOrEqual(blocked.length);
    expect(Number(round?.total)).toBeGreaterThanOrEqual(Number(round?.correct));
    expect(resultText).toContain(String(round?.score));

    await page.getByRole('button', { name: words.finale.done }).click();
    await expect.poll(async () => (await diagnostics(page)).station).toBeNull();
    await page.clock.runFor(2000);
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
