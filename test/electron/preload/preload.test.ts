import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ipcChannel, type KioskApi } from '../../../electron/bridge/contract.js';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../mocks/electron.js';

let api: KioskApi;

beforeAll(async () => {
  resetElectronMock();
  await import('../../../electron/preload/preload.js');
  api = contextBridge.exposed.get('kiosk') as KioskApi;
});

describe('preload', () => {
  it('exposes exactly one object, window.kiosk', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk']);
  });

  it('has exactly one method per contract channel and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof api[name]).toBe('function');
  });

  it('never hands out ipcRenderer or its methods', () => {
    const values: unknown[] = Object.values(api);
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
    expect(values).not.toContain(ipcRenderer.send);
  });

  it.each(CHANNEL_NAMES)(
    '%s invokes its contract channel with the request and returns the answer',
    async (name) => {
      const answer = { ok: true, value: `answer-for-${name}` };
      ipcRenderer.invoke.mockClear();
      ipcRenderer.invoke.mockResolvedValueOnce(answer);
      const request = { marker: name };
      const call = api[name] as (request: unknown) => Promise<unknown>;
      await expect(call(request)).resolves.toBe(answer);
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(name), request);
    },
  );
});
