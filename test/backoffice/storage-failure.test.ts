/**
 * Real storage failures, no mocks: a full disk is journal.jsonl → /dev/full (every write
 * fails with ENOSPC), an unusable data folder is one under a regular file (ENOTDIR).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HealthSchema, type VisitorEvent } from '../../electron/bridge/contract.js';
import { noticeFromMessage } from '../../electron/bridge/admin-contract.js';
import { BridgeFailure } from '../../electron/bridge/dispatch.js';
import { openBackOffice } from '../../electron/backoffice/backoffice.js';
import { memoryLogger, readLines, sid, tempDir } from './helpers.js';

const start = (n: number): VisitorEvent => ({
  type: 'session-start',
  sessionId: sid(`visitor-${String(n).padStart(4, '0')}`),
  language: 'vi',
});

function captureFailure(run: () => unknown): BridgeFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof BridgeFailure) return error;
    throw error;
  }
  throw new Error('expected a BridgeFailure');
}

const hasDevFull = fs.existsSync('/dev/full');

describe.skipIf(!hasDevFull)('a full disk (journal.jsonl → /dev/full)', () => {
  it('refuses records with a staff sentence, loses nothing acknowledged, and recovers once fixed', () => {
    const dir = tempDir();
    const journal = path.join(dir, 'journal.jsonl');
    const parked = path.join(dir, 'journal.parked');

    // 1. A healthy kiosk stores three records.
    const healthy = openBackOffice({ dataDir: dir, version: '1', host: 'browser', logger: memoryLogger() });
    const acked = [1, 2, 3].map((n) => healthy.record(start(n)).id);
    healthy.close();

    // 2. The disk "fills up": the journal path now leads to /dev/full.
    fs.renameSync(journal, parked);
    fs.symlinkSync('/dev/full', journal);
    const logger = memoryLogger();
    const backOffice = openBackOffice({ dataDir: dir, version: '1', host: 'browser', logger });
    expect(backOffice.health().lastError).toBeNull();

    const failure = captureFailure(() => backOffice.record(start(4)));
    expect(failure.code).toBe('storage');
    expect(noticeFromMessage(failure.message)).toEqual({
      code: 'storage-failed',
      params: { action: 'save-visitor-data', cause: 'disk-full', errno: 'ENOSPC', path: journal },
    });
    const health = HealthSchema.parse(backOffice.health());
    expect(health.lastError).toBe(failure.message);
    expect(health.lastErrorAt).not.toBeNull();
    // Still failing, still explained; the other channels keep answering.
    expect(captureFailure(() => backOffice.record(start(5))).message).toBe(failure.message);
    expect(backOffice.config().idleSeconds).toBe(60);
    // Logged once, not once per refused visitor event.
    expect(
      logger.at('error').filter((line) => line.startsWith('Cannot save visitor data: the disk is full')),
    ).toHaveLength(1);

    // 3. Staff free space: the real journal is back. No restart needed.
    fs.rmSync(journal);
    fs.renameSync(parked, journal);
    const recovered = backOffice.record(start(6));
    expect(backOffice.health().lastError).toBeNull();
    expect(backOffice.health().lastErrorAt).toBeNull();
    expect(backOffice.tallies().totals.sessions).toBe(4);
    backOffice.close();

    const ids = readLines(journal).map((line) => (line as { id: string }).id);
    expect(ids).toEqual([...acked, recovered.id]);
  });

  it('reports the failure through health() from the start when the journal is already unusable', () => {
    const dir = tempDir();
    fs.symlinkSync('/dev/full', path.join(dir, 'journal.jsonl'));
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
    });
    expect(() => backOffice.record(start(1))).toThrow(/"cause":"disk-full","errno":"ENOSPC"/);
    expect(backOffice.health().journalRecords).toBe(0);
    expect(backOffice.tallies().totals.sessions).toBe(0);
    backOffice.close();
  });
});

describe('a data folder that cannot exist (under a regular file: ENOTDIR)', () => {
  it('still opens, explains in health(), refuses records, and keeps answering config()', () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'not-a-folder'), 'x');
    const dataDir = path.join(parent, 'not-a-folder', 'data');
    const logger = memoryLogger();

    const backOffice = openBackOffice({ dataDir, version: '1', host: 'electron', logger });
    const journal = path.join(dataDir, 'journal.jsonl');
    const lastError = backOffice.health().lastError;
    expect(noticeFromMessage(lastError ?? '')).toEqual({
      code: 'storage-failed',
      params: { action: 'save-visitor-data', cause: 'missing', errno: 'ENOTDIR', path: journal },
    });
    expect(logger.at('error')).toContain(
      `Cannot save visitor data: the data folder is missing or is not a folder (ENOTDIR) at ${journal}.`,
    );

    const failure = captureFailure(() => backOffice.record(start(1)));
    expect(failure.code).toBe('storage');
    expect(failure.message).toBe(lastError);

    expect(backOffice.config()).toMatchObject({ host: 'electron', idleSeconds: 60, language: 'vi' });
    expect(backOffice.settings().kioskId).toMatch(/^kiosk-[a-z0-9]{6}$/);
    // Settings cannot be saved either, but live on in memory.
    expect(backOffice.updateSettings({ language: 'en' }).language).toBe('en');
    expect(backOffice.config().language).toBe('en');
    expect(logger.at('error').join('\n')).toMatch(/Cannot save settings: .*ENOTDIR/);
    backOffice.close();
  });

  it('does not throw with the default logger either (console only)', () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'file'), 'x');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const backOffice = openBackOffice({
        dataDir: path.join(parent, 'file', 'data'),
        version: '1',
        host: 'browser',
      });
      expect(backOffice.health().lastError).toMatch(/ENOTDIR/);
      expect(quiet).toHaveBeenCalled();
      backOffice.close();
    } finally {
      quiet.mockRestore();
      info.mockRestore();
    }
  });
});

/** Mounts a 64 KiB tmpfs (root only); null when this machine does not allow it. */
function mountTinyDisk(mountPoint: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a disk that fills up for real, mid-write (64 KiB tmpfs)', () => {
  it('rolls back partial writes, keeps every acknowledged record, and works again once space is freed', (context) => {
    const mountPoint = path.join(tempDir(), 'disk');
    fs.mkdirSync(mountPoint);
    if (!mountTinyDisk(mountPoint)) {
      context.skip();
      return;
    }
    try {
      const logger = memoryLogger();
      const backOffice = openBackOffice({ dataDir: mountPoint, version: '1', host: 'browser', logger });
      const filler = path.join(mountPoint, 'filler');
      fs.writeFileSync(filler, Buffer.alloc(48 * 1024));
      const acked: string[] = [];
      let failure: BridgeFailure | null = null;
      // Records cross page boundaries, so the write that hits the limit is usually partial.
      for (let n = 0; n < 500 && failure === null; n++) {
        try {
          acked.push(backOffice.record(start(n)).id);
        } catch (error) {
          if (!(error instanceof BridgeFailure)) throw error;
          failure = error;
        }
      }
      expect(noticeFromMessage(failure?.message ?? '')?.params).toMatchObject({
        cause: 'disk-full',
        errno: 'ENOSPC',
      });
      expect(acked.length).toBeGreaterThan(5);
      const journal = path.join(mountPoint, 'journal.jsonl');
      // No half line left behind: the file is exactly the acknowledged records.
      expect(readLines(journal).map((line) => (line as { id: string }).id)).toEqual(acked);
      expect(fs.readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
      expect(backOffice.health().journalBytes).toBe(fs.statSync(journal).size);

      fs.rmSync(filler);
      acked.push(backOffice.record(start(999)).id);
      expect(backOffice.health().lastError).toBeNull();
      backOffice.close();

      const reopened = openBackOffice({ dataDir: mountPoint, version: '1', host: 'browser', logger });
      expect(reopened.health().journalRecords).toBe(acked.length);
      expect(fs.readdirSync(mountPoint).filter((name) => name.startsWith('journal.torn-'))).toEqual([]);
      expect(logger.at('warn').join('\n')).not.toMatch(/damaged/);
      reopened.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});
