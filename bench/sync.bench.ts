/**
 * Sync benchmark (issue 9): prints ONE JSON object on stdout.
 *
 *   npm run bench -- sync
 *
 * The collector runs in its own process (bench/sync-collector.ts) on loopback, as organisers
 * run it. Measures:
 * - 100,000 journal records synced from one kiosk (default batch size) into the embedded
 *   store (goal: under 10 s) and into PostgreSQL (BENCH_DATABASE_URL, else
 *   COLLECTOR_TEST_DATABASE_URL; without one that part reports `skipped` with the reason);
 * - records per second stored for 10 kiosks syncing at once into PostgreSQL (each kiosk its
 *   own process: test/collector/kiosk-sync-child.ts);
 * - the cost of sync on the visitor path: the latency of recording a visitor event (from the
 *   moment it is due, so event-loop stalls count) p99 while sync sends a large backlog, against
 *   the same without sync in alternating rounds of the same run (goal: within 10%).
 *
 * BENCH_SYNC_BATCH_SIZE sets the kiosks' batch size (default: the setting's default, 500);
 * BENCH_SYNC_ONLY=visitor runs only the visitor path (always measured first), and
 * BENCH_SYNC_ONLY=embedded stops after the embedded 100k (quick looks).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { JournalRecord, VisitorEvent } from '../electron/bridge/contract.js';
import { openBackOffice } from '../electron/backoffice/index.js';
import type { BackOffice, Logger } from '../electron/backoffice/types.js';
import { round } from './measure.js';

const RECORDS = 100_000;
const KIOSKS = 10;
const RECORDS_PER_KIOSK = 10_000;
const LATENCY_INTERVAL_MS = 10;
const LATENCY_ROUNDS = 120;
const LATENCY_ROUND_MS = 2_000;
const LATENCY_SETTLE_MS = 300;
const BACKLOG = 60_000;
const GOALS = { embedded100kSeconds: 10, visitorP99Ratio: 1.1 };

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.COLLECTOR_TEST_DATABASE_URL ?? '';
const PG_SKIPPED = 'skipped: no PostgreSQL URL given (set BENCH_DATABASE_URL or COLLECTOR_TEST_DATABASE_URL)';
const root = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'sync-bench-'));
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const children: ChildProcess[] = [];
const cleanups: string[] = [];
/** Memory-backed storage: the collector's "other disk" when it stands in for another machine. */
const SHM = '/dev/shm';
/** util-linux's chrt: runs the stand-in collector under SCHED_IDLE (only on CPU time nobody wants). */
const CHRT = '/usr/bin/chrt';

/** One visitor session's records (5 per session), valid journal lines. */
function sessionRecords(kioskId: string, at: Date): JournalRecord[] {
  const sessionId = crypto.randomUUID();
  const events: VisitorEvent[] = [
    { type: 'session-start', sessionId, language: 'vi' },
    { type: 'scene-enter', sessionId, sceneId: 'scam' },
    {
      type: 'choice',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'bank-call',
      nodeId: 'n-1',
      choiceId: 'hang-up',
    },
    {
      type: 'result',
      sessionId,
      sceneId: 'scam',
      scenarioId: 'bank-call',
      outcome: 'safe',
      score: 800,
      durationMs: 73_000,
      redFlagsSpotted: ['urgent-tone', 'otp-request'],
      redFlagsMissed: ['spoofed-number'],
    },
    { type: 'session-end', sessionId, reason: 'completed' },
  ];
  return events.map((event) => ({ id: crypto.randomUUID(), at: at.toISOString(), kioskId, ...event }));
}

/**
 * A kiosk data folder whose journal already holds `count` records (written in one go, and
 * flushed to disk as a kiosk's journal is: otherwise the kernel writes these megabytes back
 * while the visitor-path rounds run and slows their fdatasync, with or without sync).
 */
function kioskFolder(kioskId: string, count: number): string {
  const dir = fs.mkdtempSync(path.join(root, `${kioskId}-`));
  fs.writeFileSync(path.join(dir, 'kiosk-id.json'), JSON.stringify({ kioskId }));
  const lines: string[] = [];
  const start = Date.parse('2026-06-01T01:00:00Z');
  for (let i = 0; lines.length < count; i++)
    for (const record of sessionRecords(kioskId, new Date(start + i * 20_000)))
      if (lines.length < count) lines.push(JSON.stringify(record));
  const journal = fs.openSync(path.join(dir, 'journal.jsonl'), 'w');
  try {
    fs.writeFileSync(journal, `${lines.join('\n')}\n`);
    fs.fsyncSync(journal);
  } finally {
    fs.closeSync(journal);
  }
  return dir;
}

interface CollectorProcess {
  url: string;
  tokens: string[];
  stop(): Promise<void>;
}

/** Starts bench/sync-collector.ts on `databaseUrl` (or a fresh embedded store). */
async function startCollectorProcess(
  databaseUrl: string,
  tokens = 1,
  elsewhere = false,
): Promise<CollectorProcess> {
  const dataRoot = elsewhere && fs.existsSync(SHM) ? fs.mkdtempSync(path.join(SHM, 'sync-bench-')) : root;
  if (dataRoot !== root) cleanups.push(dataRoot);
  const node = [process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'sync-collector.ts')];
  const [command = '', ...args] = elsewhere && fs.existsSync(CHRT) ? [CHRT, '--idle', '0', ...node] : node;
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      COLLECTOR_DATA_DIR: fs.mkdtempSync(path.join(dataRoot, 'collector-')),
      BENCH_TOKENS: String(tokens),
      BENCH_COLLECTOR_NICE: elsewhere ? '19' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`the collector exited (${String(code)}) before it listened`));
    });
  });
  const started = JSON.parse(line) as { url: string; tokens: string[] };
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** A fresh database on the PostgreSQL server, dropped by the returned function. */
async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sync_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function kioskRecordsAtCollector(url: string, kioskId: string): Promise<number> {
  const summary = (await (await fetch(`${url}/v1/summary`)).json()) as {
    kiosks: { kioskId: string; records: number }[];
  };
  return summary.kiosks.find((kiosk) => kiosk.kioskId === kioskId)?.records ?? 0;
}

/** Points the open kiosk at the collector, sync on (it starts at once, off the visitor path) or off. */
function pointAt(backOffice: BackOffice, collector: CollectorProcess, enabled = true): void {
  backOffice.sync.configure({
    url: collector.url,
    enabled,
    intervalSeconds: 3600,
    token: collector.tokens[0],
  });
}

async function drain(backOffice: BackOffice): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    const run = await backOffice.sync.syncNow();
    if (run.ok && backOffice.sync.status().pendingRecords === 0) return;
    if (!run.ok) throw new Error(run.error);
  }
}

/** 100,000 records from one kiosk into the collector on `databaseUrl` ('' = embedded). */
async function oneKiosk(databaseUrl: string) {
  const collector = await startCollectorProcess(databaseUrl);
  const dataDir = kioskFolder('bench-one', RECORDS);
  const batch = process.env.BENCH_SYNC_BATCH_SIZE;
  const backOffice = openBackOffice({
    dataDir,
    version: '0.1.0',
    host: 'browser',
    logger: silent,
    env: batch === undefined ? {} : { KIOSK_SYNC_BATCH_SIZE: batch },
  });
  try {
    const started = performance.now();
    pointAt(backOffice, collector);
    await drain(backOffice);
    const seconds = (performance.now() - started) / 1000;
    const stored = await kioskRecordsAtCollector(collector.url, 'bench-one');
    if (stored !== RECORDS) throw new Error(`the collector holds ${stored} of ${RECORDS} records`);
    return {
      records: RECORDS,
      batchSize: Number(batch ?? backOffice.settings().sync.batchSize),
      seconds: round(seconds),
      recordsPerSecond: Math.round(RECORDS / seconds),
    };
  } finally {
    backOffice.close();
    await collector.stop();
  }
}

/** 10 kiosks (each its own process) syncing at once into PostgreSQL. */
async function tenKiosks(databaseUrl: string) {
  const collector = await startCollectorProcess(databaseUrl, KIOSKS);
  try {
    const child = path.join(import.meta.dirname, '..', 'test', 'collector', 'kiosk-sync-child.ts');
    const started = performance.now();
    const exits = collector.tokens.map((token, i) => {
      const kiosk = spawn(process.execPath, ['--import', 'tsx', child], {
        env: {
          ...process.env,
          KIOSK_DATA_DIR: kioskFolder(`bench-k${i}`, RECORDS_PER_KIOSK),
          KIOSK_SYNC_URL: collector.url,
          KIOSK_SYNC_TOKEN: token,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(kiosk);
      return new Promise<number | null>((resolve) => kiosk.once('exit', resolve));
    });
    const codes = await Promise.all(exits);
    const wallSeconds = (performance.now() - started) / 1000;
    if (codes.some((code) => code !== 0)) throw new Error(`kiosk exits: ${codes.join(', ')}`);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: string; first: Date; last: Date }>(
      'SELECT count(*) AS n, min(received_at) AS first, max(received_at) AS last FROM records',
    );
    await client.end();
    const total = Number(rows[0]?.n);
    if (total !== KIOSKS * RECORDS_PER_KIOSK) throw new Error(`stored ${total} records`);
    const storingSeconds = ((rows[0]?.last.getTime() ?? 0) - (rows[0]?.first.getTime() ?? 0)) / 1000;
    return {
      kiosks: KIOSKS,
      records: total,
      // From the first batch stored to the last: the collector's rate, without process starts.
      recordsPerSecond: Math.round(total / Math.max(storingSeconds, 0.001)),
      storingSeconds: round(storingSeconds),
      // Including 10 kiosk processes starting and replaying their journals on this machine.
      wallSeconds: round(wallSeconds),
    };
  } finally {
    await collector.stop();
  }
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

interface Latency {
  /** From when the event was due to when record() returned. */
  total: number;
  /** The event loop's share: from due to when record() was called. */
  lateness: number;
}

/**
 * Records events every LATENCY_INTERVAL_MS for `ms`. Each latency counts from when the event
 * was due (or the previous one finished, if later): a stalled event loop (sync hogging it)
 * counts, a queue of our own making does not.
 */
async function recordFor(backOffice: BackOffice, ms: number): Promise<Latency[]> {
  const latencies: Latency[] = [];
  const start = performance.now();
  let previousEnd = start;
  const sessionId = crypto.randomUUID();
  for (let i = 0; i * LATENCY_INTERVAL_MS < ms; i++) {
    const due = start + i * LATENCY_INTERVAL_MS;
    const wait = due - performance.now();
    // Already due: setImmediate, not setTimeout(0), which waits at least 1 ms and would count
    // that millisecond as the event loop's lateness.
    await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    const called = performance.now();
    backOffice.record({ type: 'scene-enter', sessionId, sceneId: 'scam' });
    const end = performance.now();
    const from = Math.max(due, previousEnd);
    latencies.push({ total: end - from, lateness: called - from });
    previousEnd = end;
  }
  return latencies;
}

/** Turns sync on while a visitor records and waits for the first batch's acknowledgement (ms). */
async function firstBatch(backOffice: BackOffice, collector: CollectorProcess): Promise<number> {
  const started = performance.now();
  pointAt(backOffice, collector, true);
  while (backOffice.sync.status().lastSuccessAt === null) {
    if (performance.now() - started > 60_000) throw new Error('sync sent no batch within 60 s');
    await recordFor(backOffice, 50);
  }
  return round(performance.now() - started);
}

/**
 * p99 of recording a visitor event while sync sends a large backlog vs while it is off, in
 * LATENCY_ROUNDS alternating rounds (off, on, off, on, ...) so that the machine's own ups and
 * downs fall on both sides alike. The first LATENCY_SETTLE_MS of an "off" round are dropped
 * (the batch in flight when sync is turned off still finishes); "on" rounds count whole.
 * Visitors record every 10 ms, so sync runs paced (pacing.ts) throughout. The warm-up also
 * syncs until the first batch is acknowledged: the worker thread starts once per launch (here
 * it compiles TypeScript under tsx), and that start is reported on its own, not in a round.
 * BENCH_SYNC_AA=1 keeps sync off in the "on" rounds too: the control run, whose ratio shows
 * how far apart two identical sides land on this machine.
 */
async function visitorPath() {
  // At the festival the collector is the organisers' laptop, not the kiosk: here it stands in
  // for another machine (SCHED_IDLE where chrt exists, else the lowest nice; its files in
  // memory), so what is measured is what sync costs the kiosk itself (reading, encoding,
  // sending, the cursor's fsync), not a database sharing the kiosk's two cores and disk.
  const collector = await startCollectorProcess('', 1, true);
  const dataDir = kioskFolder('bench-visitor', BACKLOG);
  const backOffice = openBackOffice({ dataDir, version: '0.1.0', host: 'browser', logger: silent });
  // Whatever earlier benches left for the kernel to write back is written now, not mid-round.
  spawnSync('sync', { stdio: 'ignore' });
  const off: Latency[] = [];
  const on: Latency[] = [];
  let syncRanThroughout = true;
  const control = process.env.BENCH_SYNC_AA === '1';
  try {
    await recordFor(backOffice, 500); // warm-up: JIT, the journal's file handle
    const firstBatchMs = await firstBatch(backOffice, collector);
    pointAt(backOffice, collector, false);
    await recordFor(backOffice, 500);
    const pendingAtStart = backOffice.sync.status().pendingRecords;
    let recorded = 0;
    for (let round = 0; round < LATENCY_ROUNDS; round++) {
      const syncing = round % 2 === 1;
      pointAt(backOffice, collector, syncing && !control);
      const samples = await recordFor(backOffice, LATENCY_ROUND_MS);
      recorded += samples.length;
      // After turning sync off, the batch in flight still finishes: those samples are dropped.
      if (syncing) on.push(...samples);
      else off.push(...samples.slice(LATENCY_SETTLE_MS / LATENCY_INTERVAL_MS));
      if (syncing && !control && backOffice.sync.status().pendingRecords === 0) syncRanThroughout = false;
    }
    pointAt(backOffice, collector, false);
    const sent = pendingAtStart + recorded - backOffice.sync.status().pendingRecords;
    const p = (values: Latency[], key: keyof Latency) => round(p99(values.map((value) => value[key])), 3);
    return {
      ...(control ? { control: 'A/A: sync off in both sides (BENCH_SYNC_AA=1)' } : {}),
      firstBatchMs,
      rounds: LATENCY_ROUNDS,
      roundMs: LATENCY_ROUND_MS,
      intervalMs: LATENCY_INTERVAL_MS,
      backlog: BACKLOG,
      samplesEach: Math.min(off.length, on.length),
      recordsSentWhileMeasuring: sent,
      syncRanThroughout,
      collectorStandIn: fs.existsSync(CHRT) ? 'SCHED_IDLE, files in memory' : 'nice 19, files in memory',
      p99WithoutSyncMs: p(off, 'total'),
      p99WithSyncMs: p(on, 'total'),
      // Where the time goes: waiting for the event loop vs inside record() (the fdatasync).
      p99EventLoopWithoutSyncMs: p(off, 'lateness'),
      p99EventLoopWithSyncMs: p(on, 'lateness'),
      ratio: round(p(on, 'total') / p(off, 'total'), 3),
    };
  } finally {
    backOffice.close();
    await collector.stop();
  }
}

async function main(): Promise<Record<string, unknown>> {
  // The visitor path first: the throughput runs leave the disk busy for a while afterwards
  // (PostgreSQL's checkpoint, the embedded store's files written back), which would land in
  // its rounds as fdatasync stalls that have nothing to do with the kiosk's sync.
  const visitor = await visitorPath();
  if (process.env.BENCH_SYNC_ONLY === 'visitor') return { goals: GOALS, visitorPath: visitor };
  const embedded = await oneKiosk('');
  if (process.env.BENCH_SYNC_ONLY === 'embedded')
    return { goals: GOALS, visitorPath: visitor, embedded100k: embedded };
  let postgres: Record<string, unknown> = { skipped: PG_SKIPPED };
  let concurrent: Record<string, unknown> = { skipped: PG_SKIPPED };
  if (PG_URL !== '') {
    const one = await freshPgDatabase();
    try {
      postgres = await oneKiosk(one.url);
    } finally {
      await one.drop();
    }
    const many = await freshPgDatabase();
    try {
      concurrent = await tenKiosks(many.url);
    } finally {
      await many.drop();
    }
  }
  return {
    goals: GOALS,
    embedded100k: embedded,
    postgres100k: postgres,
    postgresTenKiosks: concurrent,
    visitorPath: visitor,
    met: {
      embedded100kUnder10s: embedded.seconds < GOALS.embedded100kSeconds,
      visitorP99Within10pct: visitor.ratio <= GOALS.visitorP99Ratio,
    },
  };
}

try {
  console.log(JSON.stringify(await main()));
} finally {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of [root, ...cleanups]) fs.rmSync(dir, { recursive: true, force: true });
}
