/**
 * The collector over HTTP on both storages: tokens (issued, stored hashed, revoked), every
 * record validated with the contract's schema, stored once, clear 4xx for bad input that
 * change nothing, the totals in the answer, and the live page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STORE_LOCK, openDb, type Db } from '../../collector/db.js';
import { migrate } from '../../collector/migrations.js';
import { startCollector, type RunningCollector } from '../../collector/server.js';
import { hashToken, insertRecords, issueToken, revokeToken } from '../../collector/store.js';
import type { JournalRecord } from '../../electron/bridge/contract.js';
import { BatchResponseSchema } from '../../electron/bridge/sync-contract.js';
import { sessionEvents, stamp } from '../backoffice/helpers.js';
import { STORAGES, type Storage } from './storages.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function records(kioskId: string, label: string): JournalRecord[] {
  return sessionEvents(label).map((event) => stamp(event, new Date('2026-06-01T09:05:00Z'), kioskId));
}

function batch(kioskId: string, list: JournalRecord[]) {
  return {
    kioskId,
    heartbeat: {
      appVersion: '0.1.0',
      uptimeSeconds: 5,
      freeDiskBytes: 1e9,
      lastError: null,
      pendingRecords: list.length,
    },
    records: list,
  };
}

async function post(collector: RunningCollector, token: string | null, body: unknown, raw?: string) {
  const response = await fetch(`${collector.url}/v1/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: raw ?? JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function count(db: Db): Promise<number> {
  const rows = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM records');
  return Number(rows[0]?.n);
}

describe.each(STORAGES)('collector on the $title', ({ storage, skip }) => {
  // One database per storage for the file (PGlite's first start is slow on a busy machine);
  // each test starts from empty tables.
  let shared: Awaited<ReturnType<Storage['open']>> | null = null;
  beforeAll(async () => {
    if (!skip) shared = await storage.open();
  }, 180_000);
  afterAll(async () => {
    await shared?.db.close();
    await shared?.drop();
  });

  async function setUp(): Promise<{ db: Db; collector: RunningCollector; token: string; id: string }> {
    if (shared === null) throw new Error('storage not opened');
    const { db } = shared;
    await db.query('TRUNCATE records, heartbeats, kiosk_tokens, kiosk_counts');
    const collector = await startCollector({ db, port: 0 });
    cleanups.push(() => collector.close());
    const issued = await issueToken(db, 'hall A');
    return { db, collector, token: issued.token, id: issued.id };
  }

  it.skipIf(skip)('stores each record once and answers the stored ids and the totals', async () => {
    const { db, collector, token } = await setUp();
    const list = [...records('kiosk-a', 'a1'), ...records('kiosk-a', 'a2')];
    const first = await post(collector, token, batch('kiosk-a', list));
    expect(first.status).toBe(200);
    const answer = BatchResponseSchema.parse(first.json);
    expect(new Set(answer.stored)).toEqual(new Set(list.map((record) => record.id)));
    expect(answer.acknowledged).toBe(list.length);
    expect(answer.totals).toMatchObject({ sessions: 2, kiosks: 1 });
    expect(answer.totals.pledges).toBe(list.filter((record) => record.type === 'pledge').length);
    // The same batch again (its answer was lost): acknowledged, nothing stored twice.
    const again = BatchResponseSchema.parse((await post(collector, token, batch('kiosk-a', list))).json);
    expect(again).toMatchObject({ stored: [], acknowledged: list.length });
    expect(await count(db)).toBe(list.length);
    // Migrations at every start change nothing the second time.
    expect(await migrate(db)).toEqual([]);
  });

  it.skipIf(skip)(
    'keeps only token hashes, and refuses missing, unknown and revoked tokens (401)',
    async () => {
      const { db, collector, token, id } = await setUp();
      const rows = await db.query<{ token_hash: string }>('SELECT token_hash FROM kiosk_tokens');
      expect(rows).toEqual([{ token_hash: hashToken(token) }]);
      expect(JSON.stringify(await db.query('SELECT * FROM kiosk_tokens'))).not.toContain(token);
      const body = batch('kiosk-a', records('kiosk-a', 'x'));
      expect((await post(collector, null, body)).status).toBe(401);
      expect((await post(collector, `${token}x`, body)).status).toBe(401);
      expect(await revokeToken(db, id)).toBe(true);
      const revoked = await post(collector, token, body);
      expect(revoked).toMatchObject({ status: 401, json: { error: 'Unknown or revoked token.' } });
      expect(await count(db)).toBe(0);
    },
  );

  it.skipIf(skip)(
    'refuses malformed JSON, a wrong schema, foreign records and oversized batches',
    async () => {
      const { db, collector, token } = await setUp();
      expect((await post(collector, token, null, '{"kioskId":')).json).toEqual({
        error: 'The body is not JSON.',
      });
      const good = records('kiosk-a', 'g');
      const tampered = good.map((record, index) =>
        index === 1 ? { ...record, sessionId: 'Nguyen Van A' } : record,
      );
      const wrong = await post(collector, token, batch('kiosk-a', tampered));
      expect(wrong.status).toBe(400);
      expect(String(wrong.json.error)).toMatch(/records\.1\.sessionId/);
      const extra = await post(
        collector,
        token,
        batch('kiosk-a', [{ ...good[0], name: 'x' } as unknown as JournalRecord]),
      );
      expect(extra.status).toBe(400);
      const foreign = await post(collector, token, batch('kiosk-a', records('kiosk-b', 'f')));
      expect(foreign).toMatchObject({
        status: 400,
        json: { error: expect.stringMatching(/belongs to kiosk/) as unknown },
      });
      const huge = await fetch(`${collector.url}/v1/batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: 'x'.repeat(9 * 1024 * 1024),
      });
      expect(huge.status).toBe(413);
      expect(await count(db)).toBe(0);
      expect((await fetch(`${collector.url}/v1/nothing`)).status).toBe(404);
    },
  );

  it.skipIf(skip)(
    'shows every kiosk, charts, learning, health and the merge exports on the live page',
    async () => {
      const { db, collector, token } = await setUp();
      await post(collector, token, batch('kiosk-a', records('kiosk-a', 'p1')));
      await post(
        collector,
        token,
        batch('kiosk-b', [...records('kiosk-b', 'p2'), ...records('kiosk-b', 'p3')]),
      );
      // Kiosk B went quiet an hour ago; kiosk C only ever came by USB.
      await db.query(
        "UPDATE heartbeats SET received_at = now() - interval '1 hour' WHERE kiosk_id = 'kiosk-b'",
      );
      await insertRecords(db, records('kiosk-c', 'p4'), null, 'import');
      const summary = (await (await fetch(`${collector.url}/v1/summary`)).json()) as {
        totals: { sessions: number; kiosks: number };
        kiosks: { kioskId: string; sessions: number }[];
      };
      expect(summary.totals).toMatchObject({ sessions: 4, kiosks: 3 });
      expect(summary.kiosks.map((kiosk) => [kiosk.kioskId, kiosk.sessions])).toEqual([
        ['kiosk-a', 1],
        ['kiosk-b', 2],
        ['kiosk-c', 1],
      ]);
      const html = await (await fetch(`${collector.url}/`)).text();
      expect(html).toContain('<meta http-equiv="refresh" content="15">');
      expect(html).toMatch(/data-total="sessions"><b>4<\/b>/);
      expect(html).toMatch(/data-total="silent"><b>1<\/b>/);
      expect(html).toMatch(
        /data-kiosk="kiosk-a" data-state="ok">\s*<td>kiosk-a<\/td><td data-col="sessions">1</,
      );
      expect(html).toMatch(
        /data-kiosk="kiosk-b" data-state="silent">\s*<td>kiosk-b<\/td><td data-col="sessions">2</,
      );
      expect(html).toContain('data-kiosk="kiosk-c" data-state="usb"');
      // Three charts (per kiosk, station, hour), the learning section, no script or remote URL.
      expect(html.match(/<svg/g)?.length).toBe(3);
      expect(html).toContain('Immediate effect: before / after playing');
      expect(html).not.toMatch(/<script|https?:\/\//);

      // The merge command's files, from the database: the same figures as merging the records.
      const json = (await (await fetch(`${collector.url}/export/json`)).json()) as {
        header: { format: string; recordCount: number; kiosks: string[] };
        total: { totals: { sessions: number; pledges: number } };
        kiosks: Record<string, { totals: { sessions: number } }>;
      };
      const stored = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM records');
      expect(json.header).toMatchObject({
        format: 'not-alone-kiosk-merge',
        recordCount: Number(stored[0]?.n),
        kiosks: ['kiosk-a', 'kiosk-b', 'kiosk-c'],
      });
      expect(json.total.totals).toMatchObject({ sessions: 4, pledges: 4 });
      expect(json.kiosks['kiosk-b']?.totals.sessions).toBe(2);
      const csv = await fetch(`${collector.url}/export/csv`);
      expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="tallies-merged-.*\.csv"/);
      expect([...new Uint8Array(await csv.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const report = await (await fetch(`${collector.url}/export/html`)).text();
      expect(report).toContain('kiosk-a, kiosk-b, kiosk-c');
    },
  );
});

describe('the embedded store', () => {
  it('serves one process at a time: a second open says the store is in use, and how to go on', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-lock-'));
    // A live process other than this one holds the store (as a running collector would).
    fs.writeFileSync(
      path.join(dataDir, STORE_LOCK),
      JSON.stringify({ pid: process.ppid, bootTime: Date.now() - os.uptime() * 1000 }),
    );
    try {
      await expect(openDb({ dataDir })).rejects.toThrow(
        new RegExp(
          `in use by another collector process \\(pid ${process.ppid}\\)\\. Stop that collector first`,
        ),
      );
      expect(fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
