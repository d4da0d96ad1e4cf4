/**
 * Kiosk-side sync units: backoff with full jitter, the collector URL policy, the KIOSK_SYNC_*
 * variables, the outbox reader and the syncer's cursor/retry behaviour (fake clock, fake
 * collector answering through a fetch function).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectorUrlProblem } from '../../../electron/bridge/admin-contract.js';
import type { BatchRequest } from '../../../electron/bridge/sync-contract.js';
import { openJournal, type Journal } from '../../../electron/backoffice/journal.js';
import { backoffCeiling, backoffDelay } from '../../../electron/backoffice/sync/backoff.js';
import { batchesUrl, type FetchLike } from '../../../electron/backoffice/sync/client.js';
import { CURSOR_FILE, loadCursor } from '../../../electron/backoffice/sync/cursor.js';
import { readSyncEnv } from '../../../electron/backoffice/sync/env.js';
import { readBatch } from '../../../electron/backoffice/sync/outbox.js';
import { Syncer, type SyncConfig, type SyncerOptions } from '../../../electron/backoffice/sync/syncer.js';
import { memoryLogger, sessionEvents, stamp, tempDir } from '../helpers.js';

const TOKEN = 'tok_0123456789abcdefSECRET';

afterEach(() => {
  vi.useRealTimers();
});

describe('backoff', () => {
  it('doubles its ceiling per attempt up to the cap, and jitters over the whole range', () => {
    const policy = { baseMs: 1000, capMs: 20_000 };
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffCeiling(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 20_000, 20_000,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000);
    expect(backoffDelay(30, policy, () => 0.999_999)).toBe(19_999);
  });
});

describe('collector URL policy', () => {
  it.each([
    'https://collector.example.org',
    'https://1.2.3.4:8443/base',
    'http://127.0.0.1:8787',
    'http://localhost:8787',
    'http://10.0.0.5',
    'http://172.16.4.2',
    'http://172.31.255.1',
    'http://192.168.1.20:80/x',
    'http://[::1]:8787',
    'http://[fd00::1]/',
  ])('allows %s', (url) => {
    expect(collectorUrlProblem(url)).toBeNull();
  });
  it.each([
    ['http://collector.example.org', /private-network/],
    ['http://8.8.8.8', /private-network/],
    ['http://172.32.0.1', /private-network/],
    ['http://192.169.0.1', /private-network/],
    ['http://10.0.0.1.evil.example', /private-network/],
    ['ftp://10.0.0.1', /https:\/\//],
    ['https://user:pw@collector.example.org', /user name or password/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, reason) => {
    expect(collectorUrlProblem(url)).toMatch(reason);
  });
  it('keeps a path prefix when it builds the batches route', () => {
    expect(batchesUrl('https://c.example.org/fest/')).toBe('https://c.example.org/fest/v1/batches');
    expect(batchesUrl('http://127.0.0.1:9')).toBe('http://127.0.0.1:9/v1/batches');
  });
});

describe('KIOSK_SYNC_* variables', () => {
  it('reads every setting and treats empty as unset', () => {
    expect(
      readSyncEnv({
        KIOSK_SYNC_URL: 'http://127.0.0.1:8787',
        KIOSK_SYNC_TOKEN: TOKEN,
        KIOSK_SYNC_INTERVAL_SECONDS: '30',
        KIOSK_SYNC: 'off',
        KIOSK_SYNC_BATCH_SIZE: '200',
      }),
    ).toEqual({
      url: 'http://127.0.0.1:8787',
      token: TOKEN,
      intervalSeconds: 30,
      enabled: false,
      batchSize: 200,
    });
    expect(readSyncEnv({ KIOSK_SYNC_URL: '' })).toEqual({});
  });
  it('names the variable and never quotes the token', () => {
    expect(() => readSyncEnv({ KIOSK_SYNC_URL: 'http://example.org' })).toThrow(/KIOSK_SYNC_URL/);
    expect(() => readSyncEnv({ KIOSK_SYNC_BATCH_SIZE: '0' })).toThrow(/KIOSK_SYNC_BATCH_SIZE/);
    expect(() => readSyncEnv({ KIOSK_SYNC: 'maybe' })).toThrow(/KIOSK_SYNC /);
    const bad = 'short secret';
    expect(() => readSyncEnv({ KIOSK_SYNC_TOKEN: bad })).toThrow(/KIOSK_SYNC_TOKEN/);
    try {
      readSyncEnv({ KIOSK_SYNC_TOKEN: bad });
    } catch (error) {
      expect(String(error)).not.toContain(bad);
    }
  });
});

function journalWith(dir: string, sessions: number): Journal {
  const journal = openJournal({ dataDir: dir, logger: memoryLogger() });
  for (let i = 0; i < sessions; i++) {
    journal.appendMany(
      sessionEvents(`s${i}`).map((event) => stamp(event, new Date(Date.UTC(2026, 5, 1, 9, 7, 31)))),
    );
  }
  return journal;
}

describe('outbox', () => {
  it('reads batches from an offset, rounds times to 5 minutes, skips damaged lines', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 2);
    const total = journal.records;
    const first = await readBatch(journal.path, 0, journal.bytes, 3);
    expect(first.records).toHaveLength(3);
    expect(first.records.every((record) => record.at === '2026-06-01T09:05:00.000Z')).toBe(true);
    const rest = await readBatch(journal.path, first.endOffset, journal.bytes, 1000);
    expect(rest.records).toHaveLength(total - 3);
    expect(rest.endOffset).toBe(journal.bytes);
    journal.close();
    fs.appendFileSync(journal.path, 'not json\n');
    const damaged = await readBatch(journal.path, rest.endOffset, fs.statSync(journal.path).size, 10);
    expect(damaged).toMatchObject({ records: [], damagedLines: 1 });
  });
});

interface FakeCollector {
  fetch: FetchLike;
  stored: Map<string, unknown>;
  requests: BatchRequest[];
  /** What the next answers do: 'ok', 'fail' (500), 'lost' (stored, then the answer is lost). */
  plan: ('ok' | 'fail' | 'lost')[];
}

function fakeCollector(): FakeCollector {
  const collector: FakeCollector = {
    stored: new Map(),
    requests: [],
    plan: [],
    fetch: (_url, init) => {
      const body = JSON.parse(init.body as string) as BatchRequest;
      collector.requests.push(body);
      const mode = collector.plan.shift() ?? 'ok';
      if (mode === 'fail') return Promise.resolve(new Response('{"error":"down"}', { status: 500 }));
      for (const record of body.records)
        if (!collector.stored.has(record.id)) collector.stored.set(record.id, record);
      if (mode === 'lost') return Promise.reject(new TypeError('fetch failed'));
      return Promise.resolve(
        Response.json({
          stored: [],
          acknowledged: body.records.length,
          totals: { sessions: 7, pledges: 3, kiosks: 2, at: '2026-06-01T10:00:00.000Z' },
        }),
      );
    },
  };
  return collector;
}

function syncerFor(
  dir: string,
  journal: Journal,
  collector: FakeCollector,
  config: Partial<SyncConfig> = {},
  extra: Pick<SyncerOptions, 'lastVisitorAt' | 'pacing'> = {},
) {
  const logger = memoryLogger();
  const syncer = new Syncer({
    ...extra,
    dataDir: dir,
    journal,
    config: () => ({
      url: 'http://127.0.0.1:9',
      token: TOKEN,
      enabled: true,
      intervalMs: 60_000,
      batchSize: 4,
      problem: null,
      ...config,
    }),
    kioskId: () => 'kiosk-test01',
    version: '9.9.9',
    logger,
    fetch: collector.fetch,
    random: () => 0.5,
    backoff: { baseMs: 1000, capMs: 8000 },
  });
  return { syncer, logger };
}

describe('syncer', () => {
  it('advances the durable cursor only after an acknowledgement, batch by batch', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 2);
    const collector = fakeCollector();
    collector.plan = ['ok', 'fail'];
    const { syncer } = syncerFor(dir, journal, collector);
    const run = await syncer.syncNow();
    expect(run).toMatchObject({ ok: false, sent: 4, batches: 1, retryInMs: 500 });
    const saved = loadCursor(dir).cursor;
    expect(saved.records).toBe(4);
    expect(syncer.pending()).toBe(journal.records - 4);
    expect(syncer.status()).toMatchObject({
      state: 'error',
      lastError: expect.stringMatching(/HTTP 500/) as unknown,
    });
    const again = await syncer.syncNow();
    expect(again).toMatchObject({ ok: true });
    expect(collector.stored.size).toBe(journal.records);
    expect(loadCursor(dir).cursor).toMatchObject({ offset: journal.bytes, records: journal.records });
    expect(syncer.status()).toMatchObject({ state: 'idle', pendingRecords: 0, lastError: null });
    expect(syncer.festival()).toMatchObject({ sessions: 7, pledges: 3 });
    journal.close();
  });

  it('resends a batch whose answer was lost, and the ids keep one copy', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 1);
    const collector = fakeCollector();
    collector.plan = ['lost'];
    const { syncer } = syncerFor(dir, journal, collector);
    expect(await syncer.syncNow()).toMatchObject({ ok: false });
    expect(loadCursor(dir).cursor.records).toBe(0);
    expect(await syncer.syncNow()).toMatchObject({ ok: true });
    const sentIds = collector.requests.flatMap((request) => request.records.map((record) => record.id));
    expect(sentIds.length).toBeGreaterThan(journal.records);
    expect(collector.stored.size).toBe(journal.records);
    journal.close();
  });

  it('sends a heartbeat with version, uptime, free disk, last error and pending', async () => {
    vi.useFakeTimers({ now: new Date('2026-06-01T09:00:00Z') });
    const dir = tempDir();
    const journal = journalWith(dir, 1);
    const collector = fakeCollector();
    collector.plan = ['fail'];
    const { syncer } = syncerFor(dir, journal, collector);
    await syncer.syncNow();
    vi.advanceTimersByTime(90_000);
    await syncer.syncNow();
    const beat = collector.requests[1]?.heartbeat;
    expect(beat).toMatchObject({
      appVersion: '9.9.9',
      uptimeSeconds: 90,
      pendingRecords: journal.records,
      lastError: expect.stringMatching(/HTTP 500/) as unknown,
    });
    journal.close();
  });

  it('retries on a jittered, capped backoff and then the interval (fake timers)', async () => {
    vi.useFakeTimers({
      now: new Date('2026-06-01T09:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    const dir = tempDir();
    const journal = journalWith(dir, 1);
    const collector = fakeCollector();
    collector.plan = ['fail', 'fail', 'fail', 'fail', 'fail', 'fail'];
    const times: number[] = [];
    const startedAt = Date.now();
    const original = collector.fetch;
    collector.fetch = (url, init) => {
      times.push(Date.now() - startedAt);
      return original(url, init);
    };
    const { syncer } = syncerFor(dir, journal, collector);
    syncer.start();
    // Step the fake clock; each run's file reads are real I/O, awaited before the next step.
    const advance = async (ms: number): Promise<void> => {
      for (let t = 0; t < ms; t += 100) {
        await syncer.whenIdle();
        await vi.advanceTimersByTimeAsync(100);
      }
      await syncer.whenIdle();
    };
    await advance(60_000);
    // random() = 0.5: retries after half of 1, 2, 4, 8, 8, 8 s (ceiling capped at 8 s).
    const firstSeven = times.slice(0, 7);
    expect(firstSeven.slice(1).map((t, i) => t - (firstSeven[i] ?? 0))).toEqual([
      500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect(collector.stored.size).toBe(journal.records);
    const caughtUpAt = times.at(-1) ?? 0;
    const before = times.length;
    await advance(60_000);
    // Caught up: the next run (a heartbeat) comes one interval later, not on the backoff.
    expect(times.slice(before)).toEqual([caughtUpAt + 60_000]);
    syncer.stop();
    journal.close();
  });

  it('no URL means no sync and no error; a refused URL or missing token is a clear error', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 1);
    const collector = fakeCollector();
    const off = syncerFor(dir, journal, collector, { url: null }).syncer;
    expect(await off.syncNow()).toMatchObject({ ok: true, skipped: 'disabled' });
    expect(off.status()).toMatchObject({ state: 'disabled', lastError: null });
    const noToken = syncerFor(dir, journal, collector, { token: null }).syncer;
    expect(noToken.status()).toMatchObject({
      state: 'error',
      lastError: expect.stringMatching(/token/) as unknown,
    });
    expect(collector.requests).toHaveLength(0);
    expect(fs.existsSync(path.join(dir, CURSOR_FILE))).toBe(false);
    journal.close();
  });

  it('a sync asked for while one runs waits for it, then sends what was recorded meanwhile', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 1);
    const collector = fakeCollector();
    const { syncer } = syncerFor(dir, journal, collector, { batchSize: 100 });
    const first = syncer.syncNow();
    // Recorded after the first run read the journal's size: only a new run can send it.
    journal.appendMany(sessionEvents('late').map((event) => stamp(event)));
    const second = syncer.syncNow();
    expect(await first).toMatchObject({ ok: true, batches: 1 });
    expect(await second).toMatchObject({ ok: true, batches: 1 });
    expect(collector.stored.size).toBe(journal.records);
    expect(syncer.pending()).toBe(0);
    journal.close();
  });

  it('stops between batches when staff turn sync off during a long run', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 4);
    const collector = fakeCollector();
    let enabled = true;
    const original = collector.fetch;
    collector.fetch = async (url, init) => {
      const answer = await original(url, init);
      enabled = false; // turned off while the first batch was on its way
      return answer;
    };
    // Read afresh at every step, as the settings are.
    const { syncer } = syncerFor(dir, journal, collector, {
      get enabled() {
        return enabled;
      },
    });
    expect(await syncer.syncNow()).toEqual({ ok: true, sent: 4, batches: 1 });
    expect(collector.requests).toHaveLength(1);
    expect(loadCursor(dir).cursor.records).toBe(4);
    expect(syncer.status()).toMatchObject({ state: 'disabled', pendingRecords: journal.records - 4 });
    journal.close();
  });

  it('sends small batches with pauses while visitors use the kiosk, then the rest at full speed', async () => {
    vi.useFakeTimers({
      now: new Date('2026-06-01T09:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    const dir = tempDir();
    const journal = journalWith(dir, 4);
    const collector = fakeCollector();
    const startedAt = Date.now();
    const sent: { at: number; records: number }[] = [];
    const original = collector.fetch;
    collector.fetch = (url, init) => {
      const body = JSON.parse(init.body as string) as BatchRequest;
      sent.push({ at: Date.now() - startedAt, records: body.records.length });
      return original(url, init);
    };
    // A visitor recorded something just now; nobody after that.
    const { syncer } = syncerFor(
      dir,
      journal,
      collector,
      { batchSize: 100 },
      {
        lastVisitorAt: () => startedAt,
        pacing: { activeWindowMs: 10_000, busyBatchRecords: 3, busyPauseMs: 2_000 },
      },
    );
    const state = { done: false };
    const run = syncer.syncNow().finally(() => {
      state.done = true;
    });
    // Reads are real I/O: let them finish, then jump the fake clock to the next pause's end.
    while (!state.done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
    }
    const busyBatches = Math.ceil(10_000 / 2_000);
    expect(await run).toMatchObject({ ok: true, sent: journal.records, batches: busyBatches + 1 });
    expect(sent.map((batch) => batch.at)).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
    expect(sent.map((batch) => batch.records)).toEqual([3, 3, 3, 3, 3, journal.records - 15]);
    expect(collector.stored.size).toBe(journal.records);
    journal.close();
  });
});
