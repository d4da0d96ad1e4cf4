/**
 * The crash test: writers are SIGKILLed at random moments, hundreds of times, and every
 * record a writer acknowledged must still be in the journal, intact, afterwards.
 *
 * Reproduce a failure with CRASH_SEED=<seed printed in the failure> npx vitest run <this file>.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../electron/bridge/contract.js';
import { JOURNAL_FILE, TORN_PREFIX, openJournal } from '../../electron/backoffice/journal.js';
import { toTallies } from '../../electron/backoffice/tallies.js';
import { seededRng } from '../../scenes/shared/seeded-rng.js';
import { transpileGraph } from './fixtures/transpile.js';
import { memoryLogger } from './helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LANES = 4; // parallel writers, each on its own data folder (children mostly wait on fsync)
const TRIALS_PER_LANE = 52; // 208 kills in all
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/**
 * The writers' environment. Without NODE_EXTRA_CA_CERTS: Node loads those certificates at
 * start-up (~0.25 s per process where it is set), and the writers never open a TLS socket.
 */
const WRITER_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'),
);

interface TrialResult {
  acked: string[];
  readySeen: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs a child to its (self-inflicted) death and returns what it printed. */
function runToDeath(
  script: string,
  args: string[],
): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: WRITER_ENV,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      resolve({ stdout, signal });
    });
  });
}

/** Starts a writer and SIGKILLs it: sometimes during start-up/repair, mostly while appending. */
function runTrial(
  writer: string,
  dataDir: string,
  writerSeed: number,
  random: () => number,
): Promise<TrialResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(writerSeed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: WRITER_ENV,
    });
    const acked: string[] = [];
    let pending = '';
    let stderr = '';
    let readySeen = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const early = random() < 0.2;
    if (early) timer = setTimeout(kill, random() * 250);
    const lateDelay = random() * 60;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // an incomplete last line is not an acknowledgement
      for (const line of lines) {
        if (line.startsWith('ready')) {
          readySeen = true;
          if (!early) timer = setTimeout(kill, lateDelay);
        } else if (line !== '') acked.push(line);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ acked, readySeen, signal, code, stderr });
    });
  });
}

describe('journal crash safety', () => {
  let buildDir: string;
  let writer: string;
  let killer: string;
  const dataDirs: string[] = [];

  beforeAll(() => {
    buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-build-'));
    writer = transpileGraph(
      path.join(REPO_ROOT, 'test/backoffice/fixtures/crash-writer.ts'),
      REPO_ROOT,
      buildDir,
    );
    // A second graph in its own folder (transpileGraph links node_modules once per folder).
    killer = transpileGraph(
      path.join(REPO_ROOT, 'test/backoffice/fixtures/kill-at-byte.ts'),
      REPO_ROOT,
      path.join(buildDir, 'kill'),
    );
    // Transpiling two module graphs takes seconds on a loaded 2-core machine.
  }, 120_000);

  it('repairs the torn end of a writer SIGKILLed at chosen bytes of its write, keeping every acknowledged record', async () => {
    // A record line is about 200 bytes: the edges, every byte of the first 16, and spread out.
    const bytes = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 120, 150, 180, 190, 199];
    for (const killAt of bytes) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kill-at-${killAt}-`));
      dataDirs.push(dataDir);
      const { stdout, signal } = await runToDeath(killer, [dataDir, String(killAt)]);
      expect(signal, `kill at byte ${killAt}`).toBe('SIGKILL');
      const acked = stdout.split('\n').filter((line) => line !== '');
      expect(acked).toHaveLength(3);
      const journal = openJournal({ dataDir, logger: memoryLogger(), tag: 'kill-test' });
      expect(journal.failure, `kill at byte ${killAt}`).toBeNull();
      expect(journal.records, `kill at byte ${killAt}`).toBe(3);
      expect(journal.damagedLines, `kill at byte ${killAt}`).toBe(0);
      const torn = fs.readdirSync(dataDir).filter((name) => name.startsWith(TORN_PREFIX));
      expect(torn, `kill at byte ${killAt}`).toHaveLength(killAt === 0 ? 0 : 1);
      const text = fs.readFileSync(path.join(dataDir, JOURNAL_FILE), 'utf8');
      for (const id of acked) expect(text).toContain(id);
      journal.close();
    }
  }, 120_000);

  afterAll(() => {
    for (const dir of [buildDir, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged record through ${LANES * TRIALS_PER_LANE} SIGKILLs (seed ${SEED})`, async () => {
    const random = seededRng(SEED);
    const started = performance.now();
    const lanes = Array.from({ length: LANES }, (_, lane) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `crash-data-${lane}-`));
      dataDirs.push(dataDir);
      // Each lane draws its delays from its own stream so lanes do not depend on scheduling.
      const laneRandom = seededRng(Math.floor(random() * 2 ** 31));
      return (async () => {
        const acked: string[] = [];
        let appendingKills = 0;
        for (let trial = 0; trial < TRIALS_PER_LANE; trial++) {
          const result = await runTrial(writer, dataDir, SEED + lane * 1000 + trial, laneRandom);
          expect(result.signal, `seed ${SEED}, lane ${lane}, trial ${trial}: ${result.stderr}`).toBe(
            'SIGKILL',
          );
          acked.push(...result.acked);
          if (result.readySeen) appendingKills += 1;
        }
        return { dataDir, acked, appendingKills };
      })();
    });
    const results = await Promise.all(lanes);

    let totalAcked = 0;
    let tornRepairs = 0;
    for (const { dataDir, acked, appendingKills } of results) {
      totalAcked += acked.length;
      tornRepairs += fs.readdirSync(dataDir).filter((name) => name.startsWith(TORN_PREFIX)).length;
      expect(appendingKills, `seed ${SEED}: most kills should land while appending`).toBeGreaterThan(
        TRIALS_PER_LANE / 2,
      );

      // Reopen (repairing the last kill's damage) exactly as the next boot would.
      const logger = memoryLogger();
      const journal = openJournal({ dataDir, logger, tag: 'crash-test' });
      expect(journal.failure, `seed ${SEED}`).toBeNull();
      expect(journal.damagedLines, `seed ${SEED}: ${logger.at('warn').join('\n')}`).toBe(0);

      const text = fs.readFileSync(path.join(dataDir, JOURNAL_FILE), 'utf8');
      expect(text === '' || text.endsWith('\n'), `seed ${SEED}: journal must end on a complete line`).toBe(
        true,
      );
      const ids = new Set<string>();
      for (const line of text.split('\n').slice(0, -1)) {
        const parsed = JournalRecordSchema.safeParse(JSON.parse(line));
        expect(parsed.success, `seed ${SEED}: invalid line ${line.slice(0, 80)}`).toBe(true);
        const id = (parsed.data as { id: string }).id;
        expect(ids.has(id), `seed ${SEED}: duplicate id ${id}`).toBe(false);
        ids.add(id);
      }
      const missing = acked.filter((id) => !ids.has(id));
      expect(missing, `seed ${SEED}: acknowledged ids missing from ${dataDir}`).toEqual([]);
      expect(journal.records).toBe(ids.size);

      // The checkpoints written between kills must agree with a full replay.
      journal.close();
      const cold = openJournal({ dataDir, logger, tag: 'crash-test', checkpointEvery: 0 });
      const at = new Date(0);
      expect(toTallies(journal.aggregate, 'k', at)).toEqual(toTallies(cold.aggregate, 'k', at));
      cold.close();
    }
    console.info(
      `crash test (seed ${SEED}): ${LANES * TRIALS_PER_LANE} kills, ${totalAcked} acknowledged records all present, ` +
        `${tornRepairs} torn ends repaired, ${Math.round(performance.now() - started)} ms`,
    );
    expect(totalAcked).toBeGreaterThan(0);
  }, 300_000);
});
