/**
 * USB import on both storages: the admin panel's export folders go into the collector with
 * the same once-only rule as sync. The same export imported twice stores each record once;
 * records a kiosk also synced over the network are not doubled; a tampered copy is refused
 * whole and changes nothing. `npm run collector -- import` prints what it did.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../collector/db.js';
import { importExports } from '../../collector/import.js';
import { startCollector } from '../../collector/server.js';
import { festivalTotals, issueToken } from '../../collector/store.js';
import { closeAll, openKiosk, setUp, type Kiosk } from '../backoffice/admin/support.js';
import { tempDir } from '../backoffice/helpers.js';
import { STORAGES } from './storages.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  closeAll();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Exports everything the kiosk holds, as staff do, into a folder of its own (the USB stick). */
async function exportAll(kiosk: Kiosk, token: string): Promise<string> {
  const result = await kiosk.backOffice.admin.exportPeriod(token, 'all');
  const folder = tempDir('usb-');
  for (const file of result.files) {
    const [, , id, name] = (file.downloadPath ?? '').split('/');
    fs.copyFileSync(path.join(kiosk.dir, 'exports', id ?? '', name ?? ''), path.join(folder, file.name));
  }
  return folder;
}

async function kioskWithId(kioskId: string, env: Record<string, string> = {}) {
  const kiosk = openKiosk({ KIOSK_ALLOW_SCREEN_SETUP: '1', ...env });
  const token = await setUp(kiosk);
  await kiosk.backOffice.admin.action({ adminToken: token, action: 'set-settings', settings: { kioskId } });
  return { kiosk, token };
}

function journalIds(kiosk: Kiosk): string[] {
  return fs
    .readFileSync(path.join(kiosk.dir, 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

async function ids(db: Db, source?: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    source === undefined ? 'SELECT id FROM records' : 'SELECT id FROM records WHERE source = $1',
    source === undefined ? [] : [source],
  );
  return rows.map((row) => row.id).sort();
}

describe.each(STORAGES)('USB import into the $title', ({ storage, skip }) => {
  it.skipIf(skip)(
    'stores each record once: the same export twice, records also synced, a tampered copy refused',
    async () => {
      const opened = await storage.open();
      const { db } = opened;
      const collector = await startCollector({ db, port: 0 });
      cleanups.push(async () => {
        await collector.close();
        await db.close();
        await opened.drop();
      });
      const { token: syncToken } = await issueToken(db, 'hall A');
      // Kiosk A syncs two sessions over the network, then plays one more and is exported.
      const a = await kioskWithId('hanoi-01', { KIOSK_SYNC_URL: collector.url, KIOSK_SYNC_TOKEN: syncToken });
      a.kiosk.playSession('visitor-a001');
      a.kiosk.playSession('visitor-a002');
      expect(await a.kiosk.backOffice.sync.syncNow()).toMatchObject({ ok: true, sent: 12 });
      a.kiosk.playSession('visitor-a003');
      const usbA = await exportAll(a.kiosk, a.token);
      // Kiosk B never had a network: only its USB export reaches the collector.
      const b = await kioskWithId('hue-02');
      b.kiosk.playSession('visitor-b001');
      b.kiosk.playSession('visitor-b002');
      const usbB = await exportAll(b.kiosk, b.token);

      const first = await importExports(db, [usbA, usbB]);
      expect(first.rejected).toEqual([]);
      const byFile = new Map(
        first.files.map((file) => [path.dirname(file.file), [file.records, file.stored]]),
      );
      expect(byFile).toEqual(
        new Map([
          [usbA, [18, 6]],
          [usbB, [12, 12]],
        ]),
      );
      const expected = [...journalIds(a.kiosk), ...journalIds(b.kiosk)].sort();
      expect(await ids(db)).toEqual(expected);
      expect((await ids(db, 'import')).length).toBe(18);

      // The same exports again, and a second copy of the stick: nothing new.
      const copy = path.join(tempDir('usb-copy-'), 'again');
      fs.cpSync(usbA, copy, { recursive: true });
      const again = await importExports(db, [usbA, copy, usbB]);
      expect(again.stored).toBe(0);
      expect(await ids(db)).toEqual(expected);

      // A tampered copy (a record's id changed, as if to count it twice) is refused whole.
      const tampered = path.join(tempDir('usb-bad-'), 'bad');
      fs.cpSync(usbB, tampered, { recursive: true });
      const journal = fs.readdirSync(tampered).find((name) => name.endsWith('.jsonl')) ?? '';
      const file = path.join(tampered, journal);
      const text = fs.readFileSync(file, 'utf8');
      const firstId = journalIds(b.kiosk)[0] ?? '';
      fs.writeFileSync(file, text.replace(firstId, `${firstId.slice(0, -4)}ffff`));
      const refused = await importExports(db, [tampered]);
      expect(refused.stored).toBe(0);
      expect(refused.rejected).toEqual([
        { file, reason: expect.stringMatching(/SHA-256 differs/) as unknown },
      ]);
      expect(await ids(db)).toEqual(expected);
      expect(await festivalTotals(db)).toMatchObject({ sessions: 5, kiosks: 2 });
    },
    240_000,
  );
});

describe('npm run collector -- import', () => {
  it('imports an export folder once and says so, on the embedded store', async () => {
    const b = await kioskWithId('hue-02');
    b.kiosk.playSession('visitor-b001');
    const usb = await exportAll(b.kiosk, b.token);
    const dataDir = tempDir('collector-cli-');
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'collector/cli.ts', 'import', usb], {
        encoding: 'utf8',
        env: { ...process.env, COLLECTOR_DATA_DIR: dataDir, DATABASE_URL: '' },
      });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/: 6 records, 6 new, 0 already held\./);
    expect(first.stdout).toContain('Imported 6 new records from 1 journal files.');
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/: 6 records, 0 new, 6 already held\./);
  }, 240_000);
});
