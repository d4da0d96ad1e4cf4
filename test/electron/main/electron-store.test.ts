import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ElectronStore from 'electron-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, resetElectronMock } from '../../mocks/electron.js';

let dir: string;

beforeEach(() => {
  resetElectronMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-store-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// The back office gets `new ElectronStore(options)` as its settings store; electron-store
// imports electron by default import, so this proves the shared mock serves that style too.
describe('electron-store on the electron mock', () => {
  it('persists settings in the given folder', () => {
    const store = new ElectronStore<{ kioskId: string }>({ cwd: dir, name: 'settings' });
    store.set('kioskId', 'festival-1');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({
      kioskId: 'festival-1',
    });
    expect(new ElectronStore<{ kioskId: string }>({ cwd: dir, name: 'settings' }).get('kioskId')).toBe(
      'festival-1',
    );
  });

  it('defaults to the app’s userData folder', () => {
    app.paths.set('userData', dir);
    const store = new ElectronStore<{ n: number }>();
    store.set('n', 1);
    expect(store.path).toBe(path.join(dir, 'config.json'));
  });
});
