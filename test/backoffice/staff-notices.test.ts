/**
 * Issue 8, hole 5 (what staff see): damaged journal lines and unusable folders reach staff as
 * notices with their count, and an export from a journal that could not be opened (a
 * read-only data folder) is refused with a clear notice instead of writing an empty file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeFromMessage } from '../../electron/bridge/admin-contract.js';
import { dispatch } from '../../electron/bridge/dispatch.js';
import { createBridgeHandlers } from '../../electron/backoffice/index.js';
import { PIN, closeAll, openKiosk, setUp, unlockToken, type Kiosk } from './admin/support.js';
import { tempDir } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
  closeAll();
});

/** Appends lines that are not records, as a bad sector or a hand edit would leave them. */
function damageJournal(kiosk: Kiosk, lines: string[]): void {
  kiosk.backOffice.close();
  const file = path.join(kiosk.dir, 'journal.jsonl');
  const text = fs.readFileSync(file, 'utf8').split('\n');
  // In the middle (the last line would be repaired as a torn end instead).
  text.splice(3, 0, ...lines);
  fs.writeFileSync(file, text.join('\n'));
}

async function exportAll(kiosk: Kiosk, token: string) {
  return dispatch(createBridgeHandlers(kiosk.backOffice), 'adminExport', {
    adminToken: token,
    period: 'all',
  });
}

describe('damaged journal lines', () => {
  it('are counted in the staff notice (before unlock) and in the panel health, also after a restart', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    kiosk.playSession('visitor-0001');
    kiosk.playSession('visitor-0002');
    damageJournal(kiosk, ['{"id":"not a record"}', '\u0000\u0000\u0000', 'garbage']);
    const reopened = kiosk.reopen();
    const expected = { code: 'journal-damaged-lines', params: { count: 3 } };
    expect((await reopened.admin.state()).notices).toEqual([expected]);
    expect(reopened.admin.panel(await unlockToken(kiosk)).health.notices).toEqual([expected]);
    // The checkpoint written at that start remembers the count: the next start says it again.
    expect((await kiosk.reopen().admin.state()).notices).toEqual([expected]);
    expect(kiosk.backOffice.health().journalRecords).toBe(12);
  });
});

describe('unusable folders', () => {
  it('are named in the notices', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    const logs = path.join(kiosk.dir, 'logs');
    fs.mkdirSync(logs); // (the test's logger writes nowhere; the real one makes it)
    const access = fs.accessSync.bind(fs);
    vi.spyOn(fs, 'accessSync').mockImplementation((file, mode) => {
      if (file === logs) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      access(file, mode);
    });
    expect((await kiosk.backOffice.admin.state()).notices).toEqual([
      { code: 'folder-unusable', params: { path: logs } },
    ]);
  });
});

describe('an export when the journal could not be opened', () => {
  it('is refused with a notice, and writes nothing (the journal is read-only)', async () => {
    const dir = tempDir('ro-');
    const first = openKiosk({ KIOSK_ADMIN_PIN: PIN }, dir);
    for (let i = 0; i < 9; i++) first.playSession(`visitor-000${i}`);
    first.backOffice.close();
    // The folder turned read-only: opening the journal for appending fails.
    const openSync = fs.openSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation((file, flags, mode) => {
      if (String(file).endsWith('journal.jsonl') && flags === 'a+') {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      }
      return openSync(file, flags, mode);
    });
    const kiosk = openKiosk({}, dir);
    const token = await unlockToken(kiosk);
    const answer = await exportAll(kiosk, token);
    expect(answer).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(answer.ok || noticeFromMessage(answer.error.message)).toEqual({
      code: 'export-journal-unavailable',
      params: { path: path.join(dir, 'journal.jsonl') },
    });
    expect(fs.existsSync(path.join(dir, 'exports')) ? fs.readdirSync(path.join(dir, 'exports')) : []).toEqual(
      [],
    );
  });

  it('is refused while another kiosk program holds the journal (no mocks)', async () => {
    const dir = tempDir('locked-');
    const first = openKiosk({ KIOSK_ADMIN_PIN: PIN }, dir);
    for (let i = 0; i < 9; i++) first.playSession(`visitor-000${i}`);
    first.backOffice.close();
    // A live process (our parent) owns the journal since this boot.
    const bootTime = Date.now() - os.uptime() * 1000;
    fs.writeFileSync(path.join(dir, 'journal.lock'), JSON.stringify({ pid: process.ppid, bootTime }));
    const kiosk = openKiosk({}, dir);
    const answer = await exportAll(kiosk, await unlockToken(kiosk));
    expect(answer.ok || noticeFromMessage(answer.error.message)?.code).toBe('export-journal-unavailable');
  });
});

describe('a data folder on a read-only disk (root only: a real read-only mount)', () => {
  it('refuses every PIN check, since the lock-out cannot be saved, and says why', async (context) => {
    const mount = path.join(tempDir('ro-mount-'), 'disk');
    fs.mkdirSync(mount);
    if (process.getuid?.() !== 0 || !tryMount(mount)) {
      context.skip();
      return;
    }
    try {
      const first = openKiosk({ KIOSK_ADMIN_PIN: PIN }, mount);
      for (let i = 0; i < 9; i++) first.playSession(`visitor-000${i}`); // 54 records on disk
      first.backOffice.close();
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const kiosk = openKiosk({}, mount);
      expect(await kiosk.backOffice.admin.unlock(PIN)).toMatchObject({
        unlocked: false,
        refused: 'lockout-unsaved',
      });
      const state = await kiosk.backOffice.admin.state();
      expect(state.notices).toEqual(
        expect.arrayContaining([
          { code: 'lockout-unsaved', params: {} },
          { code: 'folder-unusable', params: { path: mount } },
        ]),
      );
      expect(kiosk.backOffice.health().lastError).toMatch(/read-only/);
      kiosk.backOffice.close();
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

function tryMount(mountPoint: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
