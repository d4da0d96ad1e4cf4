/**
 * The browser host's deployment: the Chromium policy, the launcher's arguments, its
 * supervisor and watchdog (a crashed or hung tab gets Chromium restarted), and the committed
 * deploy/ files, which must match what the code generates.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumArgs, offlineUrl } from '../../electron/host/launcher/chromium-args.js';
import {
  DEFAULT_APP_DIR,
  DEFAULT_DOWNLOAD_DIR,
  offlinePagePath,
  parseInstallArgs,
  policyTargets,
} from '../../electron/host/launcher/install-policy.js';
import { findBrowser } from '../../electron/host/launcher/launcher.js';
import { offlinePageHtml } from '../../electron/host/launcher/offline-page.js';
import { POLICY_DIRS, kioskPolicy, policyJson } from '../../electron/host/launcher/policy.js';
import {
  BrowserSupervisor,
  CHECK_MS,
  KILL_GRACE_MS,
  RESPAWN_FIRST_MS,
  type BrowserProcess,
} from '../../electron/host/launcher/supervisor.js';
import {
  SILENT_LIMIT_MS,
  parseHealthz,
  shouldRestartBrowser,
} from '../../electron/host/launcher/watchdog.js';
import { memoryLogger } from '../backoffice/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

afterEach(() => {
  vi.useRealTimers();
});

describe('the Chromium managed policy', () => {
  const policy = kioskPolicy({
    port: 8787,
    offlinePage: '/opt/k/deploy/offline/restarting.html',
    downloadDir: '/d',
  });

  it('allows only the host on loopback and the offline page', () => {
    expect(policy.URLBlocklist).toEqual(['*']);
    expect(policy.URLAllowlist).toEqual([
      'http://127.0.0.1:8787',
      'file:///opt/k/deploy/offline/restarting.html',
    ]);
  });

  it('switches off DevTools, printing, file dialogs, incognito, guests and other profiles', () => {
    expect(policy).toMatchObject({
      DeveloperToolsAvailability: 2,
      PrintingEnabled: false,
      AllowFileSelectionDialogs: false,
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      BrowserAddPersonEnabled: false,
      TaskManagerEnabled: false,
      ExtensionInstallBlocklist: ['*'],
    });
  });

  it('sends the staff export downloads to one folder without a dialog, refusing dangerous files', () => {
    expect(policy).toMatchObject({
      DownloadRestrictions: 1,
      DownloadDirectory: '/d',
      PromptForDownloadLocation: false,
    });
  });

  it('is committed for the default install as generated', () => {
    const generated = policyJson({
      port: 8787,
      offlinePage: offlinePagePath(DEFAULT_APP_DIR),
      downloadDir: DEFAULT_DOWNLOAD_DIR,
    });
    expect(JSON.parse(read('deploy/chromium/not-alone-kiosk.json'))).toEqual(JSON.parse(generated));
  });
});

describe('npm run deploy:policy', () => {
  it('reads its options and refuses wrong ones', () => {
    expect(parseInstallArgs([])).toEqual({
      port: 8787,
      appDir: DEFAULT_APP_DIR,
      downloadDir: DEFAULT_DOWNLOAD_DIR,
      print: false,
    });
    expect(parseInstallArgs(['--port', '9000', '--app-dir', '/srv/k', '--print'])).toMatchObject({
      port: 9000,
      appDir: '/srv/k',
      print: true,
    });
    expect(() => parseInstallArgs(['--port', '0'])).toThrow(/--port/);
    expect(() => parseInstallArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseInstallArgs(['--force'])).toThrow(/Unknown option --force/);
  });

  it('writes where the installed browsers read policies', () => {
    expect(policyTargets(() => false)).toEqual([POLICY_DIRS.chromium]);
    expect(policyTargets((dir) => dir === '/etc/opt/chrome')).toEqual([POLICY_DIRS.chrome]);
    expect(policyTargets(() => true)).toEqual([POLICY_DIRS.chromium, POLICY_DIRS.chrome]);
  });
});

describe('the offline page', () => {
  it('is committed exactly as generated, bilingual, with 111 and 113, going back only to loopback', () => {
    const html = read('deploy/offline/restarting.html');
    expect(html).toBe(offlinePageHtml());
    expect(html).toContain('Ki-ốt đang khởi động lại');
    expect(html).toContain('The kiosk is restarting');
    expect(html).toMatch(/>111</);
    expect(html).toMatch(/>113</);
    expect(html).toContain(String.raw`/^http:\/\/127\.0\.0\.1:\d{1,5}\/$/`);
    expect(html).not.toMatch(/https:\/\/|<(img|link|iframe)\b/i);
  });
});

describe('the launcher', () => {
  const args = chromiumArgs({
    hostUrl: 'http://127.0.0.1:8787/',
    offlinePage: '/opt/k/deploy/offline/restarting.html',
    profileDir: '/var/lib/k/chromium',
  });

  it('starts Chromium full screen on the offline page, which names the host in its hash', () => {
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--user-data-dir=/var/lib/k/chromium',
        '--no-first-run',
        '--noerrdialogs',
      ]),
    );
    expect(args).toContain('--disable-pinch');
    expect(args).toContain('--overscroll-history-navigation=0');
    expect(args.at(-1)).toBe('file:///opt/k/deploy/offline/restarting.html#http%3A%2F%2F127.0.0.1%3A8787%2F');
    expect(args.at(-1)).toBe(offlineUrl('/opt/k/deploy/offline/restarting.html', 'http://127.0.0.1:8787/'));
  });

  it('never weakens Chromium or opens a debugging door', () => {
    for (const arg of args) {
      expect(arg).not.toMatch(
        /remote-debugging|no-sandbox|disable-web-security|incognito|allow-file-access|--app=/,
      );
    }
  });

  it('finds a browser, or says which it tried', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/x/chrome' }, () => false)).toBe('/x/chrome');
    expect(findBrowser({}, (file) => file === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(() => findBrowser({}, () => false)).toThrow(/No Chromium found .*CHROMIUM_PATH/);
  });
});

describe('the watchdog', () => {
  const healthz = (pageSeenMsAgo: number | null, uptimeMs = 3_600_000) => ({
    ok: true as const,
    pageSeenMsAgo,
    uptimeMs,
  });
  const LONG = 10 * SILENT_LIMIT_MS;

  it.each<[string, ReturnType<typeof healthz> | null, number, boolean]>([
    ['page calls regularly', healthz(20_000), LONG, false],
    ['page silent too long (crashed or hung tab)', healthz(SILENT_LIMIT_MS + 1), LONG, true],
    ['page never called a host that has run long (error page)', healthz(null), LONG, true],
    ['host down: wait for it, keep the page', null, LONG, false],
    ['host just restarted: the page has not had a chance', healthz(null, 10_000), LONG, false],
    ['Chromium just started: the page is loading', healthz(LONG), 10_000, false],
  ])('%s', (_name, health, browserUpMs, restart) => {
    expect(shouldRestartBrowser(health, browserUpMs)).toBe(restart);
  });

  it('reads /healthz answers and nothing else', () => {
    expect(parseHealthz({ ok: true, pageSeenMsAgo: null, uptimeMs: 5 })).toEqual(healthz(null, 5));
    expect(parseHealthz({ ok: true, pageSeenMsAgo: '5', uptimeMs: 5 })).toBeNull();
    expect(parseHealthz('ok')).toBeNull();
  });
});

/** A fake Chromium process that records the signals it gets and exits when told. */
class FakeBrowser extends EventEmitter implements BrowserProcess {
  signals: NodeJS.Signals[] = [];
  kill(signal: NodeJS.Signals): boolean {
    this.signals.push(signal);
    return true;
  }
  exit(signal: NodeJS.Signals | null = null): void {
    this.emit('exit', signal === null ? 1 : null, signal);
  }
}

describe('the browser supervisor', () => {
  function supervise(health: () => ReturnType<typeof parseHealthz>) {
    vi.useFakeTimers();
    const browsers: FakeBrowser[] = [];
    const supervisor = new BrowserSupervisor({
      startBrowser: () => {
        const browser = new FakeBrowser();
        browsers.push(browser);
        return browser;
      },
      health: () => Promise.resolve(health()),
      now: () => Date.now(),
      logger: memoryLogger(),
    });
    supervisor.start();
    return { supervisor, browsers };
  }

  it('starts Chromium again when it exits, waiting longer each time it keeps dying', () => {
    const { supervisor, browsers } = supervise(() => null);
    expect(browsers).toHaveLength(1);
    browsers[0]?.exit();
    vi.advanceTimersByTime(RESPAWN_FIRST_MS);
    expect(browsers).toHaveLength(2);
    browsers[1]?.exit();
    vi.advanceTimersByTime(RESPAWN_FIRST_MS);
    expect(browsers).toHaveLength(2); // now 2 s
    vi.advanceTimersByTime(RESPAWN_FIRST_MS);
    expect(browsers).toHaveLength(3);
    supervisor.stop();
    browsers[2]?.exit('SIGTERM');
    vi.advanceTimersByTime(60_000);
    expect(browsers).toHaveLength(3);
  });

  it('restarts Chromium when the page has gone quiet (a crashed tab), with SIGKILL if SIGTERM is not enough', async () => {
    let pageSeenMsAgo = 1_000;
    const { supervisor, browsers } = supervise(() => ({ ok: true, pageSeenMsAgo, uptimeMs: 3_600_000 }));
    await vi.advanceTimersByTimeAsync(SILENT_LIMIT_MS + CHECK_MS);
    expect(browsers[0]?.signals).toEqual([]);
    pageSeenMsAgo = SILENT_LIMIT_MS + 1; // "Aw, Snap!": the page stopped calling
    await vi.advanceTimersByTimeAsync(CHECK_MS);
    expect(browsers[0]?.signals).toEqual(['SIGTERM']);
    await vi.advanceTimersByTimeAsync(KILL_GRACE_MS);
    expect(browsers[0]?.signals).toEqual(['SIGTERM', 'SIGKILL']);
    browsers[0]?.exit('SIGKILL');
    await vi.advanceTimersByTimeAsync(RESPAWN_FIRST_MS);
    expect(browsers).toHaveLength(2);
    supervisor.stop();
  });
});

describe('the systemd units', () => {
  it('restart the host and the kiosk screen forever', () => {
    for (const unit of ['not-alone-host.service', 'not-alone-kiosk.service']) {
      const text = read(`deploy/systemd/${unit}`);
      expect(text, unit).toMatch(/^Restart=always$/m);
      expect(text, unit).toMatch(/^StartLimitIntervalSec=0$/m);
      expect(text, unit).toMatch(/^User=kiosk$/m);
    }
  });

  it('run the built host, and the launcher inside cage without VT switching', () => {
    expect(read('deploy/systemd/not-alone-host.service')).toMatch(
      /^ExecStart=\/usr\/bin\/node \/opt\/not-alone-kiosk\/dist\/node\/electron\/host\/cli\.js$/m,
    );
    const kiosk = read('deploy/systemd/not-alone-kiosk.service');
    expect(kiosk).toMatch(
      /^ExecStart=\/usr\/bin\/cage -d -- \/opt\/not-alone-kiosk\/deploy\/bin\/not-alone-launcher$/m,
    );
    expect(kiosk).not.toMatch(/cage[^\n]* -s\b/);
    expect(read('deploy/bin/not-alone-launcher')).toContain('dist/node/electron/host/launcher/launcher.js');
    expect(fs.statSync(path.join(ROOT, 'deploy/bin/not-alone-launcher')).mode & 0o111).not.toBe(0);
  });
});
