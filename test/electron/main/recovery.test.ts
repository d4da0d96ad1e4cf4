import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrashBudget } from '../../../electron/main/crash-budget.js';
import { KIOSK_START_URL, RECOVERY_URL } from '../../../electron/main/kiosk-url.js';
import { setupRecovery } from '../../../electron/main/recovery.js';
import {
  BrowserWindow as FakeWindow,
  fakeEvent,
  resetElectronMock,
  type FakeBrowserWindow,
} from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';

let win: FakeBrowserWindow;
let logger: RecordingLogger;
let now: number;

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers();
  now = 0;
  win = new FakeWindow();
  logger = recordingLogger();
  const budget = new CrashBudget(3, 60_000, () => now);
  setupRecovery(win as unknown as BrowserWindow, { logger, budget, unresponsiveGraceMs: 5_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

function crash(reason = 'crashed', exitCode = 139): void {
  win.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode });
}
function loadedUrls(): string[] {
  return win.webContents.loadURL.mock.calls.map(([url]) => url);
}

describe('setupRecovery', () => {
  it('reloads the start page on the first 3 crashes within 60 s, then shows the recovery page', () => {
    crash('crashed');
    now += 5_000;
    crash('oom');
    now += 5_000;
    crash('abnormal-exit');
    expect(loadedUrls()).toEqual([KIOSK_START_URL, KIOSK_START_URL, KIOSK_START_URL]);
    now += 5_000;
    crash('crashed');
    expect(loadedUrls().at(-1)).toBe(RECOVERY_URL);
    expect(logger.text('error')).toContain('recovery page');
  });

  it('reloads again once 60 s have passed without crashes', () => {
    for (let i = 0; i < 4; i++) crash();
    expect(loadedUrls().at(-1)).toBe(RECOVERY_URL);
    now += 60_000;
    crash();
    expect(loadedUrls().at(-1)).toBe(KIOSK_START_URL);
  });

  it('logs the reason and exit code', () => {
    crash('oom', -1);
    expect(logger.text('warn')).toContain('oom');
    expect(logger.text('warn')).toContain('-1');
  });

  it('ignores a clean exit', () => {
    crash('clean-exit', 0);
    expect(win.webContents.loadURL).not.toHaveBeenCalled();
  });

  it('restarts a renderer that stays unresponsive past the grace period, counting it once', () => {
    win.emit('unresponsive');
    vi.advanceTimersByTime(4_999);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(loadedUrls()).toEqual([KIOSK_START_URL]);
    expect(logger.text('warn')).toContain('unresponsive');
    // Chromium then reports the renderer we killed: not a second crash to recover from.
    crash('killed', 1);
    expect(loadedUrls()).toEqual([KIOSK_START_URL]);
    // A real crash afterwards still counts.
    crash('crashed');
    expect(loadedUrls()).toEqual([KIOSK_START_URL, KIOSK_START_URL]);
  });

  it('leaves a renderer alone when it answers again within the grace period', () => {
    win.emit('unresponsive');
    vi.advanceTimersByTime(3_000);
    win.emit('responsive');
    vi.advanceTimersByTime(10_000);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(win.webContents.loadURL).not.toHaveBeenCalled();
  });

  it('still counts crashes if Chromium never reports the renderer it killed', () => {
    win.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    vi.advanceTimersByTime(5_000); // no 'render-process-gone' came
    crash('crashed');
    expect(loadedUrls()).toEqual([KIOSK_START_URL, KIOSK_START_URL]);
  });

  it('does nothing once the window is destroyed', () => {
    win.destroy();
    crash();
    expect(win.webContents.loadURL).not.toHaveBeenCalled();
  });
});
