/**
 * The real Electron shell, end to end: the built app launched with Playwright's `_electron`.
 * Checks what unit tests against the electron mock cannot: the window really is a kiosk,
 * the preload really exposes only `window.kiosk`, the page has no Node, the bridge answers,
 * `window.open` is refused, and app:// sends the CSP and refuses traversal.
 *
 * Skips where the Electron binary is missing (its download is blocked on the build machines).
 * Needs `npm run build` first.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNEL_NAMES, type KioskApi } from '../../electron/bridge/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/serving/csp.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT_MAIN = path.join(REPO_ROOT, 'dist', 'node', 'electron', 'main', 'main.js');
const SKIP_REASON =
  'Electron binary is not installed on this machine (download blocked); run npm start where Electron can be installed.';

/**
 * The Electron executable, or null when it is not installed. The `electron` package's
 * main export is that path, but requiring it when the binary is missing starts a download
 * and then throws "Electron failed to install correctly": so look for the binary first,
 * and only then ask the package (catching that error all the same).
 */
function electronBinary(): string | null {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override) {
    if (!fs.existsSync(pathFile)) return null;
    const expected = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    if (!fs.existsSync(expected)) return null;
  }
  try {
    const executable: unknown = require('electron');
    return typeof executable === 'string' && fs.existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('Electron kiosk shell', () => {
  test.skip(binary === null, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run "npm run build" first.`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-e2e-'));
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      // Chromium refuses to run as root with its sandbox on (CI containers run as root).
      args: process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'],
      cwd: REPO_ROOT,
      env: { ...process.env, KIOSK_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows one fullscreen kiosk window on the app:// start page', async () => {
    expect(page.url()).toBe('app://kiosk/index.html');
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow, screen }) => {
          const windows = BrowserWindow.getAllWindows();
          const win = windows[0];
          if (!win) return { count: 0, kiosk: false, coversDisplay: false };
          const bounds = win.getBounds();
          const display = screen.getDisplayMatching(bounds).bounds;
          return {
            count: windows.length,
            kiosk: win.isKiosk(),
            coversDisplay:
              win.isFullScreen() || (bounds.width >= display.width && bounds.height >= display.height),
          };
        }),
      )
      .toEqual({ count: 1, kiosk: true, coversDisplay: true });
  });

  test('window.kiosk has exactly the contract methods, and the page has no Node', async () => {
    const methods = await page.evaluate(() => {
      const kiosk = (window as unknown as { kiosk: Record<string, unknown> }).kiosk;
      return Object.keys(kiosk).map((name) => `${name}:${typeof kiosk[name]}`);
    });
    expect(methods.sort()).toEqual(CHANNEL_NAMES.map((name) => `${name}:function`).sort());
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  test('a tallies call goes through the bridge', async () => {
    const result = await page.evaluate(() =>
      (window as unknown as { kiosk: KioskApi }).kiosk.tallies(undefined),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.totals.sessions).toBeGreaterThanOrEqual(0);
  });

  test('window.open is refused', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await page.evaluate(() => window.open('app://kiosk/index.html') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('app:// sends the CSP and refuses path traversal', async () => {
    const answers = await page.evaluate(async () => {
      const index = await fetch('app://kiosk/index.html');
      const traversal = await fetch('app://kiosk/..%2f..%2f..%2fetc%2fpasswd');
      return { csp: index.headers.get('content-security-policy'), traversal: traversal.status };
    });
    expect(answers).toEqual({ csp: CONTENT_SECURITY_POLICY, traversal: 404 });
  });
});
