/**
 * Starts the real browser host (the built `dist/node/electron/host/cli.js`) on a free port
 * with its own data folder, for end-to-end tests; restartable on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const CLI = path.resolve('dist/node/electron/host/cli.js');

export interface RunningHost {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a host process and resolves once it prints its URL. */
export async function startHost(dataDir: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [CLI], {
    env: { ...process.env, KIOSK_PORT: '0', KIOSK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`host did not start:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ dataDir: string; host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir);
    await use(host);
    await host.stop();
  },
});

export { expect };

/** Calls the bridge from inside the page, exactly as the renderer does. */
export async function bridge(page: Page, channel: string, request?: unknown): Promise<unknown> {
  return page.evaluate(
    async ([name, payload]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
        body: payload === undefined ? '' : JSON.stringify(payload),
      });
      return (await response.json()) as unknown;
    },
    [channel, request] as const,
  );
}

/** The renderer's diagnostics (state, session, live 3D resources). */
export async function diagnostics(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() =>
    (window as unknown as { kioskDiagnostics: () => Record<string, unknown> }).kioskDiagnostics(),
  );
}

/** Where screenshots for review go (not committed). */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');
