import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DATA_FOLDER, platformAppDataDir, resolveDataDir } from '../../electron/backoffice/data-dir.js';

describe('resolveDataDir', () => {
  it('uses KIOSK_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ KIOSK_DATA_DIR: '/srv/kiosk-data' }, '/home/u/.config')).toBe(
      path.resolve('/srv/kiosk-data'),
    );
    expect(resolveDataDir({ KIOSK_DATA_DIR: 'data' }, '/x')).toBe(path.resolve('data'));
  });

  it('falls back to <appData>/not-alone-kiosk when KIOSK_DATA_DIR is unset or blank', () => {
    expect(resolveDataDir({}, '/home/u/.config')).toBe(path.join('/home/u/.config', APP_DATA_FOLDER));
    expect(resolveDataDir({ KIOSK_DATA_DIR: '  ' }, '/home/u/.config')).toBe(
      '/home/u/.config/not-alone-kiosk',
    );
  });
});

describe('platformAppDataDir', () => {
  it('matches Electron appData on each platform', () => {
    expect(platformAppDataDir('linux', { XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg');
    expect(platformAppDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming',
    );
    expect(platformAppDataDir('darwin', {})).toMatch(/Library\/Application Support$/);
    expect(platformAppDataDir('linux', {})).toMatch(/\.config$/);
  });
});
