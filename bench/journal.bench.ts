/**
 * Journal benchmark: prints ONE JSON object on stdout.
 *
 *   node --import tsx bench/journal.bench.ts
 *
 * Measures, on the disk holding BENCH_DIR (default: the OS temp folder):
 * - durable append latency (p50/p99) and throughput of the journal (append + fdatasync),
 *   and of a whole back-office record() call (validate + stamp + append);
 * - the naive alternative: the same records kept in an electron-store/conf array
 *   (`appendToArray`, i.e. rewrite the whole JSON file per record), at 1k/10k/50k records;
 *   the store is pre-filled to N records with one write, then ~20 appends are timed;
 * - boot replay of a 100k-record journal, cold (full parse + validation, as on the first
 *   boot after an upgrade) and warm (with the replay checkpoint, as on an ordinary boot).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { JournalRecord, VisitorEvent } from '../electron/bridge/contract.js';
import { openBackOffice } from '../electron/backoffice/index.js';
import { openJournal } from '../electron/backoffice/journal.js';
import type { Logger } from '../electron/backoffice/types.js';

const APPENDS = 5_000;
const RECORD_CALLS = 1_000;
const CONF_SIZES = [1_000, 10_000, 50_000] as const;
const CONF_SAMPLES = 20;
const REPLAY_RECORDS = 100_000;
const REPLAY_RUNS = 3;
const GOALS = { journalVsConfAt10k: 50, coldReplayMs: 500, warmBootMs: 500, appendP99Ms: 2 };

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const benchRoot = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'journal-bench-'));

/** A realistic visitor event: a scene result with red flags, or a choice. */
function visitorEvent(i: number): VisitorEvent {
  const sessionId = crypto.randomUUID();
  if (i % 2 === 0) {
    return {
      type: 'result',
      sessionId,
      sceneId: i % 4 === 0 ? 'scam' : 'kidnap',
      scenarioId: 'bank-call-otp',
      outcome: 'safe',
      score: i % 1000,
      durationMs: 60_000 + (i % 40_000),
      redFlagsSpotted: ['urgent-tone', 'otp-request', 'unknown-number'],
      redFlagsMissed: ['spoofed-caller-id'],
    };
  }
  return {
    type: 'choice',
    sessionId,
    sceneId: 'kidnap',
    scenarioId: 'game-friend-meetup',
    nodeId: `node-${i % 17}-offer-gift-card`,
    choiceId: 'tell-a-trusted-adult-first',
  };
}

/** The event as stored (~300 bytes of JSON). */
function record(i: number): JournalRecord {
  return {
    id: crypto.randomUUID(),
    at: new Date(Date.UTC(2025, 10, 22, 8) + i * 1500).toISOString(),
    kioskId: 'kiosk-bench1',
    ...visitorEvent(i),
  };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function benchJournalAppends() {
  const dataDir = fs.mkdtempSync(path.join(benchRoot, 'append-'));
  const journal = openJournal({ dataDir, logger: silent, tag: 'bench' });
  const records = Array.from({ length: APPENDS }, (_, i) => record(i));
  const latencies: number[] = [];
  const started = performance.now();
  for (const r of records) {
    const t0 = performance.now();
    journal.append(r);
    latencies.push(performance.now() - t0);
  }
  const totalMs = performance.now() - started;
  const batches = Array.from({ length: 50 }, (_, b) => records.slice(b * 100, b * 100 + 100));
  const batchStarted = performance.now();
  for (const batch of batches) journal.appendMany(batch);
  const batchMs = performance.now() - batchStarted;
  const bytes = journal.bytes;
  journal.close();
  latencies.sort((a, b) => a - b);
  return {
    appends: APPENDS,
    avgRecordBytes: Math.round(bytes / (APPENDS * 2)),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? Number.NaN),
    throughputPerSec: Math.round(APPENDS / (totalMs / 1000)),
    batchOf100ThroughputPerSec: Math.round(APPENDS / (batchMs / 1000)),
  };
}

/** The full path a renderer event takes: validate, stamp, append, fdatasync. */
function benchBackOfficeRecord() {
  const dataDir = fs.mkdtempSync(path.join(benchRoot, 'backoffice-'));
  const backOffice = openBackOffice({ dataDir, version: 'bench', host: 'browser', logger: silent });
  const latencies: number[] = [];
  for (let i = 0; i < RECORD_CALLS; i++) {
    const event = visitorEvent(i);
    const t0 = performance.now();
    backOffice.record(event);
    latencies.push(performance.now() - t0);
  }
  backOffice.close();
  latencies.sort((a, b) => a - b);
  return {
    calls: RECORD_CALLS,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

function benchConf(size: number) {
  const dir = fs.mkdtempSync(path.join(benchRoot, `conf-${size}-`));
  const prefill = Array.from({ length: size }, (_, i) => record(i));
  // Pre-filled with one write, serialised exactly as conf writes it (tab-indented JSON).
  fs.writeFileSync(path.join(dir, 'records.json'), JSON.stringify({ records: prefill }, undefined, '\t'));
  const store = new Conf<{ records: JournalRecord[] }>({ cwd: dir, configName: 'records' });
  const latencies: number[] = [];
  for (let i = 0; i < CONF_SAMPLES; i++) {
    const r = record(size + i);
    const t0 = performance.now();
    store.appendToArray('records', r);
    latencies.push(performance.now() - t0);
  }
  if (store.get('records').length !== size + CONF_SAMPLES) throw new Error('conf bench lost records');
  return { records: size, medianMsPerAppend: round(median(latencies)), samples: CONF_SAMPLES };
}

function benchReplay() {
  const dataDir = fs.mkdtempSync(path.join(benchRoot, 'replay-'));
  const file = path.join(dataDir, 'journal.jsonl');
  let text = '';
  for (let i = 0; i < REPLAY_RECORDS; i++) text += `${JSON.stringify(record(i))}\n`;
  fs.writeFileSync(file, text);
  const cold: number[] = [];
  for (let run = 0; run < REPLAY_RUNS; run++) {
    const journal = openJournal({ dataDir, logger: silent, tag: 'bench', checkpointEvery: 0 });
    if (journal.records !== REPLAY_RECORDS) throw new Error(`replayed ${journal.records} records`);
    cold.push(journal.lastReplay.ms);
    journal.close();
  }
  // An ordinary boot: the previous run left a checkpoint.
  openJournal({ dataDir, logger: silent, tag: 'bench' }).close();
  const warm: number[] = [];
  for (let run = 0; run < REPLAY_RUNS; run++) {
    const journal = openJournal({ dataDir, logger: silent, tag: 'bench' });
    if (journal.records !== REPLAY_RECORDS || journal.lastReplay.checkpointBytes === 0) {
      throw new Error('warm replay did not use the checkpoint');
    }
    warm.push(journal.lastReplay.ms);
    journal.close();
  }
  return {
    records: REPLAY_RECORDS,
    fileBytes: Buffer.byteLength(text),
    coldFirstMs: Math.round(cold[0] ?? Number.NaN),
    coldMinMs: Math.round(Math.min(...cold)),
    coldMedianMs: Math.round(median(cold)),
    warmMedianMs: Math.round(median(warm)),
  };
}

try {
  const loadBefore = os.loadavg()[0] ?? 0;
  const journal = benchJournalAppends();
  const backOfficeRecord = benchBackOfficeRecord();
  const conf = CONF_SIZES.map(benchConf);
  const replay = benchReplay();
  const conf10k = conf.find((c) => c.records === 10_000)?.medianMsPerAppend ?? Number.NaN;
  const ratio = conf10k / journal.p50Ms;
  const result = {
    benchmark: 'journal',
    environment: {
      node: process.version,
      platform: `${process.platform} ${os.release()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverage1mBefore: round(loadBefore, 2),
      loadAverage1mAfter: round(os.loadavg()[0] ?? 0, 2),
      benchDir: benchRoot,
    },
    journal,
    backOfficeRecord,
    conf,
    journalVsConfAt10k: round(ratio, 1),
    replay,
    goals: GOALS,
    met: {
      journalVsConfAt10k: ratio >= GOALS.journalVsConfAt10k,
      coldReplayMs: replay.coldMedianMs < GOALS.coldReplayMs,
      warmBootMs: replay.warmMedianMs < GOALS.warmBootMs,
      appendP99Ms: journal.p99Ms < GOALS.appendP99Ms,
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  fs.rmSync(benchRoot, { recursive: true, force: true });
}
