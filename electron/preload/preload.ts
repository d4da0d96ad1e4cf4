/**
 * Preload of the kiosk window: exposes `window.kiosk`, one method per bridge channel, each
 * forwarding its request over IPC. Nothing else crosses: no ipcRenderer, no Node.
 *
 * Runs sandboxed, so it is bundled to one CommonJS file (vite.preload.config.ts); its only
 * runtime dependency is `electron`. The main process validates every payload — this side
 * just forwards.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeResult, ChannelName, ChannelResponse, KioskApi } from '../bridge/contract.js';

/**
 * The IPC channel of a contract key, as the contract's `ipcChannel` makes it. Not imported
 * as a value on purpose: contract.ts builds its zod schemas when loaded, which would pull
 * all of zod (~190 kB) into this bundle. The preload test checks that every method invokes `ipcChannel(name)`.
 */
function channelOf(name: ChannelName): string {
  return `kiosk:${name}`;
}

function invoke<K extends ChannelName>(name: K, request: unknown): Promise<BridgeResult<ChannelResponse<K>>> {
  return ipcRenderer.invoke(channelOf(name), request) as Promise<BridgeResult<ChannelResponse<K>>>;
}

/** `window.kiosk`. Typed as KioskApi, so a channel added to the contract fails to compile until it is here. */
const kioskApi: KioskApi = {
  record: (request) => invoke('record', request),
  tallies: (request) => invoke('tallies', request),
  stationCounts: (request) => invoke('stationCounts', request),
  config: (request) => invoke('config', request),
  health: (request) => invoke('health', request),
  log: (request) => invoke('log', request),
  adminState: (request) => invoke('adminState', request),
  adminSetupPin: (request) => invoke('adminSetupPin', request),
  adminUnlock: (request) => invoke('adminUnlock', request),
  adminPanel: (request) => invoke('adminPanel', request),
  adminAction: (request) => invoke('adminAction', request),
  adminExport: (request) => invoke('adminExport', request),
  festivalTotals: (request) => invoke('festivalTotals', request),
};

contextBridge.exposeInMainWorld('kiosk', kioskApi);
