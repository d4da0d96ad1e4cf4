/**
 * Start-up benchmark: prints ONE JSON object on stdout.
 *
 *   npm run bench -- startup
 *
 * Cold start (fresh browser context: empty cache) of the browser host to an interactive
 * attract loop — the start button visible and the 3D world's first frame drawn — against a
 * bare page that boots Phaser and three.js (bench/bare-startup.html: the same builds, each
 * drawing one frame), served by a plain Node static server on the same machine. Both are
 * timed in the page (ms since navigation start), alternating bare / kiosk over ROUNDS so
 * machine noise hits both alike; the ratio is of the medians. Goal: ratio ≤ 1.
 * Env: CHROMIUM_PATH, BENCH_ROUNDS (7).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { transform } from 'esbuild';
import type { Browser } from 'playwright-core';
import { median, round, withKiosk } from './measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const GOALS = { ratio: 1 } as const;
const ROOT = path.resolve(import.meta.dirname, '..');
const VIEWPORT = { width: 1920, height: 1080 };

/** three's ES module build, minified as the kiosk's own bundle is (three ships no minified ESM). */
async function minified(file: string): Promise<Buffer> {
  const { code } = await transform(readFileSync(path.join(ROOT, 'node_modules/three/build', file), 'utf8'), {
    minify: true,
    format: 'esm',
  });
  return Buffer.from(code);
}

/** A static server for the baseline page and the engines' own (minified) builds. */
async function serveBaseline(): Promise<{ url: string; close: () => Promise<void> }> {
  const files: Record<string, { type: string; body: Buffer }> = {
    '/bare-startup.html': {
      type: 'text/html',
      body: readFileSync(path.join(ROOT, 'bench/bare-startup.html')),
    },
    '/phaser.js': {
      type: 'text/javascript',
      body: readFileSync(path.join(ROOT, 'node_modules/phaser/dist/phaser.min.js')),
    },
    '/three.module.js': { type: 'text/javascript', body: await minified('three.module.js') },
    '/three.core.js': { type: 'text/javascript', body: await minified('three.core.js') },
  };
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/bare-startup.html`,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

/** Ms from navigation to the bare page's two engines having drawn, in a fresh context. */
async function bareStart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (window as unknown as { bareStartup?: number }).bareStartup,
    null,
    {
      polling: 10,
      timeout: 60_000,
    },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

/** Ms from navigation to the kiosk's start button visible and its world drawn, in a fresh context. */
async function kioskStart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const start = document.querySelector('[data-testid="start"]');
      const diagnostics = (
        window as unknown as { kioskDiagnostics?: () => { liveWorld: { frames: number } | null } }
      ).kioskDiagnostics?.();
      const drawn = (diagnostics?.liveWorld?.frames ?? 0) > 0;
      return start?.checkVisibility({ checkVisibilityCSS: true }) === true && drawn ? performance.now() : 0;
    },
    null,
    { polling: 10, timeout: 60_000 },
  );
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

const baseline = await serveBaseline();
try {
  const result = await withKiosk({}, async (host, browser) => {
    // One unmeasured round each: the OS file cache and Chromium's own start-up, not ours.
    await bareStart(browser, baseline.url);
    await kioskStart(browser, host.url);
    const bare: number[] = [];
    const kiosk: number[] = [];
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      bare.push(await bareStart(browser, baseline.url));
      kiosk.push(await kioskStart(browser, host.url));
    }
    return { bare, kiosk };
  });
  const ratio = median(result.kiosk) / median(result.bare);
  console.log(
    JSON.stringify(
      {
        rounds: ROUNDS,
        viewport: VIEWPORT,
        bareMs: { median: Math.round(median(result.bare)), all: result.bare.map((ms) => Math.round(ms)) },
        kioskMs: { median: Math.round(median(result.kiosk)), all: result.kiosk.map((ms) => Math.round(ms)) },
        ratio: round(ratio, 2),
        goals: GOALS,
        met: { ratio: ratio <= GOALS.ratio },
      },
      null,
      2,
    ),
  );
} finally {
  await baseline.close();
}
