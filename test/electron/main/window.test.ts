import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KIOSK_START_URL } from '../../../electron/main/kiosk-url.js';
import {
  createKioskWindow,
  devToolsAllowed,
  KIOSK_BACKGROUND_COLOR,
  kioskWindowOptions,
} from '../../../electron/main/window.js';
import { app, BrowserWindow, Menu, resetElectronMock, type FakeWebContents } from '../../mocks/electron.js';
import { recordingLogger } from '../support/fake-logger.js';

beforeEach(() => {
  resetElectronMock();
});

describe('kioskWindowOptions', () => {
  it('is a fullscreen kiosk window on the app navy, without a menu bar', () => {
    const options = kioskWindowOptions('/app/dist/preload/preload.cjs', true);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.backgroundColor).toBe('#0b1026');
    expect(KIOSK_BACKGROUND_COLOR).toBe('#0b1026');
  });

  it('runs the renderer isolated, sandboxed, Node-free, with web security and the preload', () => {
    expect(kioskWindowOptions('/app/dist/preload/preload.cjs', true).webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('has DevTools only when asked for', () => {
    expect(kioskWindowOptions('/p.cjs', false).webPreferences?.devTools).toBe(false);
    expect(kioskWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(true);
  });
});

describe('devToolsAllowed', () => {
  it('is off for `npm start` (unpackaged) unless a developer sets KIOSK_DEVTOOLS=1, and always off packaged', () => {
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { KIOSK_DEVTOOLS: '0' })).toBe(false);
    expect(devToolsAllowed(false, { KIOSK_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(true, { KIOSK_DEVTOOLS: '1' })).toBe(false);
  });
});

describe('createKioskWindow', () => {
  it('removes the application menu, opens one window and loads the start page', () => {
    const win = createKioskWindow('/app/dist/preload/preload.cjs', true, recordingLogger());
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(win.webContents.getURL()).toBe(KIOSK_START_URL);
    expect(win.webContents.getURL()).toBe('app://kiosk/index.html');
  });

  it('logs when the start page fails to load instead of throwing', async () => {
    const logger = recordingLogger();
    app.once('web-contents-created', (_event: unknown, contents: FakeWebContents) => {
      contents.loadURL.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    });
    createKioskWindow('/p.cjs', true, logger);
    await vi.waitFor(() => {
      expect(logger.text('error')).toContain('ERR_FILE_NOT_FOUND');
    });
  });
});
