import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/bridge/contract.js';
import { dispatch } from '../../../electron/bridge/dispatch.js';
import { NO_FOLDER_MESSAGE, RESTART_DELAY_MS } from '../../../electron/main/admin-platform.js';
import { openElectronBackOffice, type ElectronBackOffice } from '../../../electron/main/backoffice-wiring.js';
import { isStaffExitRequested } from '../../../electron/main/staff.js';
import { app, resetElectronMock } from '../../mocks/electron.js';
import { recordingLogger } from '../support/fake-logger.js';

let dataDir: string;
let usbStick: string;
let opened: ElectronBackOffice | null;
const showOpenDialog = vi.fn<(options: OpenDialogOptions) => Promise<OpenDialogReturnValue>>();

beforeEach(() => {
  resetElectronMock();
  showOpenDialog.mockReset();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-admin-electron-'));
  usbStick = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-usb-'));
  opened = openElectronBackOffice({ dataDir, version: '2.0.0', logger: recordingLogger(), showOpenDialog });
});

afterEach(() => {
  vi.useRealTimers();
  opened?.backOffice.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(usbStick, { recursive: true, force: true });
});

async function unlock(): Promise<string> {
  const answer = await dispatch(opened?.handlers ?? ({} as never), 'adminSetupPin', { pin: '2468' });
  if (!answer.ok) throw new Error(answer.error.message);
  return CHANNELS.adminSetupPin.response.parse(answer.value).adminToken;
}

describe('Electron staff platform', () => {
  it('exports into the folder chosen in the native dialog (a USB stick)', async () => {
    const token = await unlock();
    opened?.backOffice.record({ type: 'session-start', sessionId: 'visitor-0001', language: 'vi' });
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [usbStick] });
    const answer = await dispatch(opened?.handlers ?? ({} as never), 'adminExport', {
      adminToken: token,
      period: 'all',
    });
    expect(answer.ok).toBe(true);
    const result = CHANNELS.adminExport.response.parse(answer.ok ? answer.value : null);
    expect(showOpenDialog).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
    expect(result.folder).toBe(usbStick);
    expect(result.records).toBe(1);
    expect(result.files.every((file) => file.downloadPath === null)).toBe(true);
    expect(fs.readdirSync(usbStick).sort()).toEqual(result.files.map((file) => file.name).sort());
    // A second export the same day never overwrites the first.
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [usbStick] });
    const second = await dispatch(opened?.handlers ?? ({} as never), 'adminExport', {
      adminToken: token,
      period: 'all',
    });
    expect(second.ok).toBe(true);
    expect(fs.readdirSync(usbStick)).toHaveLength(8);
    expect(fs.readdirSync(usbStick).filter((name) => name.includes('-2.'))).toHaveLength(4);
  });

  it('answers a cancelled dialog with a clear bad-request and writes nothing', async () => {
    const token = await unlock();
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const answer = await dispatch(opened?.handlers ?? ({} as never), 'adminExport', {
      adminToken: token,
      period: 'today',
    });
    expect(answer).toEqual({ ok: false, error: { code: 'bad-request', message: NO_FOLDER_MESSAGE } });
    expect(fs.readdirSync(usbStick)).toEqual([]);
  });

  it('restarts with app.relaunch() + app.exit(0) after answering, closing the back office first', async () => {
    const token = await unlock();
    vi.useFakeTimers();
    const answer = await dispatch(opened?.handlers ?? ({} as never), 'adminAction', {
      adminToken: token,
      action: 'restart',
    });
    expect(answer).toMatchObject({ ok: true, value: { done: true } });
    expect(app.relaunch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(RESTART_DELAY_MS);
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(0);
    // Closed: the journal lock is released for the relaunched instance.
    expect(fs.existsSync(path.join(dataDir, 'journal.lock'))).toBe(false);
  });

  it('exits to the desktop through the staff exit', async () => {
    const token = await unlock();
    vi.useFakeTimers();
    const answer = await dispatch(opened?.handlers ?? ({} as never), 'adminAction', {
      adminToken: token,
      action: 'exit-to-desktop',
    });
    expect(answer.ok).toBe(true);
    vi.advanceTimersByTime(RESTART_DELAY_MS);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(isStaffExitRequested()).toBe(true);
  });
});
