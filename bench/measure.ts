/**
 * Helpers shared by the browser benchmarks: frame rates counted in the page, medians, and
 * how much CPU the hypervisor took from this machine meanwhile. Runs in Node.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.js';
import { startHost, type RunningHost } from '../test/support/host-process.js';

/** Animation frames per second over `ms`, counted in the page. */
export function measureFps(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        let start = 0;
        const step = (now: number): void => {
          if (start === 0) start = now;
          else frames += 1;
          if (now - start < duration) requestAnimationFrame(step);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** CPU time counters of the whole machine (Linux /proc/stat), or null elsewhere. */
export function cpuTimes(): { steal: number; total: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1);
    const numbers = fields.map(Number);
    return { steal: numbers[7] ?? 0, total: numbers.reduce((sum, value) => sum + value, 0) };
  } catch {
    return null;
  }
}

/**
 * Share of CPU time taken by the hypervisor for other guests between two readings, in %.
 * On a shared virtual machine this is what makes single frame-rate readings swing.
 */
export function stealPercent(
  from: ReturnType<typeof cpuTimes>,
  to: ReturnType<typeof cpuTimes>,
): number | null {
  if (!from || !to || to.total === from.total) return null;
  return round((100 * (to.steal - from.steal)) / (to.total - from.total), 1);
}

/**
 * Runs `work` against a built browser host on a fresh data folder and a Chromium, then stops
 * both and removes the folder, whatever happened.
 */
export async function withKiosk<T>(
  env: Record<string, string>,
  work: (host: RunningHost, browser: Browser) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
  const host = await startHost(dataDir, env);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    return await work(host, browser);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The renderer's JS heap (after forced garbage collection), DOM nodes and event listeners. */
export interface HeapSample {
  heapMB: number;
  nodes: number;
  listeners: number;
}

/** Samples the page's heap through CDP (Performance must be enabled), after three GCs. */
export async function heapSample(cdp: CDPSession): Promise<HeapSample> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    heapMB: round(metric('JSHeapUsedSize') / (1024 * 1024), 3),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

/**
 * Heap growth over many plays: `play(n)` plays n times; after `warmup` plays the heap is
 * sampled, then every `chunk` plays up to `plays`, and the growth is compared with `goalMB`.
 */
export async function heapOverPlays(
  cdp: CDPSession,
  play: (count: number) => Promise<void>,
  options: { warmup: number; plays: number; chunk: number; goalMB: number },
) {
  const { warmup, plays, chunk, goalMB } = options;
  await play(warmup);
  const before = await heapSample(cdp);
  const series = [{ plays: 0, heapMB: before.heapMB }];
  const started = Date.now();
  for (let done = 0; done < plays;) {
    const step = Math.min(chunk, plays - done);
    await play(step);
    done += step;
    if (done < plays) series.push({ plays: done, heapMB: (await heapSample(cdp)).heapMB });
  }
  const playsMs = Date.now() - started;
  const after = await heapSample(cdp);
  series.push({ plays, heapMB: after.heapMB });
  const growthMB = round(after.heapMB - before.heapMB, 3);
  return {
    warmupPlays: warmup,
    plays,
    msPerPlay: Math.round(playsMs / Math.max(1, plays)),
    afterWarmupMB: before.heapMB,
    afterPlaysMB: after.heapMB,
    growthMB,
    perPlayKB: round((growthMB * 1024) / Math.max(1, plays), 2),
    series,
    domNodes: { afterWarmup: before.nodes, afterPlays: after.nodes },
    listeners: { afterWarmup: before.listeners, afterPlays: after.listeners },
    goalMB,
    met: growthMB < goalMB,
  };
}
