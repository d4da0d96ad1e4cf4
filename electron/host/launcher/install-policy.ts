/**
 * `npm run deploy:policy`: writes the kiosk's Chromium managed policy (policy.ts) where
 * Chromium and Google Chrome read it, and the offline "restarting" page next to the app.
 * Run it as root on the kiosk (the policy folders belong to root).
 *
 *   npm run deploy:policy -- [--port 8787] [--app-dir /opt/not-alone-kiosk]
 *                            [--downloads /var/lib/not-alone-kiosk/downloads] [--print]
 *
 * --print writes the policy to stdout instead (to review it, or to copy it to Windows as
 * registry values). Runs in Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT } from '../environment.js';
import { offlinePageHtml } from './offline-page.js';
import { POLICY_DIRS, POLICY_FILE_NAME, policyJson } from './policy.js';

/** Where the deploy files expect the app and its data on a Linux kiosk. */
export const DEFAULT_APP_DIR = '/opt/not-alone-kiosk';
export const DEFAULT_DOWNLOAD_DIR = '/var/lib/not-alone-kiosk/downloads';

export interface InstallOptions {
  port: number;
  appDir: string;
  downloadDir: string;
  print: boolean;
}

/**
 * Reads the command line.
 * @throws Error naming the option that is wrong
 */
export function parseInstallArgs(argv: readonly string[]): InstallOptions {
  const options: InstallOptions = {
    port: DEFAULT_PORT,
    appDir: DEFAULT_APP_DIR,
    downloadDir: DEFAULT_DOWNLOAD_DIR,
    print: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${String(arg)} needs a value.`);
      return next;
    };
    if (arg === '--print') options.print = true;
    else if (arg === '--port') {
      options.port = Number(value());
      if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
        throw new Error('--port must be a whole number from 1 to 65535.');
      }
    } else if (arg === '--app-dir') options.appDir = path.resolve(value());
    else if (arg === '--downloads') options.downloadDir = path.resolve(value());
    else throw new Error(`Unknown option ${String(arg)}.`);
  }
  return options;
}

/** The offline page's path inside the app folder. */
export function offlinePagePath(appDir: string): string {
  return path.join(appDir, 'deploy', 'offline', 'restarting.html');
}

/**
 * The managed-policy folders to write: each browser's whose configuration folder exists, or
 * Chromium's when neither does yet.
 */
export function policyTargets(exists: (dir: string) => boolean = fs.existsSync): string[] {
  const found = Object.values(POLICY_DIRS).filter((dir) => exists(path.dirname(path.dirname(dir))));
  return found.length > 0 ? found : [POLICY_DIRS.chromium];
}

function main(): void {
  const options = parseInstallArgs(process.argv.slice(2));
  const offlinePage = offlinePagePath(options.appDir);
  const json = policyJson({ port: options.port, offlinePage, downloadDir: options.downloadDir });
  if (options.print) {
    process.stdout.write(json);
    return;
  }
  fs.mkdirSync(path.dirname(offlinePage), { recursive: true });
  fs.writeFileSync(offlinePage, offlinePageHtml(), { mode: 0o644 });
  console.log(`Offline page: ${offlinePage}`);
  fs.mkdirSync(options.downloadDir, { recursive: true });
  for (const dir of policyTargets()) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, POLICY_FILE_NAME), json, { mode: 0o644 });
    console.log(
      `Chromium policy: ${path.join(dir, POLICY_FILE_NAME)} (restart Chromium; check chrome://policy)`,
    );
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
