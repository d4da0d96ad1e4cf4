/**
 * Lantern-lake benchmark: prints ONE JSON object on stdout.
 *
 *   node --import tsx bench/lake.bench.ts
 *
 * Builds bench/lake.html (the pledge station's lake alone) with vite, serves it and a bare
 * three.js page (bench/bare-three.html) through Playwright routes, and measures frames per
 * second in Chromium (software WebGL here) at 1920×1080 for: the bare page, the lake with
 * 1,000 lanterns and the lake with 100,000, alternating rounds so machine noise hits all
 * alike. Ratios are medians over rounds. Also the time to paint the far field once.
 * Env: CHROMIUM_PATH, BENCH_ROUNDS (3), BENCH_FPS_MS (5000).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.js';
import { measureFps, median, round } from './measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FPS_MS = Number(process.env.BENCH_FPS_MS ?? 5000);
const ROOT = path.resolve(import.meta.dirname, '..');
const ORIGIN = 'http://bench.local/';
/** The goal: 100,000 lanterns hold at least 0.9 of the frame rate of 1,000. */
const GOAL = 0.9;

async function buildLakePage(outDir: string): Promise<void> {
  await build({
    root: path.join(ROOT, 'bench'),
    base: './',
    logLevel: 'silent',
    configFile: false,
    build: { outDir, emptyOutDir: true, rollupOptions: { input: path.join(ROOT, 'bench/lake.html') } },
  });
}

async function route(page: Page, outDir: string): Promise<void> {
  const files: Record<string, string> = {
    'bare-three.html': path.join(ROOT, 'bench/bare-three.html'),
    'three.module.js': path.join(ROOT, 'node_modules/three/build/three.module.js'),
    'three.core.js': path.join(ROOT, 'node_modules/three/build/three.core.js'),
  };
  await page.route(`${ORIGIN}**`, (request) => {
    const name = new URL(request.request().url()).pathname.replace(/^\//, '');
    const file = files[name] ?? path.join(outDir, name);
    try {
      const body = readFileSync(file);
      const type = name.endsWith('.html')
        ? 'text/html'
        : name.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
      return request.fulfill({ contentType: type, body });
    } catch {
      return request.fulfill({ status: 404 });
    }
  });
}

async function bareFps(page: Page): Promise<number> {
  await page.goto(`${ORIGIN}bare-three.html`);
  await page.waitForFunction(() => (window as unknown as { bareReady?: boolean }).bareReady === true);
  await page.waitForTimeout(1000);
  return measureFps(page, FPS_MS);
}

async function lakeFps(
  page: Page,
  lanterns: number,
): Promise<{ fps: number; paintMs: number; live: number }> {
  await page.goto(`${ORIGIN}lake.html?lanterns=${lanterns}`);
  await page.waitForFunction(() => (window as unknown as { lakeReady?: boolean }).lakeReady === true);
  await page.waitForTimeout(1000);
  const fps = await measureFps(page, FPS_MS);
  const stats = await page.evaluate(() =>
    (window as unknown as { lakeStats: () => { paintMs: number; live: number } }).lakeStats(),
  );
  return { fps, paintMs: stats.paintMs, live: stats.live };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'lake-bench-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    await buildLakePage(outDir);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // tsx (esbuild) wraps named functions in a `__name` helper; functions sent to the page need it too.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await route(page, outDir);
    const bare: number[] = [];
    const small: number[] = [];
    const large: number[] = [];
    const paint: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await bareFps(page));
      small.push((await lakeFps(page, 1000)).fps);
      const big = await lakeFps(page, 100_000);
      large.push(big.fps);
      paint.push(big.paintMs);
    }
    const ratio = median(large.map((fps, i) => fps / (small[i] ?? fps)));
    const result = {
      viewport: '1920x1080',
      rounds: ROUNDS,
      fps: { bareThree: round(median(bare)), lake1k: round(median(small)), lake100k: round(median(large)) },
      ratio100kTo1k: round(ratio),
      ratio100kToBare: round(median(large.map((fps, i) => fps / (bare[i] ?? fps)))),
      farFieldPaintMs100k: round(median(paint), 0),
      goal: { ratio100kTo1k: GOAL },
      met: ratio >= GOAL,
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
