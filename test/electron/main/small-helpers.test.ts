import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/app-paths.js';
import { setupChromiumSwitches } from '../../../electron/main/chromium-switches.js';
import { app, resetElectronMock } from '../../mocks/electron.js';

beforeEach(() => {
  resetElectronMock();
});

describe('appPaths', () => {
  it('finds the renderer build and the CJS preload under dist/ of the app root', () => {
    const root = path.resolve('/opt/kiosk/resources/app.asar');
    expect(appPaths(root)).toEqual({
      rendererDir: path.join(root, 'dist', 'renderer'),
      preloadPath: path.join(root, 'dist', 'preload', 'preload.cjs'),
    });
  });
});

describe('setupChromiumSwitches', () => {
  it('turns off swipe-back navigation and pinch zoom', () => {
    setupChromiumSwitches();
    expect(app.commandLine.switches.get('overscroll-history-navigation')).toBe('0');
    expect(app.commandLine.switches.has('disable-pinch')).toBe(true);
  });
});
