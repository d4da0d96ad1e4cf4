/**
 * Issue 8, hole 3: nothing in the data folder is readable by other users of the machine
 * (the PIN hash, the journal, the audit log, the logs, exports waiting to be downloaded).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackOffice } from '../../electron/backoffice/index.js';
import { PIN } from './admin/support.js';
import { sessionEvents, tempDir } from './helpers.js';

/** Every folder and file under `dir` with its permission bits. */
function modes(dir: string): { entry: string; mode: number; isDir: boolean }[] {
  const found: { entry: string; mode: number; isDir: boolean }[] = [];
  const walk = (current: string): void => {
    const stat = fs.statSync(current);
    found.push({
      entry: path.relative(dir, current) || '.',
      mode: stat.mode & 0o777,
      isDir: stat.isDirectory(),
    });
    if (stat.isDirectory()) for (const name of fs.readdirSync(current)) walk(path.join(current, name));
  };
  walk(dir);
  return found;
}

let umask: number;
beforeEach(() => {
  umask = process.umask(0o022); // the usual default: new files would be world-readable
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  process.umask(umask);
  vi.restoreAllMocks();
});

describe('the data folder', () => {
  it('is 0700 and every file in it 0600, after a day of use', async () => {
    const dir = path.join(tempDir(), 'kiosk');
    const open = () =>
      openBackOffice({ dataDir: dir, version: '1', host: 'browser', env: { KIOSK_ADMIN_PIN: PIN } });
    let backOffice = open();
    for (const event of sessionEvents('visitor-0001')) backOffice.record(event);
    await backOffice.admin.unlock('000000');
    const session = await backOffice.admin.unlock(PIN);
    if (!session.unlocked) throw new Error('unlock failed');
    await backOffice.admin.exportPeriod(session.adminToken, 'all');
    backOffice.close();
    // A damaged settings file and a torn journal end are set aside (copies of private data).
    fs.appendFileSync(path.join(dir, 'settings.json'), '\u0000garbage');
    fs.appendFileSync(path.join(dir, 'journal.jsonl'), '{"torn":');
    backOffice = open();
    backOffice.close();

    const all = modes(dir);
    expect(all.map((item) => item.entry)).toEqual(
      expect.arrayContaining([
        '.',
        'logs',
        'exports',
        'admin-pin.json',
        'admin-lock.json',
        'audit.jsonl',
        'journal.jsonl',
      ]),
    );
    expect(all.some((item) => item.entry.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(all.some((item) => item.entry.startsWith('journal.torn-'))).toBe(true);
    expect(all.filter((item) => item.entry.startsWith('exports/') && !item.isDir)).toHaveLength(4);
    for (const item of all) {
      expect(item.mode.toString(8), item.entry).toBe(item.isDir ? '700' : '600');
    }
  });

  it('tightens what an older version left readable', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"kioskId":"hanoi-01"}', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'audit.jsonl'), '', { mode: 0o644 });
    const backOffice = openBackOffice({ dataDir: dir, version: '1', host: 'browser' });
    backOffice.close();
    expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700');
    expect((fs.statSync(path.join(dir, 'settings.json')).mode & 0o777).toString(8)).toBe('600');
    expect((fs.statSync(path.join(dir, 'audit.jsonl')).mode & 0o777).toString(8)).toBe('600');
  });
});
