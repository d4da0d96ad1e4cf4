import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupSingleInstance } from '../../../electron/main/single-instance.js';
import { app, BrowserWindow as FakeWindow, resetElectronMock } from '../../mocks/electron.js';

beforeEach(() => {
  resetElectronMock();
});

describe('setupSingleInstance', () => {
  it('lets the first instance carry on', () => {
    expect(setupSingleInstance(() => null)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits a second instance', () => {
    app.singleInstanceLock = false;
    expect(setupSingleInstance(() => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the first instance’s window to the front when a second one starts', () => {
    const win = new FakeWindow();
    win.minimized = true;
    setupSingleInstance(() => win as unknown as BrowserWindow);
    app.emit('second-instance', {}, ['kiosk'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.isMinimized()).toBe(false);
  });

  it('ignores a second instance while there is no window', () => {
    setupSingleInstance(() => null);
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});
