/**
 * Story-station benchmark (the scam and the online-kidnapping stations, one measure for
 * both): prints ONE JSON object on stdout.
 *
 *   npm run bench -- scene      (or: npm run build && node --import tsx bench/story-scene.bench.ts)
 *
 * Runs the built browser host (temp data folder) in Chromium (playwright-core, software WebGL
 * here) at 1920×1080 and, for each station in STATIONS, measures:
 * 1. Frame rate of the station's phone scene in its busiest screens (scam: a countdown ring
 *    ticking during a call, the deepfake video call glitching; kidnap: the fake officer's
 *    video call showing the warrant), as a ratio to a bare Phaser scene
 *    (bench/bare-phaser.html, same Phaser build and game config, full viewport) measured in
 *    the same run, alternating so that machine noise hits both. Also reported: the ratio to a
 *    bare scene with the same canvas size as the station's stage.
 * 2. Renderer JS heap after 100 plays (open the station from the hub → through its content
 *    note and the check's "skip" → play a scenario to its ending by clicking each node's first
 *    choice → leave with the back button, which destroys the station), measured with CDP
 *    HeapProfiler.collectGarbage + Performance.getMetrics after a warm-up and after the plays.
 *    Also: DOM nodes, listeners, and whether the hub's 3D world still has a live WebGL context
 *    after 100 Phaser games came and went.
 * Env: CHROMIUM_PATH, BENCH_STATIONS (scam,kidnap), BENCH_PLAYS (100), BENCH_WARMUP (5),
 * BENCH_FPS_MS (5000), BENCH_ROUNDS (3).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.js';
import { startHost } from '../test/support/host-process.js';
import { cpuTimes, heapOverPlays, measureFps, median, round, stealPercent } from './measure.js';

/** A screen to measure: reached by making `choices` in `scenario` from its start. */
interface Screen {
  readonly name: string;
  readonly scenario: string;
  readonly choices: readonly string[];
}

/** A story station: its busiest screens, and the scenario its many plays go through. */
interface StationBench {
  readonly station: string;
  readonly screens: readonly Screen[];
  readonly plays: string;
}

const STATIONS: readonly StationBench[] = [
  {
    station: 'scam',
    screens: [
      { name: 'countdownCall', scenario: 'otp-bank', choices: ['check-app', 'hesitate'] },
      { name: 'deepfakeVideo', scenario: 'hacked-friend', choices: ['secret-question', 'take-video'] },
    ],
    plays: 'otp-bank',
  },
  {
    station: 'kidnap',
    // The fake officer's video call with the warrant in the document viewer: its heaviest screen.
    screens: [{ name: 'fakeOfficerVideoWarrant', scenario: 'fake-police', choices: ['listen'] }],
    // Its first choices pass the fake officer's video call and the warrant too.
    plays: 'fake-police',
  },
];

const VIEWPORT = { width: 1920, height: 1080 } as const;
const ONLY = (process.env.BENCH_STATIONS ?? '').split(',').filter((id) => id !== '');
const PLAYS = Number(process.env.BENCH_PLAYS ?? 100);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const FPS_MS = Number(process.env.BENCH_FPS_MS ?? 5000);
/** Rounds of baseline / screen / baseline / screen … / baseline. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Heap is also sampled every this many plays, to tell a leak (steady climb) from noise. */
const HEAP_CHUNK = 25;
const GOALS = { fpsRatio: 0.9, heapGrowthMB: 2 } as const;
const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The buttons that stand between a visitor and a story, each a tap: a care-mode station's
 * content note ("start"), the before check ("skip"), the forewarning card, a sensitive
 * story's own note, and the feedback after a choice ("continue").
 */
const PASS_BUTTONS = [
  '.story-note .pill--primary',
  '.story-content-note .pill--primary',
  '.story-check-intro .pill--ghost',
  '.story-forewarn .pill--primary',
  '.story-feedback .pill--primary',
].join(', ');

interface FpsRound {
  bare: number[];
  screens: Record<string, number>;
  /** The worst of the station's screens, each against its neighbouring baselines. */
  ratio: number;
}

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

async function bareFps(page: Page, url: string, size?: { width: number; height: number }): Promise<number> {
  const query = size ? `?w=${size.width}&h=${size.height}` : '';
  await page.goto(`${url}bench/bare-phaser.html${query}`);
  await page.waitForFunction(() => (window as unknown as { bareReady?: boolean }).bareReady === true);
  await page.waitForTimeout(1000);
  return measureFps(page, FPS_MS);
}

/** Taps whichever interstitial button (PASS_BUTTONS) is up, until a scenario card or the phone shows. */
async function passInterstitials(page: Page, until: string): Promise<void> {
  for (;;) {
    await page.locator(`${until}, ${PASS_BUTTONS}`).first().waitFor();
    const button = page.locator(PASS_BUTTONS).first();
    if (!(await button.isVisible())) return;
    await button.click();
  }
}

/** From the attract loop into the station's scenario picker. */
async function openStation(page: Page, url: string, station: string): Promise<void> {
  await page.goto(url);
  await page.locator('.attract__cta, .attract button').first().click();
  // A DOM click: the hub's cards settle into place after the attract loop, and a pointer
  // click at a card's centre could land before it got there (the bench then timed out).
  const card = page.locator(`[data-station="${station}"]`);
  await card.waitFor();
  await card.evaluate((element) => {
    (element as HTMLElement).click();
  });
  await passInterstitials(page, '.story-card');
}

/** Plays `choiceIds` in a scenario by clicking, up to the node where the last one leads. */
async function playTo(page: Page, scenarioId: string, choiceIds: readonly string[]): Promise<void> {
  await page.locator(`.story-card[data-scenario="${scenarioId}"]`).click();
  await passInterstitials(page, '.story-phone');
  for (const id of choiceIds) {
    await page.locator('.story-phone').click();
    await page.locator(`.story-choice[data-choice="${id}"]`).click();
    await page.locator('.story-feedback, .story-play').first().waitFor();
    const proceed = page.locator('.story-feedback .pill--primary');
    if (await proceed.isVisible()) await proceed.click();
  }
  await page.locator('.story-phone').click();
  await page.locator('.story-choice').first().waitFor();
}

async function screenFps(page: Page, url: string, station: string, screen: Screen): Promise<number> {
  await openStation(page, url, station);
  await playTo(page, screen.scenario, screen.choices);
  await page.waitForTimeout(500);
  return measureFps(page, FPS_MS);
}

/**
 * Runs `count` plays inside the page (one round trip; Playwright per-click latency would
 * dominate): each node's first choice, to an ending, then back to the hub.
 */
function playMany(page: Page, bench: StationBench, count: number): Promise<void> {
  return page.evaluate(
    async ({ n, station, scenario, pass }) => {
      const sleep = (ms: number) =>
        new Promise((resolve) => {
          setTimeout(resolve, ms);
        });
      const until = async <T>(probe: () => T | null | undefined | false, what: string): Promise<T> => {
        const start = performance.now();
        for (;;) {
          const value = probe();
          if (value) return value;
          if (performance.now() - start > 30_000) throw new Error(`bench: timed out waiting for ${what}`);
          await sleep(25);
        }
      };
      const click = (selector: string): boolean => {
        const element = document.querySelector<HTMLElement>(selector);
        element?.click();
        return element !== null;
      };
      const state = () =>
        (
          window as unknown as { kioskDiagnostics: () => { state: string; station: string | null } }
        ).kioskDiagnostics();
      for (let i = 0; i < n; i++) {
        (
          await until(() => document.querySelector<HTMLElement>(`[data-station="${station}"]`), 'the hub')
        ).click();
        const card = `.story-card[data-scenario="${scenario}"]`;
        await until(() => click(card) || (click(pass) && false), 'the picker');
        while (!document.querySelector('[data-testid="story-hotline-113"]')) {
          click('.story-phone');
          if (!click('.story-choice')) click(pass);
          await sleep(25);
        }
        click('.top-bar__back');
        await until(
          () => state().state === 'hub' && state().station === null && !document.querySelector('.story'),
          'back at the hub',
        );
      }
    },
    { n: count, station: bench.station, scenario: bench.plays, pass: PASS_BUTTONS },
  );
}

/** Frame rates of the station's screens against bare Phaser, alternating, ROUNDS times. */
async function measureScreens(page: Page, url: string, bench: StationBench) {
  // The station's stage (its canvas) size, from its own layout in the page.
  await openStation(page, url, bench.station);
  const stage = await page.locator('.story__stage').evaluate((element) => ({
    width: Math.round(element.getBoundingClientRect().width),
    height: Math.round(element.getBoundingClientRect().height),
  }));
  // Alternate baseline and screen so that load from other processes hits both alike. Each
  // screen is compared with the baselines just before and after it; the reported ratio is the
  // median over rounds, so one burst of load cannot decide it.
  const rounds: FpsRound[] = [];
  const cpuBefore = cpuTimes();
  for (let i = 0; i < ROUNDS; i++) {
    const bare = [await bareFps(page, url)];
    const screens: Record<string, number> = {};
    let ratio = Number.POSITIVE_INFINITY;
    for (const screen of bench.screens) {
      const fps = await screenFps(page, url, bench.station, screen);
      const before = bare[bare.length - 1] ?? Number.NaN;
      const after = await bareFps(page, url);
      bare.push(after);
      screens[screen.name] = round(fps);
      ratio = Math.min(ratio, fps / ((before + after) / 2));
    }
    rounds.push({ bare: bare.map((fps) => round(fps)), screens, ratio });
  }
  const bareStage = await bareFps(page, url, stage);
  const ratio = median(rounds.map((r) => r.ratio));
  const worst = median(rounds.map((r) => Math.min(...Object.values(r.screens))));
  return {
    measureMs: FPS_MS,
    cpuStealPercent: stealPercent(cpuBefore, cpuTimes()),
    bareFullViewport: round(median(rounds.flatMap((r) => r.bare))),
    bareStageSized: round(bareStage),
    stage,
    rounds: rounds.map((r) => ({ ...r, ratio: round(r.ratio, 3) })),
    ratio: round(ratio, 3),
    ratioToStageSizedBare: round(worst / bareStage, 3),
    goal: GOALS.fpsRatio,
    met: ratio >= GOALS.fpsRatio,
  };
}

/** The renderer's heap over PLAYS plays of the station (after WARMUP), and what is left after. */
async function measurePlays(page: Page, url: string, bench: StationBench) {
  await page.goto(url);
  await page.locator('.attract__cta, .attract button').first().click();
  await page.locator(`[data-station="${bench.station}"]`).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = await heapOverPlays(cdp, (count) => playMany(page, bench, count), {
    warmup: WARMUP,
    plays: PLAYS,
    chunk: HEAP_CHUNK,
    goalMB: GOALS.heapGrowthMB,
  });
  await cdp.detach();
  const hubWorld = await page.evaluate(async () => {
    const canvas = document.querySelector<HTMLCanvasElement>('.world-canvas');
    const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl') ?? null;
    const diag = (window as unknown as { kioskDiagnostics: () => { liveWorld: { frames: number } | null } })
      .kioskDiagnostics;
    const frames0 = diag().liveWorld?.frames ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return {
      contextLost: gl ? gl.isContextLost() : null,
      framesPerSecond: (diag().liveWorld?.frames ?? 0) - frames0,
    };
  });
  const tallies = await page.evaluate(async (station) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
    const response = await fetch('/api/tallies', {
      method: 'POST',
      headers: { 'x-kiosk-token': token },
      body: '',
    });
    return ((await response.json()) as { value: { scenes: Record<string, unknown> } }).value.scenes[station];
  }, bench.station);
  return {
    heap: { scenario: bench.plays, ...heap },
    hubWorldAfterPlays: hubWorld,
    tallies,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'story-bench-'));
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: '3600' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const stations: Record<string, unknown> = {};
    for (const bench of STATIONS.filter(
      (candidate) => ONLY.length === 0 || ONLY.includes(candidate.station),
    )) {
      // A fresh page per station: one station's plays cannot colour the other's heap.
      const page = await browser.newPage({ viewport: VIEWPORT });
      try {
        // tsx (esbuild) wraps named functions in a `__name` helper; functions sent to the page need it too.
        await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
        await routeBaseline(page, host.url);
        const fps = await measureScreens(page, host.url, bench);
        stations[bench.station] = { fps, ...(await measurePlays(page, host.url, bench)) };
      } catch (error) {
        // One station failing still reports the others; `met: false` makes the run fail.
        stations[bench.station] = { error: String(error), met: false };
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    const result = {
      bench: 'story-scene',
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => round(load)) },
      viewport: VIEWPORT,
      stations,
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
