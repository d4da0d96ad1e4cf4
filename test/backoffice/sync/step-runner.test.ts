/**
 * The sync worker thread (issue 9, "sync runs off the visitor path"): batches are read, sent
 * and acknowledged on a worker thread, through real HTTP to a loopback collector stand-in;
 * a worker that cannot start means in-process sync (with a warning), a worker that dies fails
 * only its step, and closing ends a step in flight.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Worker, threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchRequest } from '../../../electron/bridge/sync-contract.js';
import { openJournal, type Journal } from '../../../electron/backoffice/journal.js';
import { loadCursor } from '../../../electron/backoffice/sync/cursor.js';
import {
  WorkerStepRunner,
  inProcessRunner,
  spawnStepWorker,
} from '../../../electron/backoffice/sync/step-runner.js';
import type { StepInput } from '../../../electron/backoffice/sync/step.js';
import { Syncer } from '../../../electron/backoffice/sync/syncer.js';
import { memoryLogger, sessionEvents, stamp, tempDir } from '../helpers.js';

const TOKEN = 'tok_worker_0123456789SECRET';
const TOTALS = { sessions: 2, pledges: 0, kiosks: 1, at: '2026-06-01T10:00:00.000Z' };

/** A loopback HTTP stand-in for the collector: stores ids once; can hold its answers. */
interface Stub {
  url: string;
  stored: Set<string>;
  requests: number;
  /** While set, requests wait until release() (the batch is stored first, as a real one would). */
  hold: boolean;
  release(): void;
  /** Resolves once `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stubCollector(): Promise<Stub> {
  const held: (() => void)[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BatchRequest;
      const fresh = body.records.map((record) => record.id).filter((id) => !stub.stored.has(id));
      for (const id of fresh) stub.stored.add(id);
      stub.requests += 1;
      for (const waiter of waiters.filter((w) => stub.requests >= w.count)) waiter.resolve();
      const answer = (): void => {
        if (response.destroyed) return;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ stored: fresh, acknowledged: body.records.length, totals: TOTALS }));
      };
      if (stub.hold) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stub: Stub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stored: new Set(),
    requests: 0,
    hold: false,
    release: () => {
      stub.hold = false;
      for (const answer of held.splice(0)) answer();
    },
    arrived: (count) =>
      new Promise((resolve) => {
        if (stub.requests >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
  cleanups.push(() => stub.close());
  return stub;
}

function journalWith(dir: string, sessions: number): Journal {
  const journal = openJournal({ dataDir: dir, logger: memoryLogger() });
  for (let i = 0; i < sessions; i++) journal.appendMany(sessionEvents(`w${i}`).map((event) => stamp(event)));
  cleanups.push(() => {
    journal.close();
  });
  return journal;
}

function stepInput(dir: string, journal: Journal, url: string): StepInput {
  return {
    journalPath: path.join(dir, 'journal.jsonl'),
    dataDir: dir,
    offset: 0,
    records: 0,
    limit: journal.bytes,
    batchSize: 1000,
    url,
    token: TOKEN,
    timeoutMs: 10_000,
    kioskId: 'kiosk-test01',
    heartbeat: {
      appVersion: '9.9.9',
      uptimeSeconds: 1,
      freeDiskBytes: null,
      lastError: null,
      pendingRecords: 0,
    },
  };
}

function runnerWith(spawned: Worker[], spawn: () => Worker = spawnStepWorker) {
  const logger = memoryLogger();
  const runner = new WorkerStepRunner({
    logger,
    fallback: inProcessRunner(),
    spawn: () => {
      const worker = spawn();
      spawned.push(worker);
      return worker;
    },
  });
  cleanups.push(() => {
    runner.close();
  });
  return { runner, logger };
}

describe('sync steps on a worker thread', () => {
  it('syncs a whole journal through the syncer, each batch on another thread than the caller', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 5);
    const stub = await stubCollector();
    const workers: Worker[] = [];
    const { runner } = runnerWith(workers);
    // The step itself reports where it ran.
    const direct = await runner.run(stepInput(dir, journal, stub.url), new AbortController().signal);
    expect(direct).toMatchObject({ ok: true, sent: journal.records });
    expect(direct.threadId).not.toBe(threadId);

    const second = tempDir();
    const other = journalWith(second, 7);
    const syncer = new Syncer({
      dataDir: second,
      journal: other,
      config: () => ({
        url: stub.url,
        token: TOKEN,
        enabled: true,
        intervalMs: 60_000,
        batchSize: 6,
        problem: null,
      }),
      kioskId: () => 'kiosk-test02',
      version: '9.9.9',
      logger: memoryLogger(),
      runner,
    });
    const run = await syncer.syncNow();
    expect(run).toMatchObject({ ok: true, sent: other.records, batches: Math.ceil(other.records / 6) });
    expect(stub.stored.size).toBe(journal.records + other.records);
    expect(loadCursor(second).cursor).toMatchObject({
      offset: other.bytes,
      records: other.records,
      url: stub.url,
    });
    expect(syncer.festival()).toEqual(TOTALS);
    // One worker served every step.
    expect(workers).toHaveLength(1);
  });

  it('syncs on the calling thread, with a warning, where a worker cannot start', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 2);
    const stub = await stubCollector();
    const workers: Worker[] = [];
    const { runner, logger } = runnerWith(
      workers,
      () => new Worker('throw new Error("no worker files in this package")', { eval: true }),
    );
    const result = await runner.run(stepInput(dir, journal, stub.url), new AbortController().signal);
    expect(result).toMatchObject({ ok: true, sent: journal.records, threadId });
    expect(logger.at('warn').join('\n')).toMatch(/cannot use a worker thread.*no worker files/);
    // From then on every step runs here, without trying a worker again.
    await runner.run({ ...stepInput(dir, journal, stub.url) }, new AbortController().signal);
    expect(workers).toHaveLength(1);
    expect(stub.stored.size).toBe(journal.records);
  });

  it('fails only the step of a worker that dies, and starts a new worker for the next', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 3);
    const stub = await stubCollector();
    const workers: Worker[] = [];
    const { runner } = runnerWith(workers);
    stub.hold = true;
    const dying = runner.run(stepInput(dir, journal, stub.url), new AbortController().signal);
    await stub.arrived(1);
    await workers[0]?.terminate();
    const failed = await dying;
    expect(failed).toMatchObject({
      ok: false,
      message: expect.stringMatching(/sync worker stopped/) as unknown,
    });
    // Stored by the collector but never acknowledged: the cursor did not move.
    expect(loadCursor(dir).cursor.records).toBe(0);
    stub.release();
    const again = await runner.run(stepInput(dir, journal, stub.url), new AbortController().signal);
    expect(again).toMatchObject({ ok: true, sent: journal.records });
    expect(workers).toHaveLength(2);
    expect(stub.stored.size).toBe(journal.records);
  });

  it('ends a step in flight when closed or aborted, without moving the cursor', async () => {
    const dir = tempDir();
    const journal = journalWith(dir, 2);
    const stub = await stubCollector();
    stub.hold = true;
    const { runner: aborting } = runnerWith([]);
    const controller = new AbortController();
    const aborted = aborting.run(stepInput(dir, journal, stub.url), controller.signal);
    await stub.arrived(1);
    controller.abort();
    expect(await aborted).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot be reached/) as unknown,
    });

    const { runner: closing } = runnerWith([]);
    const closed = closing.run(stepInput(dir, journal, stub.url), new AbortController().signal);
    await stub.arrived(2);
    closing.close();
    expect(await closed).toEqual({ ok: false, message: 'Sync stopped.', festival: null, threadId });
    expect(await closing.run(stepInput(dir, journal, stub.url), new AbortController().signal)).toMatchObject({
      ok: false,
      message: 'Sync stopped.',
    });
    expect(loadCursor(dir).cursor.records).toBe(0);
  });
});
