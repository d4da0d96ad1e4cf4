/**
 * The browser-host kiosk's launcher (deploy/bin/not-alone-launcher runs it, under the cage
 * compositor, from the not-alone-kiosk systemd unit): starts Chromium on the offline page,
 * which goes to the host once it answers, and keeps it there (see supervisor.ts).
 *
 * Environment: KIOSK_PORT (8787), KIOSK_DATA_DIR (Chromium's profile goes in its `chromium`
 * folder), CHROMIUM_PATH (else the first Chromium or Chrome found), KIOSK_OFFLINE_PAGE (else
 * the app's deploy/offline/restarting.html). Runs in Node.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileLogger } from '../../backoffice/logger.js';
import { findAppPackage } from '../app-root.js';
import { readHostEnvironment } from '../environment.js';
import { HEALTHZ_PATH } from '../server.js';
import { chromiumArgs } from './chromium-args.js';
import { BrowserSupervisor } from './supervisor.js';
import { parseHealthz, type Healthz } from './watchdog.js';

const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];
const HEALTH_TIMEOUT_MS = 3_000;

/** CHROMIUM_PATH, or the first browser installed. */
export function findBrowser(env: Record<string, string | undefined>, exists = fs.existsSync): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return configured;
  const found = BROWSERS.find((candidate) => exists(candidate));
  if (found === undefined)
    throw new Error(`No Chromium found (tried ${BROWSERS.join(', ')}); set CHROMIUM_PATH.`);
  return found;
}

async function fetchHealth(url: string): Promise<Healthz | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return response.ok ? parseHealthz(await response.json()) : null;
  } catch {
    return null;
  }
}

function main(): void {
  const environment = readHostEnvironment(process.env);
  const app = findAppPackage(path.dirname(fileURLToPath(import.meta.url)));
  const offlinePage =
    process.env.KIOSK_OFFLINE_PAGE?.trim() || path.join(app.root, 'deploy', 'offline', 'restarting.html');
  const hostUrl = `http://127.0.0.1:${environment.port}/`;
  const browser = findBrowser(process.env);
  const args = chromiumArgs({ hostUrl, offlinePage, profileDir: path.join(environment.dataDir, 'chromium') });
  const logger = createFileLogger(environment.dataDir);
  const supervisor = new BrowserSupervisor({
    startBrowser: () => spawn(browser, args, { stdio: 'ignore' }),
    health: () => fetchHealth(new URL(HEALTHZ_PATH, hostUrl).href),
    now: Date.now,
    logger,
  });
  logger.info(`Launcher: ${browser} for ${hostUrl}`);
  supervisor.start();
  const stop = (): void => {
    supervisor.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
