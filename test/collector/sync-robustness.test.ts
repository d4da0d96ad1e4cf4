/**
 * Exactly once through any outage: two kiosk back offices sync through a fault-injecting
 * proxy (dropped connections, 500s, timeouts, answers lost after the collector stored the
 * batch) to a collector that is restarted mid-run, on both storages. Afterwards the
 * collector holds every journal record exactly once and the festival totals are right.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector/server.js';
import { issueToken } from '../../collector/store.js';
import { openBackOffice } from '../../electron/backoffice/backoffice.js';
import type { BackOffice } from '../../electron/backoffice/types.js';
import { memoryLogger, sessionEvents, tempDir } from '../backoffice/helpers.js';
import { startFaultProxy } from './fault-proxy.js';
import { STORAGES } from './storages.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function openKiosk(url: string, token: string, kioskId: string): BackOffice {
  const dataDir = tempDir('sync-kiosk-');
  fs.writeFileSync(`${dataDir}/kiosk-id.json`, JSON.stringify({ kioskId }));
  const backOffice = openBackOffice({
    dataDir,
    version: '0.1.0',
    host: 'browser',
    logger: memoryLogger(),
    env: { KIOSK_SYNC_URL: url, KIOSK_SYNC_TOKEN: token, KIOSK_SYNC_BATCH_SIZE: '5' },
    sync: { timeoutMs: 1500, backoff: { baseMs: 1, capMs: 5 } },
  });
  cleanups.push(() => {
    backOffice.close();
  });
  return backOffice;
}

function play(backOffice: BackOffice, label: string, sessions: number): void {
  for (let i = 0; i < sessions; i++)
    for (const event of sessionEvents(`${label}-${i}`)) backOffice.record(event);
}

/** Syncs until nothing is pending (or `attempts` runs failed). */
async function drain(backOffice: BackOffice, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const run = await backOffice.sync.syncNow();
    if (run.ok && backOffice.sync.status().pendingRecords === 0) return;
  }
  throw new Error(`still pending: ${JSON.stringify(backOffice.sync.status())}`);
}

function journalIds(backOffice: BackOffice): string[] {
  const text = fs.readFileSync(`${backOffice.dataDir}/journal.jsonl`, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

describe.each(STORAGES)('sync through faults into the $title', ({ storage, skip }) => {
  it.skipIf(skip)(
    'two kiosks, drops, 500s, timeouts, lost answers, an outage and a collector restart: every record once',
    async () => {
      const opened = await storage.open();
      let db = opened.db;
      let collector: RunningCollector = await startCollector({ db, port: 0 });
      cleanups.push(async () => {
        await collector.close();
        await db.close();
        await opened.drop();
      });
      const proxy = await startFaultProxy(collector.url);
      cleanups.push(() => proxy.close());
      const tokenA = (await issueToken(db, 'hall A')).token;
      const tokenB = (await issueToken(db, 'hall B')).token;
      const kioskA = openKiosk(proxy.url, tokenA, 'kiosk-a');
      const kioskB = openKiosk(proxy.url, tokenB, 'kiosk-b');

      play(kioskA, 'a', 3);
      play(kioskB, 'b', 2);
      proxy.plan = [
        'drop',
        'error500',
        'hang',
        'lose-answer',
        'pass',
        'lose-answer',
        'error500',
        'drop',
        'hang',
      ];
      await Promise.all([drain(kioskA), drain(kioskB)]);

      // The festival Wi-Fi drops: visitors keep playing, sync fails, nothing is lost.
      proxy.fallback = 'down';
      play(kioskA, 'a2', 2);
      play(kioskB, 'b2', 3);
      expect((await kioskA.sync.syncNow()).ok).toBe(false);
      expect(kioskA.sync.status()).toMatchObject({
        state: 'error',
        lastError: expect.any(String) as unknown,
      });
      expect(kioskB.sync.status().pendingRecords).toBeGreaterThan(0);

      // The collector restarts (same storage, new process, new port) while the kiosks retry.
      await collector.close();
      await db.close();
      db = await opened.reopen();
      collector = await startCollector({ db, port: 0 });
      proxy.target = collector.url;
      proxy.fallback = 'pass';
      proxy.plan = ['lose-answer', 'error500', 'lose-answer'];
      await Promise.all([drain(kioskA), drain(kioskB)]);

      const expected = [...journalIds(kioskA), ...journalIds(kioskB)];
      const rows = await db.query<{ id: string }>('SELECT id FROM records');
      expect(rows.map((row) => row.id).sort()).toEqual([...expected].sort());
      expect(new Set(expected).size).toBe(expected.length);
      // The faults really happened, and lost answers really caused resends.
      for (const fault of ['drop', 'error500', 'hang', 'lose-answer', 'down'] as const)
        expect(proxy.log).toContain(fault);
      // A later sync (a heartbeat) brings kiosk A the totals that include kiosk B's last batch.
      await kioskA.sync.syncNow();
      expect(kioskA.sync.festival()).toMatchObject({ sessions: 10, kiosks: 2 });
      expect(kioskA.festivalTotals()).toMatchObject({ sessions: 10 });
      expect(kioskA.sync.status()).toMatchObject({ state: 'idle', pendingRecords: 0, lastError: null });
      const heartbeats = await db.query<{ kiosk_id: string; pending_records: string | number }>(
        'SELECT kiosk_id, pending_records FROM heartbeats ORDER BY kiosk_id',
      );
      expect(heartbeats.map((row) => row.kiosk_id)).toEqual(['kiosk-a', 'kiosk-b']);
    },
    240_000,
  );
});
