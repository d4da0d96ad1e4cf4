import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openElectronBackOffice, type ElectronBackOffice } from '../../../electron/main/backoffice-wiring.js';
import { resetElectronMock } from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';
import { sid } from '../../backoffice/helpers.js';

let dataDir: string;
let logger: RecordingLogger;
let opened: ElectronBackOffice | null;

beforeEach(() => {
  resetElectronMock();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-wiring-'));
  logger = recordingLogger();
  opened = null;
});

afterEach(() => {
  opened?.backOffice.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('openElectronBackOffice (real back office, electron-store on the mock)', () => {
  it('opens the back office in the data dir as the electron host, logging through the shell', async () => {
    opened = openElectronBackOffice({ dataDir, version: '9.9.9', logger });
    const config = await opened.handlers.config(undefined);
    expect(config).toMatchObject({ host: 'electron', version: '9.9.9' });
    expect(opened.backOffice.dataDir).toBe(dataDir);
    // Settings went through electron-store into the data dir, not Electron's userData.
    expect(fs.readdirSync(dataDir).some((name) => name.startsWith('settings'))).toBe(true);
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('stores a visitor event and counts it', async () => {
    opened = openElectronBackOffice({ dataDir, version: '0.1.0', logger });
    const ack = await opened.handlers.record({
      type: 'session-start',
      sessionId: sid('visitor_0001'),
      language: 'en',
    });
    expect(ack.id).toMatch(/^[0-9a-f-]{36}$/);
    const tallies = await opened.handlers.tallies(undefined);
    expect(tallies.totals.sessions).toBe(1);
  });
});
