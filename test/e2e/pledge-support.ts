/**
 * What the pledge station's end-to-end specs share: its content as the specs read it, and
 * how a visitor opens the station, taps drifting items (mouse, and two fingers at once by
 * CDP touch events), plays a round on Playwright's fake clock, and how a kiosk is prepared
 * (the staff-set campaign page, a journal of earlier pledges).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { diagnostics, expect } from './host-fixture.js';

export type Lang = 'vi' | 'en';
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
/** Parsed JSON; callers say what shape they expect (the content loader validates the files). */
const read = (name: string): never => JSON.parse(fs.readFileSync(path.join(CONTENT, name), 'utf8')) as never;
const items = (lang: Lang): Item[] => (read(`items.${lang}.json`) as { items: Item[] }).items;
export const pledges = (lang: Lang): Pledges => read(`pledges.${lang}.json`);
export const ui = (lang: Lang): Ui => read(`ui.${lang}.json`);
export const DANGEROUS = new Set(
  items('vi')
    .filter((item) => item.tactic !== 'safe')
    .map((item) => item.id),
);

export const CAMPAIGN = 'https://example.org/khong-mot-minh';

/**
 * A kiosk whose staff set the campaign page: the settings file as the back office writes it
 * (other settings take their defaults). The staff panel path is covered by the settings tests.
 */
export function setCampaignUrl(dataDir: string, url: string): void {
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ campaignUrl: url }));
}

/** Where to tap each drifting item now on screen. */
export async function driftingItems(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('.pledge-item')].flatMap((button) => {
      const box = button.getBoundingClientRect();
      // The middle of the part on screen (an item slides in from the left edge).
      const left = Math.max(box.left, 0);
      const right = Math.min(box.right, window.innerWidth);
      if (right - left < 60) return [];
      return [{ id: button.dataset.item ?? '', x: (left + right) / 2, y: box.y + box.height / 2 }];
    }),
  );
}

/** Two fingers down on two points together (the second lands while the first is down), then up. */
export async function twoFingerTap(
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

export async function openPledge(page: Page): Promise<void> {
  await page.getByTestId('start').click();
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  await page.locator('[data-station="pledge"]').first().dispatchEvent('click');
  await expect.poll(async () => (await diagnostics(page)).station, { timeout: 20_000 }).toBe('pledge');
}

/**
 * Plays until two dangerous items are on screen at once, blocks them with two fingers, then one
 * by mouse. Time moves by fastForward: one frame per step (the round follows the clock, not
 * frames), since every fake-clock frame is drawn by software WebGL on a busy test machine.
 */
export async function playRound(page: Page): Promise<{ blocked: string[] }> {
  const blocked: string[] = [];
  for (let step = 0; step < 60 && blocked.length < 2; step++) {
    await page.clock.fastForward(400);
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
    await page.clock.fastForward(400);
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

/** A journal of `count` earlier pledges (as the back office stores them), so the lake is full. */
export function seedPledges(dataDir: string, count: number): void {
  const cards = pledges('vi').cards.map((card) => card.id);
  const colours = pledges('vi').colours.map((colour) => colour.id);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      JSON.stringify({
        type: 'pledge',
        sessionId: randomUUID(),
        sceneId: 'pledge',
        pledgeId: cards[i % cards.length],
        colour: colours[(i * 7) % colours.length],
        id: randomUUID(),
        at: new Date(Date.now() - (count - i) * 1000).toISOString(),
        kioskId: 'kiosk-screens',
      }),
    );
  }
  fs.writeFileSync(path.join(dataDir, 'journal.jsonl'), `${lines.join('\n')}\n`);
}

/**
 * Starts a round and lets it run out untouched but for one tap on the score half way (as a
 * visitor would, so the kiosk does not think it idle), up to the result screen.
 */
export async function playRoundOut(page: Page, lang: Lang): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5000);
  await page.getByRole('button', { name: ui(lang).intro.start }).click();
  await page.clock.fastForward(25_000);
  await page.getByTestId('pledge-score').click();
  await page.clock.fastForward(30_000);
  await page.clock.fastForward(100);
  await expect(page.getByTestId('pledge-result')).toBeVisible();
}
