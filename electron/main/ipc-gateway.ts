import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, channelFromIpc, ipcChannel, type BridgeResult } from '../bridge/contract.js';
import { dispatch, quoteForLog, type BridgeHandlers } from '../bridge/dispatch.js';
import { isKioskUrl } from './kiosk-url.js';
import type { Logger } from './logger.js';

export interface GatewayOptions {
  handlers: BridgeHandlers;
  /** The kiosk window, or null while there is none (only its main frame may call). */
  getKioskWindow: () => BrowserWindow | null;
  logger: Logger;
}

/**
 * Why `event` may not use the bridge, or null when it may: the sender must be the main
 * frame of the kiosk window, currently showing a page of the kiosk origin. This keeps
 * iframes, other windows and any page that got navigated elsewhere off the back office.
 */
export function senderRejection(event: IpcMainInvokeEvent, kioskWindow: BrowserWindow | null): string | null {
  if (!kioskWindow || kioskWindow.isDestroyed()) return 'the kiosk window is not open';
  const contents = kioskWindow.webContents;
  if (event.sender.id !== contents.id) return `sender webContents ${event.sender.id} is not the kiosk window`;
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null || frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) {
    return 'sender is a subframe, not the main frame';
  }
  if (!isKioskUrl(frame.url)) return `sender page ${frame.url || '(none)'} is not on the kiosk origin`;
  return null;
}

/**
 * The one path every bridge call takes: sender check, channel check, then the shared
 * dispatcher (which validates the payload). Never throws; refusals are logged and
 * answered as `{ ok: false, error }`.
 */
export async function handleBridgeInvoke(
  options: GatewayOptions,
  event: IpcMainInvokeEvent,
  channel: string,
  payload: unknown,
): Promise<BridgeResult<unknown>> {
  const rejection = senderRejection(event, options.getKioskWindow());
  if (rejection !== null) {
    options.logger.warn(`Bridge call on "${quoteForLog(channel)}" refused: ${rejection}.`);
    return { ok: false, error: { code: 'forbidden', message: `Bridge call refused: ${rejection}.` } };
  }
  const name = channelFromIpc(channel);
  if (name === null) {
    const shown = quoteForLog(channel);
    options.logger.warn(`Bridge call on unknown channel "${shown}" refused.`);
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown bridge channel "${shown}".` } };
  }
  const result = await dispatch(options.handlers, name, payload);
  if (!result.ok)
    options.logger.warn(`Bridge call "${name}" failed: ${result.error.code}: ${result.error.message}`);
  return result;
}

/**
 * Registers one `ipcMain.handle` per contract channel, all funnelled through
 * `handleBridgeInvoke`. Returns a function that removes them again.
 */
export function setupIpcGateway(options: GatewayOptions): () => void {
  const channels = CHANNEL_NAMES.map(ipcChannel);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      handleBridgeInvoke(options, event, channel, payload),
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
