/**
 * A kiosk killed with SIGKILL mid-sync resumes without loss or duplicates, on both storages.
 * The kiosk's back office runs in a child process (kiosk-sync-child.ts) against a real
 * collector behind the fault proxy. The proxy lets two batches through and holds the answer
 * to the third after the collector stored it: the kiosk is killed while it waits, so its
 * durable cursor is one batch behind the collector. Restarted, it takes over the stale journal
 * lock, sends that batch again and the rest; the collector holds every record exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/server.js';
import { issueToken } from '../../collector/store.js';
import { openBackOffice } from '../../electron/backoffice/backoffice.js';
import { CURSOR_FILE } from '../../electron/backoffice/sync/index.js';
import { memoryLogger, sessionEvents, tempDir } from '../backoffice/helpers.js';
import { startFaultProxy } from './fault-proxy.js';
import { STORAGES } from './storages.js';

const CHILD = path.join(import.meta.dirname, 'kiosk-sync-child.ts');
const BATCH = 5;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A kiosk data folder whose journal holds `sessions` visitor sessions (nothing synced yet). */
function kioskWithJournal(kioskId: string, sessions: number): { dataDir: string; ids: string[] } {
  const dataDir = tempDir('sync-kill-');
  fs.writeFileSync(path.join(dataDir, 'kiosk-id.json'), JSON.stringify({ kioskId }));
  const backOffice = openBackOffice({ dataDir, version: '0.1.0', host: 'browser', logger: memoryLogger() });
  for (let i = 0; i < sessions; i++)
    for (const event of sessionEvents(`${kioskId}-${i}`)) backOffice.record(event);
  backOffice.close();
  const ids = fs
    .readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
  return { dataDir, ids };
}

function startChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      resolve(code);
    });
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, exited };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function cursorRecords(dataDir: string): number {
  const file = path.join(dataDir, CURSOR_FILE);
  if (!fs.existsSync(file)) return 0;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { records: number }).records;
}

describe.each(STORAGES)('a kiosk killed mid-sync, into the $title', ({ storage, skip }) => {
  it.skipIf(skip)(
    'resumes after SIGKILL: every record exactly once, nothing lost',
    async () => {
      const opened = await storage.open();
      const { db } = opened;
      const collector = await startCollector({ db, port: 0 });
      cleanups.push(async () => {
        await collector.close();
        await db.close();
        await opened.drop();
      });
      const proxy = await startFaultProxy(collector.url);
      cleanups.push(() => proxy.close());
      const { token } = await issueToken(db, 'hall A');
      const kiosk = kioskWithJournal('kiosk-kill', 5);
      const env = {
        KIOSK_DATA_DIR: kiosk.dataDir,
        KIOSK_SYNC_URL: proxy.url,
        KIOSK_SYNC_TOKEN: token,
        KIOSK_SYNC_BATCH_SIZE: String(BATCH),
      };
      const count = async (): Promise<number> =>
        Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM records'))[0]?.n);

      // Two batches acknowledged, the third stored by the collector but its answer held back.
      proxy.plan = ['pass', 'pass', 'hold-answer'];
      proxy.fallback = 'hang';
      const first = startChild(env);
      await until(() => proxy.held === 1, 'the third batch to be stored');
      expect(await count()).toBe(3 * BATCH);
      expect(cursorRecords(kiosk.dataDir)).toBe(2 * BATCH);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      // The kill left the journal lock behind and the cursor one batch behind the collector.
      expect(fs.existsSync(path.join(kiosk.dataDir, 'journal.lock'))).toBe(true);
      expect(cursorRecords(kiosk.dataDir)).toBe(2 * BATCH);

      proxy.fallback = 'pass';
      const second = startChild(env);
      expect(await second.exited).toBe(0);
      const rows = await db.query<{ id: string }>('SELECT id FROM records');
      expect(rows.map((row) => row.id).sort()).toEqual([...kiosk.ids].sort());
      expect(new Set(kiosk.ids).size).toBe(kiosk.ids.length);
      expect(cursorRecords(kiosk.dataDir)).toBe(kiosk.ids.length);
      // The held batch really was sent twice: one more request than batches needed.
      expect(proxy.log.filter((fault) => fault !== 'hang').length).toBeGreaterThan(
        Math.ceil(kiosk.ids.length / BATCH),
      );
    },
    240_000,
  );
});
