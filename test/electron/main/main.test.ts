import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, ipcChannel } from '../../../electron/bridge/contract.js';
import type * as ElectronMock from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';

// The entry wires real modules together; only the two edges that need the real Electron
// runtime or another team's code are replaced: electron-log and the back office.
const edges = vi.hoisted(() => ({
  logger: null as RecordingLogger | null,
  openElectronBackOffice: null as ((options: unknown) => unknown) | null,
}));
vi.mock('../../../electron/main/logging.js', () => ({
  setupLogging: () => edges.logger,
}));
vi.mock('../../../electron/main/backoffice-wiring.js', () => ({
  openElectronBackOffice: (options: unknown) => edges.openElectronBackOffice?.(options),
}));

const CONFIG = { kioskId: 'k1', version: '0.1.0', language: 'vi', idleSeconds: 90, host: 'electron' };

let electron: typeof ElectronMock;
let logger: RecordingLogger;
let dataDir: string;
let close: ReturnType<typeof vi.fn>;
let backOfficeOptions: unknown;

/** Loads main.ts afresh (it runs on import) and waits until it has started or given up. */
async function startMain(): Promise<boolean> {
  const main = await import('../../../electron/main/main.js');
  return main.started;
}

beforeEach(async () => {
  vi.resetModules();
  electron = await import('../../mocks/electron.js');
  electron.resetElectronMock();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-main-'));
  vi.stubEnv('KIOSK_DATA_DIR', dataDir);
  logger = recordingLogger();
  edges.logger = logger;
  close = vi.fn();
  backOfficeOptions = undefined;
  edges.openElectronBackOffice = (options) => {
    backOfficeOptions = options;
    return {
      backOffice: { close },
      handlers: { record: vi.fn(), tallies: vi.fn(), config: () => CONFIG, health: vi.fn(), log: vi.fn() },
    };
  };
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('main.ts', () => {
  it('registers the app:// scheme before ready and serves it after', async () => {
    expect(await startMain()).toBe(true);
    const registered = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    const ready = electron.app.whenReady.mock.invocationCallOrder[0] ?? -Infinity;
    expect(registered).toBeLessThan(ready);
    expect(electron.protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.protocol.handlers.has('app')).toBe(true);
  });

  it('opens one locked-down kiosk window with the built preload, on the start page', async () => {
    await startMain();
    const windows = electron.BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(1);
    const win = windows[0];
    expect(win?.options).toMatchObject({
      kiosk: true,
      webPreferences: {
        preload: path.join(electron.app.getAppPath(), 'dist', 'preload', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        devTools: false, // unpackaged (like `npm start`), but KIOSK_DEVTOOLS is not set
      },
    });
    expect(win?.webContents.getURL()).toBe('app://kiosk/index.html');
    expect(win?.webContents.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('locks the default session, keeps the display awake and sets touch switches', async () => {
    await startMain();
    expect(electron.session.defaultSession.permissionCheckHandler?.(null, 'media', 'app://kiosk', {})).toBe(
      false,
    );
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(electron.app.commandLine.switches.has('disable-pinch')).toBe(true);
  });

  it('uses KIOSK_DATA_DIR for the back office and keeps Chromium’s profile inside it', async () => {
    await startMain();
    expect(backOfficeOptions).toMatchObject({ dataDir, version: '0.1.0' });
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'chromium'));
  });

  it('answers bridge calls from the kiosk page end to end, and refuses others', async () => {
    await startMain();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    const contents = electron.BrowserWindow.getAllWindows()[0]?.webContents;
    const event = { sender: contents, senderFrame: contents?.mainFrame } as unknown as IpcMainInvokeEvent;
    expect(await electron.ipcMain.invoke('kiosk:config', event, undefined)).toEqual({
      ok: true,
      value: CONFIG,
    });
    const stranger = new electron.BrowserWindow().webContents;
    const foreign = { sender: stranger, senderFrame: stranger.mainFrame } as unknown as IpcMainInvokeEvent;
    expect(await electron.ipcMain.invoke('kiosk:config', foreign, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('opens DevTools in an unpackaged build only with KIOSK_DEVTOOLS=1', async () => {
    vi.stubEnv('KIOSK_DEVTOOLS', '1');
    await startMain();
    expect(electron.BrowserWindow.getAllWindows()[0]?.options).toMatchObject({
      webPreferences: { devTools: true },
    });
  });

  it('closes a native export chooser by replacing the kiosk window it belongs to', async () => {
    await startMain();
    const first = electron.BrowserWindow.getAllWindows()[0];
    (backOfficeOptions as { closeDialog: () => void }).closeDialog();
    expect(first?.destroyed).toBe(true);
    const windows = electron.BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(1);
    expect(windows[0]).not.toBe(first);
    expect(windows[0]?.webContents.getURL()).toBe('app://kiosk/index.html');
    expect(logger.text('warn')).toContain('close the export folder chooser');
  });

  it('closes the back office when the app quits', async () => {
    await startMain();
    electron.app.emit('will-quit', {});
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('reopens the kiosk window if it disappears without the staff exit', async () => {
    await startMain();
    electron.BrowserWindow.getAllWindows()[0]?.destroy();
    const windows = electron.BrowserWindow.getAllWindows();
    expect(windows).toHaveLength(1);
    expect(windows[0]?.webContents.getURL()).toBe('app://kiosk/index.html');
    // The gateway follows the new window.
    const contents = windows[0]?.webContents;
    const event = { sender: contents, senderFrame: contents?.mainFrame } as unknown as IpcMainInvokeEvent;
    expect(await electron.ipcMain.invoke('kiosk:config', event, undefined)).toMatchObject({ ok: true });
  });

  it('a second instance quits at once and opens nothing', async () => {
    electron.app.singleInstanceLock = false;
    expect(await startMain()).toBe(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.getAllWindows()).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('logs, tells staff and exits with status 1 when start-up fails', async () => {
    edges.openElectronBackOffice = () => {
      throw new Error(`Data folder ${dataDir} is not writable`);
    };
    expect(await startMain()).toBe(false);
    expect(logger.text('error')).toContain('not writable');
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });
});
