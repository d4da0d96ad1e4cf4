import { beforeEach, describe, expect, it } from 'vitest';
import { setupLockdown } from '../../../electron/main/lockdown.js';
import { isNavigationAllowed } from '../../../electron/main/navigation-policy.js';
import { BrowserWindow, fakeEvent, resetElectronMock, type FakeWebContents } from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';

let logger: RecordingLogger;
let contents: FakeWebContents;

beforeEach(() => {
  resetElectronMock();
  logger = recordingLogger();
  setupLockdown(logger);
  // Creating a window emits 'web-contents-created', like Electron: the lockdown must catch it.
  contents = new BrowserWindow().webContents;
});

function emitInput(key: string, mods: { control?: boolean; shift?: boolean } = {}): boolean {
  const event = fakeEvent();
  const input = {
    type: 'keyDown',
    key,
    code: `Key${key.toUpperCase()}`,
    control: false,
    shift: false,
    alt: false,
    meta: false,
    ...mods,
  };
  contents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

/** Emits a navigation event the way Electron 45 does (details on the event) and says whether it was prevented. */
function navigate(
  eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
  url: string,
): boolean {
  const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: null });
  contents.emit(eventName, event, url);
  return event.defaultPrevented;
}

describe('isNavigationAllowed', () => {
  it.each([
    'app://kiosk/index.html',
    'app://kiosk/',
    'app://kiosk/__recovery',
    'app://kiosk/scene/scam?x=1#a',
  ])('allows %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(true);
  });
  it.each([
    'https://example.com/',
    'http://kiosk/index.html',
    'file:///home/visitor/Downloads/photo.jpg',
    'file:///C:/Users/visitor/evil.html',
    'app://evil/index.html',
    'app://kiosk.evil.com/index.html',
    'app://kiosk:1234/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('lockdown of every webContents', () => {
  it('swallows blocked shortcuts and lets typing and the staff shortcut through', () => {
    expect(emitInput('r', { control: true })).toBe(true);
    expect(emitInput('F12')).toBe(true);
    expect(emitInput('A', { control: true, shift: true })).toBe(false);
    expect(emitInput('a')).toBe(false);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)(
    '%s: keeps kiosk pages, prevents web links and dropped files',
    (eventName) => {
      expect(navigate(eventName, 'app://kiosk/index.html')).toBe(false);
      expect(navigate(eventName, 'https://scam.example/login')).toBe(true);
      expect(navigate(eventName, 'http://127.0.0.1:8080/')).toBe(true);
      // Dropping a file on the window makes Chromium navigate to it.
      expect(navigate(eventName, 'file:///home/visitor/Pictures/selfie.png')).toBe(true);
      expect(logger.text('warn')).toContain('https://scam.example/login');
    },
  );

  it('denies every new window', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents <webview> attachment and context menus', () => {
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    const menu = fakeEvent();
    contents.emit('context-menu', menu, { x: 1, y: 1 });
    expect(menu.defaultPrevented).toBe(true);
  });

  it('locks zoom at 100 % at start, after each load and on ctrl+wheel', () => {
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(contents.zoomFactor).toBe(1);
    contents.setZoomFactor(2);
    contents.emit('did-finish-load');
    expect(contents.zoomFactor).toBe(1);
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
    contents.setZoomFactor(1.5);
    contents.emit('zoom-changed', fakeEvent(), 'in');
    expect(contents.zoomFactor).toBe(1);
  });

  it('applies to webContents created later too (one listener per webContents)', () => {
    const second = new BrowserWindow().webContents;
    expect(second.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(second.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});
