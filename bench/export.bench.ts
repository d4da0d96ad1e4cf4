/**
 * Export and merge benchmark: prints ONE JSON object on stdout.
 *
 *   node --import tsx bench/export.bench.ts
 *
 * - export: a staff "all" export (CSV, JSON, raw journal, HTML) of a 100,000-record journal,
 *   through the back office exactly as the panel calls it (browser host target folder);
 * - merge: `npm run tally` logic on two overlapping 100,000-record exports (records 0–99,999
 *   and 50,000–149,999 of one kiosk), so 150,000 unique records out of 200,000 read.
 * Goal for each (issue 4): under 2 s on this machine.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JournalRecord } from '../electron/bridge/contract.js';
import { openBackOffice } from '../electron/backoffice/index.js';
import { createAggregate, toTallies } from '../electron/backoffice/tallies.js';
import { runTally } from '../electron/tally/run.js';

const RECORDS = 100_000;
const GOAL_MS = 2000;
const RUNS = 3;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const root = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'export-bench-'));

function record(i: number, kioskId: string): JournalRecord {
  const at = new Date(Date.UTC(2025, 10, 22, 1, 0, 0) + i * 500).toISOString();
  const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const sessionId = `00000000-0000-4000-8000-${Math.floor(i / 6)
    .toString(16)
    .padStart(12, '0')}`;
  switch (i % 6) {
    case 0:
      return { id, at, kioskId, type: 'session-start', sessionId, language: 'vi' };
    case 1:
      return { id, at, kioskId, type: 'scene-enter', sessionId, sceneId: i % 12 === 1 ? 'scam' : 'kidnap' };
    case 2:
      return {
        id,
        at,
        kioskId,
        type: 'check',
        sessionId,
        sceneId: 'scam',
        scenarioId: 'otp-bank',
        phase: 'before',
        correct: i % 4,
        total: 4,
      };
    case 3:
      return {
        id,
        at,
        kioskId,
        type: 'result',
        sessionId,
        sceneId: 'scam',
        scenarioId: 'otp-bank',
        outcome: 'safe',
        score: i % 1000,
        durationMs: 60_000,
        redFlagsSpotted: ['urgent-tone', 'otp-request'],
        redFlagsMissed: ['spoofed-number'],
      };
    case 4:
      return { id, at, kioskId, type: 'pledge', sessionId, sceneId: 'pledge', pledgeId: 'never-share-otp' };
    default:
      return { id, at, kioskId, type: 'session-end', sessionId, reason: 'completed' };
  }
}

function journalText(from: number, to: number, kioskId: string): string {
  const lines: string[] = [];
  for (let i = from; i < to; i++) lines.push(JSON.stringify(record(i, kioskId)));
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function benchExport(): Promise<Record<string, unknown>> {
  const dataDir = path.join(root, 'kiosk');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'journal.jsonl'), journalText(0, RECORDS, 'bench-kiosk'));
  const backOffice = openBackOffice({
    dataDir,
    version: 'bench',
    host: 'browser',
    env: { KIOSK_ALLOW_SCREEN_SETUP: '1' },
    logger: silent,
  });
  const token = (await backOffice.admin.setupPin('246810')).adminToken;
  const times: number[] = [];
  let records = 0;
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = await backOffice.admin.exportPeriod(token, 'all');
    times.push(performance.now() - started);
    records = result.records;
    bytes = result.files.reduce((sum, file) => sum + file.bytes, 0);
  }
  backOffice.close();
  const ms = Math.round(median(times));
  return { records, bytes, ms, runsMs: times.map(Math.round), goalMs: GOAL_MS, met: ms < GOAL_MS };
}

function benchMerge(): Record<string, unknown> {
  const a = path.join(root, 'export-a');
  const b = path.join(root, 'export-b');
  for (const [dir, from] of [
    [a, 0],
    [b, RECORDS / 2],
  ] as const) {
    fs.mkdirSync(dir, { recursive: true });
    const text = journalText(from, from + RECORDS, 'bench-kiosk');
    fs.writeFileSync(path.join(dir, `journal-bench-kiosk-${from}.jsonl`), text);
    const sha = crypto.createHash('sha256').update(text).digest('hex');
    fs.writeFileSync(
      path.join(dir, `tallies-bench-kiosk-${from}.json`),
      JSON.stringify({
        header: {
          format: 'not-alone-kiosk-export',
          formatVersion: 1,
          kioskId: 'bench-kiosk',
          period: 'all',
          from: null,
          to: new Date().toISOString(),
          exportedAt: new Date().toISOString(),
          appVersion: 'bench',
          recordCount: RECORDS,
          journalFile: `journal-bench-kiosk-${from}.jsonl`,
          sha256: sha,
        },
        tallies: toTallies(createAggregate(), 'bench-kiosk', new Date()),
      }),
    );
  }
  const times: number[] = [];
  let exitCode = -1;
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    const out = path.join(root, `merged-${run}`);
    const started = performance.now();
    exitCode = runTally(
      { inputs: [a, b], outDir: out },
      {
        out: (line) => (summary ||= line),
        err: (line) => process.stderr.write(`${line}\n`),
        now: () => new Date(),
        toolVersion: 'bench',
      },
    );
    times.push(performance.now() - started);
  }
  const ms = Math.round(median(times));
  return {
    recordsRead: 2 * RECORDS,
    uniqueRecords: 1.5 * RECORDS,
    exitCode,
    summary,
    ms,
    runsMs: times.map(Math.round),
    goalMs: GOAL_MS,
    met: ms < GOAL_MS && exitCode === 0,
  };
}

try {
  const exportResult = await benchExport();
  const mergeResult = benchMerge();
  console.log(JSON.stringify({ export: exportResult, merge: mergeResult }));
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
