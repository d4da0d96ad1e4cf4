import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type * as ElectronMock from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';

let logger: RecordingLogger;
let reopenWindow: Mock<() => void>;
let app: typeof ElectronMock.app;
let FakeWindow: typeof ElectronMock.BrowserWindow;

// staff.ts keeps module state (whether staff asked to exit), so every test loads fresh
// modules — the electron mock included, since the fresh modules import a fresh copy of it.
async function load(): Promise<{
  setupQuitPolicy: typeof import('../../../electron/main/quit-policy.js').setupQuitPolicy;
  exitToDesktop: typeof import('../../../electron/main/staff.js').exitToDesktop;
  isStaffExitRequested: typeof import('../../../electron/main/staff.js').isStaffExitRequested;
}> {
  vi.resetModules();
  const electron = await import('../../mocks/electron.js');
  electron.resetElectronMock();
  app = electron.app;
  FakeWindow = electron.BrowserWindow;
  const { setupQuitPolicy } = await import('../../../electron/main/quit-policy.js');
  const { exitToDesktop, isStaffExitRequested } = await import('../../../electron/main/staff.js');
  return { setupQuitPolicy, exitToDesktop, isStaffExitRequested };
}

beforeEach(() => {
  logger = recordingLogger();
  reopenWindow = vi.fn();
});

describe('quit policy', () => {
  it('refuses to close the kiosk window without the staff exit', async () => {
    const { setupQuitPolicy } = await load();
    const policy = setupQuitPolicy({ logger, reopenWindow });
    const win = new FakeWindow();
    policy.guardWindow(win as unknown as BrowserWindow);
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(logger.text('warn')).toContain('staff exit');
  });

  it('exitToDesktop marks the exit as intended and quits; the window may then close', async () => {
    const { setupQuitPolicy, exitToDesktop, isStaffExitRequested } = await load();
    const policy = setupQuitPolicy({ logger, reopenWindow });
    const win = new FakeWindow();
    policy.guardWindow(win as unknown as BrowserWindow);
    expect(isStaffExitRequested()).toBe(false);
    exitToDesktop();
    expect(isStaffExitRequested()).toBe(true);
    expect(app.quit).toHaveBeenCalledTimes(1);
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('lets windows close during a real quit (OS shutdown, app.quit)', async () => {
    const { setupQuitPolicy } = await load();
    const policy = setupQuitPolicy({ logger, reopenWindow });
    const win = new FakeWindow();
    policy.guardWindow(win as unknown as BrowserWindow);
    app.emit('before-quit', {});
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('lets windows close when the Windows session ends', async () => {
    const { setupQuitPolicy } = await load();
    const policy = setupQuitPolicy({ logger, reopenWindow });
    const win = new FakeWindow();
    policy.guardWindow(win as unknown as BrowserWindow);
    win.emit('session-end', {});
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('window-all-closed reopens the kiosk unless staff asked to leave', async () => {
    const { setupQuitPolicy, exitToDesktop } = await load();
    setupQuitPolicy({ logger, reopenWindow });
    new FakeWindow().destroy();
    expect(reopenWindow).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    exitToDesktop();
    app.quit.mockClear();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(reopenWindow).toHaveBeenCalledTimes(1);
  });
});
