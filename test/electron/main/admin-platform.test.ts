import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_IDLE_MS } from '../../../electron/bridge/admin-contract.js';
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
const PIN = '246810';
const showOpenDialog = vi.fn<(options: OpenDialogOptions) => Promise<OpenDialogReturnValue>>();
const closeDialog = vi.fn();

beforeEach(() => {
  resetElectronMock();
  showOpenDialog.mockReset();
  closeDialog.mockReset();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-admin-electron-'));
  usbStick = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-usb-'));
  // The Electron back office reads process.env: the staff PIN is provisioned from it.
  vi.stubEnv('KIOSK_ADMIN_PIN', PIN);
  opened = openElectronBackOffice({
    dataDir,
    version: '2.0.0',
    logger: recordingLogger(),
    showOpenDialog,
    closeDialog,
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  opened?.backOffice.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(usbStick, { recursive: true, force: true });
});

async function unlock(): Promise<string> {
  const answer = await dispatch(opened?.handlers ?? ({} as never), 'adminUnlock', { pin: PIN });
  if (!answer.ok) throw new Error(answer.error.message);
  const result = CHANNELS.adminUnlock.response.parse(answer.value);
  if (!result.unlocked) throw new Error('unlock failed');
  return result.adminToken;
}

/** A native chooser that stays open until the test answers it (like staff walking away). */
function pendingDialog(): (answer: OpenDialogReturnValue) => void {
  let answer: (value: OpenDialogReturnValue) => void = () => undefined;
  showOpenDialog.mockImplementationOnce(
    () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  return (value) => {
    answer(value);
  };
}

function exportAll(token: string) {
  return dispatch(opened?.handlers ?? ({} as never), 'adminExport', { adminToken: token, period: 'all' });
}

describe('Electron staff platform', () => {
  it('exports into the folder chosen in the native dialog (a USB stick)', async () => {
    const token = await unlock();
    opened?.backOffice.record({
      type: 'session-start',
      sessionId: '00000000-0000-4000-8000-000000000001',
      language: 'vi',
    });
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

  it('closes the chooser when the staff panel locks while it is open, and writes nothing', async () => {
    const token = await unlock();
    const answerDialog = pendingDialog();
    const exporting = exportAll(token);
    await vi.waitFor(() => {
      expect(showOpenDialog).toHaveBeenCalledTimes(1);
    });
    // The panel locks itself (2 minutes without a touch): the renderer sends "lock".
    const locked = await dispatch(opened?.handlers ?? ({} as never), 'adminAction', {
      adminToken: token,
      action: 'lock',
    });
    expect(locked.ok).toBe(true);
    expect(closeDialog).toHaveBeenCalledTimes(1);
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Even if a visitor then picks a folder in a chooser that somehow stayed open: nothing written.
    answerDialog({ canceled: false, filePaths: [usbStick] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fs.readdirSync(usbStick)).toEqual([]);
  });

  it('closes the chooser when the staff session expires while it is open', async () => {
    const token = await unlock();
    pendingDialog();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const exporting = exportAll(token);
    await vi.waitFor(() => {
      expect(showOpenDialog).toHaveBeenCalledTimes(1);
    });
    vi.advanceTimersByTime(ADMIN_IDLE_MS + 1_000);
    expect(closeDialog).toHaveBeenCalledTimes(1);
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.readdirSync(usbStick)).toEqual([]);
  });

  it('checks the staff session again after the chooser, before writing anything', async () => {
    const token = await unlock();
    vi.useFakeTimers({ toFake: ['Date'] });
    // The session runs out while the chooser is open, and the chooser answers before the
    // once-a-second watch notices: only the check after the chooser stands in the way.
    showOpenDialog.mockImplementationOnce(() => {
      vi.setSystemTime(Date.now() + ADMIN_IDLE_MS + 1_000);
      return Promise.resolve({ canceled: false, filePaths: [usbStick] });
    });
    expect(await exportAll(token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(closeDialog).not.toHaveBeenCalled();
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
