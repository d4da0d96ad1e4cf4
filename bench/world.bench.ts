/**
 * Hub-world benchmark: prints ONE JSON object on stdout.
 *
 *   npm run build && node --import tsx bench/world.bench.ts
 *
 * Runs the built browser host (temp data folder) in Chromium (playwright-core, software WebGL
 * here) and measures, in landscape 1920×1080 and portrait 1080×1920:
 * - the attract loop's and the hub's frame rate: animation frames per second in the page and
 *   frames the world drew per second, after letting the quality governor settle;
 * - the resolution they settle at: the live layer's pixel ratio and drawing-buffer size, the
 *   backdrop's size (always the full device resolution), and the live layer's detail level;
 * - the same frame rate of a bare three.js page (bench/bare-three.html: same three build and
 *   renderer settings, empty scene, full viewport) in the same run, alternating baseline /
 *   attract / baseline / hub / baseline so machine noise hits all alike; ratios are medians
 *   over rounds.
 * Env: CHROMIUM_PATH, BENCH_ROUNDS (3), BENCH_FPS_MS (5000), BENCH_SETTLE_MS (6000).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { cpuTimes, measureFps, median, round, stealPercent, withKiosk } from './measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FPS_MS = Number(process.env.BENCH_FPS_MS ?? 5000);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 6000);
const VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
} as const;
/** The hub must keep up with the attract loop; both near the bare page. */
const GOALS = { hubToAttract: 0.95, pixelRatio: 1 } as const;
const ROOT = path.resolve(import.meta.dirname, '..');

interface WorldReading {
  fps: number;
  worldFps: number;
  pixelRatio: number;
  detail: number;
  render: { width: number; height: number };
  backdrop: { width: number; height: number };
}

interface LiveWorld {
  frames: number;
  pixelRatio: number;
  detail?: number;
  render?: { width: number; height: number };
  backdrop?: { width: number; height: number };
}

/** Serves the bare baseline page and three's own build on the host's origin. */
async function routeBaseline(page: Page, url: string): Promise<void> {
  const files: Record<string, string> = {
    'bare-three.html': path.join(ROOT, 'bench/bare-three.html'),
    'three.module.js': path.join(ROOT, 'node_modules/three/build/three.module.js'),
    'three.core.js': path.join(ROOT, 'node_modules/three/build/three.core.js'),
  };
  await page.route(`${url}bench/**`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const file = files[name];
    if (file === undefined) return route.fulfill({ status: 404 });
    return route.fulfill({
      contentType: name.endsWith('.html') ? 'text/html' : 'text/javascript',
      body: readFileSync(file, 'utf8'),
    });
  });
}

async function bareFps(page: Page, url: string): Promise<number> {
  await page.goto(`${url}bench/bare-three.html`);
  await page.waitForFunction(() => (window as unknown as { bareReady?: boolean }).bareReady === true);
  await page.waitForTimeout(1000);
  return measureFps(page, FPS_MS);
}

function liveWorld(page: Page): Promise<LiveWorld | null> {
  return page.evaluate(
    () =>
      (window as unknown as { kioskDiagnostics?: () => { liveWorld: LiveWorld | null } }).kioskDiagnostics?.()
        .liveWorld ?? null,
  );
}

/** Lets the governor settle, then reads the frame rates and the resolution. */
async function readWorld(page: Page): Promise<WorldReading> {
  await page.waitForTimeout(SETTLE_MS);
  const before = await liveWorld(page);
  const started = Date.now();
  const fps = await measureFps(page, FPS_MS);
  const after = await liveWorld(page);
  const seconds = (Date.now() - started) / 1000;
  if (!before || !after) throw new Error('bench: the 3D world is not running');
  return {
    fps,
    worldFps: (after.frames - before.frames) / seconds,
    pixelRatio: after.pixelRatio,
    detail: after.detail ?? -1,
    render: after.render ?? { width: 0, height: 0 },
    backdrop: after.backdrop ?? { width: 0, height: 0 },
  };
}

async function openAttract(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () =>
      ((
        window as unknown as { kioskDiagnostics?: () => { liveWorld: { frames: number } | null } }
      ).kioskDiagnostics?.().liveWorld?.frames ?? 0) > 5,
  );
}

async function openHub(page: Page, url: string): Promise<void> {
  await openAttract(page, url);
  await page.getByTestId('start').click();
  await page.locator('.station-card').first().waitFor();
}

const summary = (readings: WorldReading[]): Record<string, unknown> => ({
  fps: round(median(readings.map((r) => r.fps))),
  worldFps: round(median(readings.map((r) => r.worldFps))),
  pixelRatio: median(readings.map((r) => r.pixelRatio)),
  detail: median(readings.map((r) => r.detail)),
  render: readings.at(-1)?.render,
  backdrop: readings.at(-1)?.backdrop,
});

async function benchViewport(page: Page, url: string): Promise<Record<string, unknown>> {
  const rounds: { bare: number[]; attract: WorldReading; hub: WorldReading }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const bareA = await bareFps(page, url);
    await openAttract(page, url);
    const attract = await readWorld(page);
    const bareB = await bareFps(page, url);
    await openHub(page, url);
    const hub = await readWorld(page);
    const bareC = await bareFps(page, url);
    rounds.push({ bare: [bareA, bareB, bareC], attract, hub });
  }
  const attractRatio = median(rounds.map((r) => r.attract.fps / (((r.bare[0] ?? 0) + (r.bare[1] ?? 0)) / 2)));
  const hubRatio = median(rounds.map((r) => r.hub.fps / (((r.bare[1] ?? 0) + (r.bare[2] ?? 0)) / 2)));
  const hubToAttract = median(rounds.map((r) => r.hub.fps / r.attract.fps));
  const hub = summary(rounds.map((r) => r.hub));
  return {
    bareThree: round(median(rounds.flatMap((r) => r.bare))),
    attract: summary(rounds.map((r) => r.attract)),
    hub,
    ratioToBare: { attract: round(attractRatio, 3), hub: round(hubRatio, 3) },
    hubToAttract: round(hubToAttract, 3),
    rounds: rounds.map((r) => ({
      bare: r.bare.map((fps) => round(fps)),
      attract: {
        fps: round(r.attract.fps),
        worldFps: round(r.attract.worldFps),
        pixelRatio: r.attract.pixelRatio,
      },
      hub: { fps: round(r.hub.fps), worldFps: round(r.hub.worldFps), pixelRatio: r.hub.pixelRatio },
    })),
    met: {
      hubAtLeastAttract: hubToAttract >= GOALS.hubToAttract,
      fullResolution:
        Math.min(...rounds.map((r) => Math.min(r.attract.pixelRatio, r.hub.pixelRatio))) >= GOALS.pixelRatio,
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const results = await withKiosk({ KIOSK_IDLE_SECONDS: '3600' }, async (host, browser) => {
    const byViewport: Record<string, unknown> = {};
    const cpuBefore = cpuTimes();
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const page = await browser.newPage({ viewport });
      // tsx (esbuild) wraps named functions in a `__name` helper; functions sent to the page need it too.
      await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
      await routeBaseline(page, host.url);
      byViewport[name] = { viewport, ...(await benchViewport(page, host.url)) };
      await page.close();
    }
    return { cpuStealPercent: stealPercent(cpuBefore, cpuTimes()), ...byViewport };
  });
  const result = {
    bench: 'world',
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => round(load)) },
    measureMs: FPS_MS,
    settleMs: SETTLE_MS,
    rounds: ROUNDS,
    goals: GOALS,
    ...results,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
