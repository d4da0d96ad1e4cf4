import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CHANNEL_NAMES, ipcChannel } from '../../../electron/bridge/contract.js';
import { BridgeFailure, type BridgeHandlers } from '../../../electron/bridge/dispatch.js';
import {
  handleBridgeInvoke,
  setupIpcGateway,
  type GatewayOptions,
} from '../../../electron/main/ipc-gateway.js';
import {
  BrowserWindow as FakeWindow,
  FakeWebFrameMain,
  type FakeBrowserWindow,
  ipcMain,
  resetElectronMock,
  type FakeWebContents,
} from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';
import { sid } from '../../backoffice/helpers.js';

const ACK = { id: '2f1c8a4e-9b7d-4c1e-8f3a-6d5b4a3c2b1a', at: '2025-11-22T10:00:00.000Z' };
const GOOD_EVENT = { type: 'session-start', sessionId: sid('visitor_0001'), language: 'vi' };

let kiosk: FakeBrowserWindow;
let logger: RecordingLogger;
let handlers: { [K in keyof BridgeHandlers]: Mock<(request: unknown) => unknown> };
let options: GatewayOptions;

function eventFrom(contents: FakeWebContents, frame: FakeWebFrameMain | null): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame, processId: 1, frameId: 1 } as unknown as IpcMainInvokeEvent;
}
function kioskEvent(): IpcMainInvokeEvent {
  return eventFrom(kiosk.webContents, kiosk.webContents.mainFrame);
}

beforeEach(() => {
  resetElectronMock();
  kiosk = new FakeWindow();
  kiosk.webContents.mainFrame.url = 'app://kiosk/index.html';
  logger = recordingLogger();
  handlers = {
    record: vi.fn(() => ACK),
    tallies: vi.fn(),
    stationCounts: vi.fn(),
    config: vi.fn(() => ({
      kioskId: 'k1',
      version: '0.1.0',
      language: 'vi',
      idleSeconds: 90,
      host: 'electron',
    })),
    health: vi.fn(),
    log: vi.fn(() => ({ logged: true })),
    adminState: vi.fn(),
    adminSetupPin: vi.fn(),
    adminUnlock: vi.fn(),
    adminPanel: vi.fn(),
    adminAction: vi.fn(),
    adminExport: vi.fn(),
    festivalTotals: vi.fn(() => null),
  };
  options = {
    handlers: handlers as unknown as BridgeHandlers,
    getKioskWindow: () => kiosk as unknown as BrowserWindow,
    logger,
  };
});

describe('setupIpcGateway', () => {
  it('registers exactly one handler per contract channel, and can remove them', () => {
    const remove = setupIpcGateway(options);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('routes a good call from the kiosk page to its handler with the parsed request', async () => {
    setupIpcGateway(options);
    const result = await ipcMain.invoke(ipcChannel('record'), kioskEvent(), GOOD_EVENT);
    expect(result).toEqual({ ok: true, value: ACK });
    expect(handlers.record).toHaveBeenCalledExactlyOnceWith(GOOD_EVENT);
    expect(await ipcMain.invoke(ipcChannel('config'), kioskEvent(), undefined)).toMatchObject({
      ok: true,
      value: { host: 'electron' },
    });
  });
});

describe('handleBridgeInvoke', () => {
  it('answers bad-request for an invalid payload, without calling the handler', async () => {
    const result = await handleBridgeInvoke(options, kioskEvent(), ipcChannel('record'), {
      ...GOOD_EVENT,
      name: 'Nguyễn Văn A',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(handlers.record).not.toHaveBeenCalled();
    expect(logger.text('warn')).toContain('bad-request');
  });

  it('refuses another window', async () => {
    const other = new FakeWindow();
    other.webContents.mainFrame.url = 'app://kiosk/index.html';
    const result = await handleBridgeInvoke(
      options,
      eventFrom(other.webContents, other.webContents.mainFrame),
      ipcChannel('record'),
      GOOD_EVENT,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.record).not.toHaveBeenCalled();
    expect(logger.text('warn')).toContain('not the kiosk window');
  });

  it('refuses a subframe of the kiosk window, even on the kiosk origin', async () => {
    const iframe = new FakeWebFrameMain('app://kiosk/embedded.html', kiosk.webContents.mainFrame);
    const result = await handleBridgeInvoke(
      options,
      eventFrom(kiosk.webContents, iframe),
      ipcChannel('log'),
      {
        level: 'info',
        message: 'hi',
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.log).not.toHaveBeenCalled();
    expect(logger.text('warn')).toContain('subframe');
  });

  it('refuses a frame that has the right parent but is not the main frame', async () => {
    const impostor = new FakeWebFrameMain('app://kiosk/index.html', null);
    const result = await handleBridgeInvoke(
      options,
      eventFrom(kiosk.webContents, impostor),
      ipcChannel('log'),
      {
        level: 'info',
        message: 'hi',
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/x.html',
    'app://evil/index.html',
    'app://kiosk:9/index.html',
    '',
  ])('refuses the kiosk main frame showing %s', async (url) => {
    kiosk.webContents.mainFrame.url = url;
    const result = await handleBridgeInvoke(options, kioskEvent(), ipcChannel('record'), GOOD_EVENT);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.record).not.toHaveBeenCalled();
  });

  it('refuses when the sending frame is gone or the kiosk window is not open', async () => {
    const noFrame = await handleBridgeInvoke(
      options,
      eventFrom(kiosk.webContents, null),
      ipcChannel('record'),
      GOOD_EVENT,
    );
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const noWindow = await handleBridgeInvoke(
      { ...options, getKioskWindow: () => null },
      kioskEvent(),
      ipcChannel('record'),
      GOOD_EVENT,
    );
    expect(noWindow).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.record).not.toHaveBeenCalled();
  });

  it('answers unknown-channel for a channel outside the contract', async () => {
    for (const channel of ['kiosk:shutdown', 'other:record', 'kiosk:__proto__', 'record']) {
      const result = await handleBridgeInvoke(options, kioskEvent(), channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('passes handler failures through as errors, never throwing', async () => {
    handlers.record.mockImplementationOnce(() => {
      throw new BridgeFailure('storage', 'Disk full');
    });
    const result = await handleBridgeInvoke(options, kioskEvent(), ipcChannel('record'), GOOD_EVENT);
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: 'Disk full' } });
  });
});
