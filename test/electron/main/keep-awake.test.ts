import { beforeEach, describe, expect, it } from 'vitest';
import { setupKeepAwake } from '../../../electron/main/keep-awake.js';
import { app, powerSaveBlocker, resetElectronMock } from '../../mocks/electron.js';
import { recordingLogger } from '../support/fake-logger.js';

beforeEach(() => {
  resetElectronMock();
});

describe('setupKeepAwake', () => {
  it('keeps the display from sleeping until the app quits', () => {
    const id = setupKeepAwake(recordingLogger());
    expect(powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    expect(powerSaveBlocker.isStarted(id)).toBe(true);
    app.emit('will-quit');
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(id);
    expect(powerSaveBlocker.isStarted(id)).toBe(false);
  });
});
