import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lockDownSession } from '../../../electron/main/session-lockdown.js';
import { FakeSession, fakeEvent, resetElectronMock } from '../../mocks/electron.js';
import type { Session } from 'electron';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';

let session: FakeSession;
let logger: RecordingLogger;

beforeEach(() => {
  resetElectronMock();
  session = new FakeSession();
  logger = recordingLogger();
  lockDownSession(session as unknown as Session, logger);
});

describe('lockDownSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'usb'])(
    'denies a request for %s',
    (permission) => {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(logger.text('warn')).toContain(permission);
    },
  );

  it('answers every permission check with false', () => {
    for (const permission of ['media', 'geolocation', 'serial', 'unknown']) {
      expect(session.permissionCheckHandler?.(null, permission, 'app://kiosk', {})).toBe(false);
    }
  });

  it('cancels every download (the Electron kiosk writes its exports itself) and logs it', () => {
    const event = fakeEvent();
    session.emit('will-download', event, { getURL: () => 'app://kiosk/evil.exe' }, {});
    expect(event.defaultPrevented).toBe(true);
    expect(logger.text('warn')).toContain('Blocked a download of app://kiosk/evil.exe');
  });

  it('cancels renderer requests to the network and to files, but not the main process’s own', () => {
    expect(session.beforeRequest?.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*']),
    );
    const fromPage = vi.fn();
    session.beforeRequest?.listener({ url: 'https://tracker.example/pixel.gif', webContentsId: 1 }, fromPage);
    expect(fromPage).toHaveBeenCalledWith({ cancel: true });
    expect(logger.text('warn')).toContain('https://tracker.example/pixel.gif');
    const fromMain = vi.fn();
    session.beforeRequest?.listener({ url: 'https://sync.example/upload' }, fromMain);
    expect(fromMain).toHaveBeenCalledWith({});
  });
});
