/**
 * Pledge-station benchmark: prints ONE JSON object on stdout.
 *
 *   npm run build && node --import tsx bench/pledge.bench.ts
 *
 * Runs the built browser host (temp data folder) in Chromium (playwright-core, software WebGL
 * here) at 1920×1080 and measures:
 * 1. Frame rate of the pledge minigame mid-round (the Phaser river with its drifting DOM
 *    items) as a ratio to a bare Phaser scene (bench/bare-phaser.html, same Phaser build and
 *    game config, full viewport) measured in the same run, alternating so that machine noise
 *    hits both; the ratio is the median over rounds of scene / mean of its two neighbouring
 *    baselines.
 * 2. Renderer JS heap growth over 100 plays (hub → the station → a whole round → one pledge
 *    card → a colour → the lantern lake → done, back at the hub), on Playwright's clock so a
 *    50-second round takes a jump, with CDP HeapProfiler.collectGarbage + Performance.getMetrics
 *    after a warm-up and after the plays.
 * Env: CHROMIUM_PATH, BENCH_PLAYS (100), BENCH_WARMUP (3), BENCH_FPS_MS (5000), BENCH_ROUNDS (3).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.js';
import { startHost } from '../test/support/host-process.js';
import { cpuTimes, heapOverPlays, measureFps, median, round, stealPercent } from './measure.js';

const VIEWPORT = { width: 1920, height: 1080 } as const;
const PLAYS = Number(process.env.BENCH_PLAYS ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const FPS_MS = Number(process.env.BENCH_FPS_MS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Heap is also sampled every this many plays, to tell a leak (steady climb) from noise. */
const HEAP_CHUNK = 25;
const GOALS = { fpsRatio: 0.9, heapGrowthMB: 2 } as const;
const ROOT = path.resolve(import.meta.dirname, '..');
/** Longer than a round (50 s), so one jump of the clock ends it. */
const ROUND_JUMP_MS = 52_000;

/** Serves the bare baseline page and Phaser's own build on the host's origin. */
async function routeBaseline(page: Page, url: string): Promise<void> {
  const html = readFileSync(path.join(ROOT, 'bench/bare-phaser.html'), 'utf8');
  const phaser = readFileSync(path.join(ROOT, 'node_modules/phaser/dist/phaser.min.js'), 'utf8');
  await page.route(`${url}bench/bare-phaser.html*`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await page.route(`${url}bench/phaser.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: phaser }),
  );
}

async function bareFps(page: Page, url: string): Promise<number> {
  await page.goto(`${url}bench/bare-phaser.html`);
  await page.waitForFunction(() => (window as unknown as { bareReady?: boolean }).bareReady === true);
  await page.waitForTimeout(1000);
  return measureFps(page, FPS_MS);
}

/** From the attract loop to the pledge station's intro. */
async function openStation(page: Page, url: string | null): Promise<void> {
  if (url !== null) {
    await page.goto(url);
    await page.locator('.attract__cta, .attract button').first().click();
  }
  await page.locator('[data-station="pledge"]').first().dispatchEvent('click');
  await page.locator('.pledge-intro').waitFor();
}

/** The minigame's frame rate a few seconds into a round (items drifting, river running). */
async function gameFps(page: Page, url: string): Promise<{ fps: number; items: number }> {
  await openStation(page, url);
  await page.locator('.pledge-intro .pledge-panel__go').click();
  await page.locator('.pledge-item').first().waitFor();
  await page.waitForTimeout(2000);
  const fps = await measureFps(page, FPS_MS);
  const items = await page.locator('.pledge-item').count();
  return { fps, items };
}

/** One whole visit to the station from the hub and back, time jumping over the round. */
async function playOnce(page: Page): Promise<void> {
  await openStation(page, null);
  await page.locator('.pledge-intro .pledge-panel__go').click();
  await page.locator('.pledge-item').first().waitFor();
  await page.clock.fastForward(ROUND_JUMP_MS);
  await page.locator('.pledge-score .pledge-panel__go').click();
  await page.locator('.pledge-card').first().click();
  await page.locator('.pledge-cards .pledge-panel__go').click();
  await page.locator('.pledge-colours .pledge-panel__go').click();
  await page.locator('.pledge-lake').waitFor();
  await page.clock.fastForward(1000);
  await page.locator('.pledge-finale .pledge-panel__go').click();
  await page.waitForFunction(() => {
    const diag = (
      window as unknown as { kioskDiagnostics: () => { state: string; station: string | null } }
    ).kioskDiagnostics();
    return diag.state === 'hub' && diag.station === null && !document.querySelector('.pledge');
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pledge-bench-'));
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: '3600' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx (esbuild) wraps named functions in a `__name` helper; functions sent to the page need it too.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await routeBaseline(page, host.url);

    // Alternate baseline and game so that load from other processes hits both alike.
    const rounds: { bare: number[]; game: number; items: number; ratio: number }[] = [];
    const cpuBefore = cpuTimes();
    let bareBefore = await bareFps(page, host.url);
    for (let i = 0; i < ROUNDS; i++) {
      const game = await gameFps(page, host.url);
      const bareAfter = await bareFps(page, host.url);
      rounds.push({
        bare: [round(bareBefore), round(bareAfter)],
        game: round(game.fps),
        items: game.items,
        ratio: round(game.fps / ((bareBefore + bareAfter) / 2), 3),
      });
      bareBefore = bareAfter;
    }
    const cpuStealPercent = stealPercent(cpuBefore, cpuTimes());
    const ratio = median(rounds.map((r) => r.ratio));

    // Heap over many plays, on Playwright's clock (a round is a jump of time).
    await page.clock.install();
    await page.goto(host.url);
    await page.locator('.attract__cta, .attract button').first().click();
    await page.locator('[data-station="pledge"]').first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = await heapOverPlays(
      cdp,
      async (count) => {
        for (let i = 0; i < count; i++) await playOnce(page);
      },
      { warmup: WARMUP, plays: PLAYS, chunk: HEAP_CHUNK, goalMB: GOALS.heapGrowthMB },
    );
    const leftovers = await page.evaluate(() => {
      const diag = (
        window as unknown as { kioskDiagnostics: () => { state: string; station: string | null } }
      ).kioskDiagnostics();
      return {
        state: diag.state,
        station: diag.station,
        pledgeNodes: document.querySelectorAll('.pledge, .pledge-lake, .pledge-play').length,
        canvases: document.querySelectorAll('canvas').length,
      };
    });
    const result = {
      bench: 'pledge',
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => round(load)) },
      viewport: VIEWPORT,
      fps: {
        measureMs: FPS_MS,
        cpuStealPercent,
        rounds,
        bareMedian: round(median(rounds.flatMap((r) => r.bare))),
        gameMedian: round(median(rounds.map((r) => r.game))),
        ratio: round(ratio, 3),
        goal: GOALS.fpsRatio,
        met: ratio >= GOALS.fpsRatio,
      },
      heap,
      afterPlays: leftovers,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
