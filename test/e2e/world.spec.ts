/**
 * The hub world as visitors see it, in both orientations and languages: the world renders at
 * full resolution on software WebGL, no moving thing ever crosses text, each station label
 * hangs under its beacon without covering it, and the attract screen says what a visitor will
 * do and that nothing personal is kept, and starts from a touch anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ScreenRect, WorldStats } from '../../scenes/hub/hub-world.js';
import { diagnostics, expect, screenshot, test } from './host-fixture.js';

type Rect = ScreenRect;
type World = WorldStats;

const VIEWPORTS = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

const START = 'Chạm để bắt đầu – Touch to start';
/** Every station the registry finds (a folder with a station.json) has a beacon on the hub. */
const STATION_COUNT = fs
  .readdirSync(path.resolve('scenes'), { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && fs.existsSync(path.resolve('scenes', entry.name, 'station.json')),
  ).length;

const world = async (page: Page): Promise<World> => (await diagnostics(page)).liveWorld as World;

/** Boxes of every visible line of text under `selector` (the text itself, not its block). */
function textRects(page: Page, selector: string): Promise<(Rect & { text: string })[]> {
  return page.evaluate((css) => {
    const rects: (Rect & { text: string })[] = [];
    for (const root of document.querySelectorAll(css)) {
      if (!(root instanceof HTMLElement) || !root.checkVisibility({ checkVisibilityCSS: true })) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        if (text === '') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          rects.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, text });
        }
      }
    }
    return rects;
  }, selector);
}

function boxes(page: Page, selector: string): Promise<Rect[]> {
  return page.evaluate(
    (css) =>
      [...document.querySelectorAll(css)]
        .filter((e) => e instanceof HTMLElement && e.checkVisibility({ checkVisibilityCSS: true }))
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
    selector,
  );
}

const overlap = (a: Rect, b: Rect): boolean =>
  a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

/** Page time between samples of what moves (ms). */
const SAMPLE_MS = 150;

/**
 * Samples where things moved over `ms` of page time and checks none of it touched any of
 * `texts`. Time is Playwright's clock (installed before the page loads): each sample
 * fast-forwards it by SAMPLE_MS and draws a frame at least that far on, so the samples span
 * `ms` of the world's animation however slowly the machine draws (in real time a loaded
 * machine drew fewer frames and the samples covered less of it).
 */
async function expectNothingMovesOver(page: Page, texts: Rect[], ms = 3000): Promise<number> {
  expect(texts.length).toBeGreaterThan(0);
  let seen = 0;
  for (let elapsed = 0; elapsed < ms; elapsed += SAMPLE_MS) {
    await page.clock.fastForward(SAMPLE_MS);
    const { moving } = await world(page);
    seen += moving.length;
    for (const thing of moving) {
      const hit = texts.find((text) => overlap(text, thing));
      expect(hit, `something moving at ${JSON.stringify(thing)} crosses text`).toBeUndefined();
    }
  }
  return seen;
}

for (const viewport of VIEWPORTS) {
  test(`the world stays sharp and nothing moving crosses text (${viewport.name})`, async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.clock.install();
    await page.goto(host.url);
    await expect.poll(async () => (await world(page)).frames, { timeout: 30_000 }).toBeGreaterThan(5);

    // Full resolution: the painted backdrop is the screen's size and the live layer is not scaled down.
    const attract = await world(page);
    expect(attract.backdrop).toMatchObject({ width: viewport.width, height: viewport.height });
    expect(attract.render.width).toBe(viewport.width);
    expect(attract.pixelRatio).toBe(1);

    // Attract: the invitation and the privacy line, each one line per language.
    const invite = page.getByTestId('attract-invite');
    await expect(invite.locator('[lang="vi"]')).toHaveText(
      'Luyện tập nhận ra lừa đảo trên mạng — an toàn, ẩn danh, chỉ vài phút.',
    );
    await expect(invite.locator('[lang="en"]')).toHaveText(
      'Practise spotting online scams — safe, anonymous, a few minutes.',
    );
    await expect(page.getByTestId('attract-privacy')).toContainText(
      'không lưu tên, ảnh hay bất kỳ thông tin cá nhân nào',
    );
    await expect(page.getByTestId('attract-privacy')).toContainText(
      'stores no names, photos or personal details',
    );
    for (const line of await textRects(page, '[data-testid="attract-invite"] [lang]')) {
      expect(line.bottom - line.top, `"${line.text}" wraps`).toBeLessThan(60);
    }
    const attractTexts = await textRects(page, '.attract, .top-bar');
    expect(await expectNothingMovesOver(page, attractTexts)).toBeGreaterThan(20);
    await screenshot(page, `world-attract-${viewport.name}`);

    // A touch anywhere starts, even on the top bar's background.
    await page.mouse.click(viewport.width / 2, 30);
    await expect(page.getByRole('heading', { name: 'Thế giới số an toàn' })).toBeVisible();

    // Hub: a beacon rises for every station; each label hangs under its own beacon, and nothing
    // moving crosses any text.
    await expect.poll(async () => (await world(page)).beacons.length).toBe(STATION_COUNT);
    // Let the beacons finish rising: at least 1.5 s more of the world's animation, in frames
    // of 0.1 s (the longest step one frame takes), on the clock, so a slow machine drawing few
    // frames cannot cut it short as it could a real-time wait.
    for (let step = 0; step < 15; step++) await page.clock.fastForward(100);
    // The cards' entrance is a CSS animation, which runs in real time, not on the clock: retry
    // (moving the world on a little each time) until both have settled.
    const centre = (rect: Rect): number => (rect.left + rect.right) / 2;
    await expect(async () => {
      await page.clock.fastForward(100);
      const hub = await world(page);
      const cards = await boxes(page, '.station-card');
      expect(cards).toHaveLength(STATION_COUNT);
      for (const card of cards) {
        // Its beacon: the one straight above it.
        const beacon = hub.beacons
          .map((candidate) => candidate.bounds)
          .filter((bounds) => bounds.bottom <= card.top + 1)
          .sort((a, b) => Math.abs(centre(a) - centre(card)) - Math.abs(centre(b) - centre(card)))[0];
        expect(beacon, 'a beacon above every label').toBeTruthy();
        if (!beacon) continue;
        expect(overlap(card, beacon), 'the label covers its beacon').toBe(false);
        expect(Math.abs(centre(card) - centre(beacon))).toBeLessThan(4);
      }
    }).toPass({ timeout: 20_000 });
    const hubTexts = [
      ...(await textRects(page, '.hub__heading, .top-bar')),
      ...(await boxes(page, '.station-card, .hub__finish')),
    ];
    expect(await expectNothingMovesOver(page, hubTexts)).toBeGreaterThan(20);
    // The station button is never squeezed to a word per line.
    for (const line of await textRects(page, '.station-card__name')) {
      expect(line.text.split(' ').length, `"${line.text}" is squeezed`).toBeGreaterThan(1);
    }
    await screenshot(page, `world-hub-vi-${viewport.name}`);
    await page.getByTestId('language').click();
    await expect(page.getByRole('heading', { name: 'Safe Digital World' })).toBeVisible();
    for (const line of await textRects(page, '.station-card__name')) {
      expect(line.text.split(' ').length, `"${line.text}" is squeezed`).toBeGreaterThan(1);
    }
    await screenshot(page, `world-hub-en-${viewport.name}`);
    // Software WebGL keeps full resolution however loaded the machine is (only detail drops).
    const settled = await world(page);
    expect(settled.pixelRatio).toBe(settled.software ? 1 : settled.pixelRatio);
    expect(settled.pixelRatio).toBeGreaterThanOrEqual(0.7);
  });
}

test('the attract screen: the language button switches without starting a session', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByTestId('language').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await diagnostics(page)).state).toBe('attract');
  await expect(page.getByRole('button', { name: START })).toBeVisible();
  await page.mouse.click(200, 700);
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
});
