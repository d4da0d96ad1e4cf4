/**
 * Memory benchmark: prints ONE JSON object on stdout.
 *
 *   npm run bench -- memory
 *
 * Plays visitor sessions through every station with the soak driver (bench/soak-driver.ts)
 * on a built browser host, on Playwright's clock. After a warm-up (every station loaded and
 * visited), it samples at the attract loop, after a garbage collection, every SAMPLE_EVERY
 * sessions: the renderer's JS heap, DOM nodes and event listeners (CDP Performance metrics),
 * the live WebGL textures, buffers and programs of every live context (bench/memory-probe.ts:
 * Phaser's and three.js's alike) and the hub world's three.js geometries and textures.
 * Goals: heap growth from the first to the last sample under 3 MB; every count the same in
 * every sample. Env: MEMORY_SESSIONS (300), MEMORY_WARMUP (30), MEMORY_SAMPLE_EVERY (25).
 */
import type { CDPSession, Page } from 'playwright-core';
import { installGlProbe, liveGlObjects } from './memory-probe.js';
import { round, withKiosk } from './measure.js';
import { SoakDriver } from './soak-driver.js';
import { STATION_IDS, watchPageErrors } from './soak-setup.js';

const SESSIONS = Number(process.env.MEMORY_SESSIONS ?? 300);
const WARMUP = Number(process.env.MEMORY_WARMUP ?? 30);
const SAMPLE_EVERY = Number(process.env.MEMORY_SAMPLE_EVERY ?? 25);
const IDLE_SECONDS = 60;
const GOALS = { heapGrowthMb: 3 } as const;

interface Sample {
  after: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  glContexts: number;
  glTextures: number;
  glBuffers: number;
  glPrograms: number;
  worldGeometries: number;
  worldTextures: number;
}

async function sample(page: Page, cdp: CDPSession, after: number): Promise<Sample> {
  // Let the last session's records and frames settle, then collect twice (weak refs, finalisers).
  await page.clock.fastForward(1000);
  await page.waitForTimeout(200);
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
  const gl = await liveGlObjects(page);
  const world = await page.evaluate(() => {
    const live = (
      window as unknown as {
        kioskDiagnostics: () => { liveWorld: { geometries: number; textures: number } | null };
      }
    ).kioskDiagnostics().liveWorld;
    return { geometries: live?.geometries ?? -1, textures: live?.textures ?? -1 };
  });
  return {
    after,
    heapMb: round(metric('JSHeapUsedSize') / 2 ** 20, 2),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    glContexts: gl.contexts,
    glTextures: gl.textures,
    glBuffers: gl.buffers,
    glPrograms: gl.programs,
    worldGeometries: world.geometries,
    worldTextures: world.textures,
  };
}

const result = await withKiosk({ KIOSK_IDLE_SECONDS: String(IDLE_SECONDS) }, async (host, browser) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await installGlProbe(page);
  await page.clock.install();
  await page.goto(host.url);
  await page.getByTestId('start').waitFor({ state: 'visible', timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples: Sample[] = [];
  const started = Date.now();
  const driver = new SoakDriver(
    page,
    {
      sessions: WARMUP + SESSIONS,
      seed: 2026,
      idleMs: IDLE_SECONDS * 1000,
      afterSession: async (index) => {
        const done = index + 1 - WARMUP;
        if (done >= 0 && done % SAMPLE_EVERY === 0) {
          samples.push(await sample(page, cdp, done));
          process.stderr.write(`memory: ${JSON.stringify(samples.at(-1))}\n`);
        }
      },
    },
    STATION_IDS,
  );
  const counts = await driver.run();
  await context.close();
  return { counts, samples, errors, ms: Date.now() - started };
});

const { samples } = result;
const first = samples[0];
const last = samples.at(-1);
if (!first || !last) throw new Error('memory: no samples');
const COUNTS = [
  'nodes',
  'listeners',
  'glContexts',
  'glTextures',
  'glBuffers',
  'glPrograms',
  'worldGeometries',
  'worldTextures',
] as const;
const spread = Object.fromEntries(
  COUNTS.map((key) => {
    const values = samples.map((entry) => entry[key]);
    return [key, { min: Math.min(...values), max: Math.max(...values) }];
  }),
);
const heapGrowthMb = round(last.heapMb - first.heapMb, 2);
console.log(
  JSON.stringify(
    {
      sessions: SESSIONS,
      warmup: WARMUP,
      stations: result.counts.stations,
      minutes: round(result.ms / 60_000, 1),
      heapMb: {
        first: first.heapMb,
        last: last.heapMb,
        max: Math.max(...samples.map((entry) => entry.heapMb)),
      },
      heapGrowthMb,
      counts: spread,
      samples,
      errors: result.errors.slice(0, 20),
      goals: { heapGrowthMb: GOALS.heapGrowthMb, counts: 'constant' },
      met: {
        heapGrowth: heapGrowthMb < GOALS.heapGrowthMb,
        ...Object.fromEntries(COUNTS.map((key) => [key, spread[key]?.min === spread[key]?.max])),
        noErrors: result.errors.length === 0,
      },
    },
    null,
    2,
  ),
);
