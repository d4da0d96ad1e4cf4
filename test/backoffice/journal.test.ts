import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../electron/bridge/contract.js';
import {
  CHECKPOINT_FILE,
  JOURNAL_FILE,
  TORN_PREFIX,
  openJournal,
} from '../../electron/backoffice/journal.js';
import { toTallies } from '../../electron/backoffice/tallies.js';
import { memoryLogger, readLines, sessionEvents, sid, stamp, tempDir } from './helpers.js';

const FIXED_NOW = new Date('2025-11-22T08:00:00.000Z');

function open(dataDir: string, extra: { checkpointEvery?: number; tag?: string } = {}) {
  const logger = memoryLogger();
  const journal = openJournal({ dataDir, logger, now: () => FIXED_NOW, ...extra });
  return { journal, logger };
}

function tornFiles(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((name) => name.startsWith(TORN_PREFIX));
}

describe('journal append and replay', () => {
  it('stores one valid JSON line per record and replays them after reopening', () => {
    const dir = tempDir();
    const { journal } = open(dir);
    const records = sessionEvents('visitor-0001').map((event) => stamp(event));
    for (const record of records) journal.append(record);
    expect(journal.records).toBe(records.length);
    const before = toTallies(journal.aggregate, 'k', FIXED_NOW);
    journal.close();

    const lines = readLines(path.join(dir, JOURNAL_FILE));
    expect(lines).toEqual(records);
    for (const line of lines) expect(JournalRecordSchema.safeParse(line).success).toBe(true);
    expect(fs.readFileSync(path.join(dir, JOURNAL_FILE), 'utf8').endsWith('\n')).toBe(true);

    const reopened = open(dir).journal;
    expect(reopened.records).toBe(records.length);
    expect(reopened.bytes).toBe(fs.statSync(path.join(dir, JOURNAL_FILE)).size);
    expect(toTallies(reopened.aggregate, 'k', FIXED_NOW)).toEqual(before);
    reopened.close();
  });

  it('appends a batch with appendMany', () => {
    const dir = tempDir();
    const { journal } = open(dir);
    const batch = [...sessionEvents('visitor-0001'), ...sessionEvents('visitor-0002')].map((e) => stamp(e));
    journal.appendMany(batch);
    journal.close();
    expect(readLines(path.join(dir, JOURNAL_FILE))).toEqual(batch);
  });

  it('only appends: earlier bytes are never rewritten', () => {
    const dir = tempDir();
    const file = path.join(dir, JOURNAL_FILE);
    const { journal } = open(dir);
    journal.append(stamp({ type: 'session-start', sessionId: sid('visitor-0001'), language: 'vi' }));
    const first = fs.readFileSync(file);
    journal.append(stamp({ type: 'session-start', sessionId: sid('visitor-0002'), language: 'en' }));
    journal.close();
    expect(fs.readFileSync(file).subarray(0, first.length)).toEqual(first);
  });

  it('creates the data folder when it is missing', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const { journal } = open(dir);
    journal.append(stamp({ type: 'session-start', sessionId: sid('visitor-0001'), language: 'vi' }));
    journal.close();
    expect(readLines(path.join(dir, JOURNAL_FILE))).toHaveLength(1);
  });
});

describe('journal repair', () => {
  function writeJournal(dir: string, content: string | Buffer): string {
    const file = path.join(dir, JOURNAL_FILE);
    fs.writeFileSync(file, content);
    return file;
  }

  const good = () =>
    `${JSON.stringify(stamp({ type: 'session-start', sessionId: sid('visitor-0001'), language: 'vi' }))}\n`;

  it('sets a torn last line aside, truncates it, and keeps working', () => {
    const dir = tempDir();
    const intact = good() + good();
    const torn = JSON.stringify(
      stamp({ type: 'pledge', sessionId: sid('visitor-0002'), sceneId: 'pledge', pledgeId: 'p1' }),
    ).slice(0, 40);
    const file = writeJournal(dir, intact + torn);

    const { journal, logger } = open(dir);
    expect(journal.records).toBe(2);
    expect(journal.damagedLines).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(intact);
    const aside = tornFiles(dir);
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(torn);
    expect(journal.lastReplay.tornBytes).toBe(Buffer.byteLength(torn));
    expect(logger.at('warn').join('\n')).toMatch(/torn end .*copied to .*journal\.torn-/);

    journal.append(stamp({ type: 'session-start', sessionId: sid('visitor-0003'), language: 'en' }));
    journal.close();
    const reopened = open(dir).journal;
    expect(reopened.records).toBe(3);
    expect(reopened.damagedLines).toBe(0);
    expect(tornFiles(dir)).toHaveLength(1);
    reopened.close();
  });

  it('treats a newline-terminated but unparsable last line (bytes lost in a crash) as torn', () => {
    const dir = tempDir();
    const intact = good();
    const garbage = Buffer.concat([Buffer.alloc(20), Buffer.from('\n')]);
    const file = writeJournal(dir, Buffer.concat([Buffer.from(intact), garbage]));
    const { journal } = open(dir);
    expect(journal.records).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(intact);
    expect(fs.readFileSync(path.join(dir, tornFiles(dir)[0] ?? ''))).toEqual(garbage);
    journal.close();
  });

  it('repairs a journal whose only line is torn', () => {
    const dir = tempDir();
    const file = writeJournal(dir, '{"id":"0000');
    const { journal } = open(dir);
    expect(journal.records).toBe(0);
    expect(fs.statSync(file).size).toBe(0);
    expect(tornFiles(dir)).toHaveLength(1);
    journal.close();
  });

  it('skips, counts and logs damaged lines in the middle, leaving the file untouched', () => {
    const dir = tempDir();
    const notJson = '{"id": broken\n';
    const invalid = `${JSON.stringify({ ...stamp({ type: 'session-start', sessionId: sid('visitor-0009'), language: 'vi' }), language: 'fr' })}\n`;
    const content = good() + notJson + invalid + good();
    const file = writeJournal(dir, content);

    const { journal, logger } = open(dir);
    expect(journal.records).toBe(2);
    expect(journal.damagedLines).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(tornFiles(dir)).toHaveLength(0);
    const warnings = logger.at('warn').join('\n');
    expect(warnings).toMatch(/line 2 is damaged \(not valid JSON\)/);
    expect(warnings).toMatch(/line 3 is damaged \(not a valid journal record\)/);

    // New records go after the damaged ones and replay fine.
    journal.append(stamp({ type: 'session-start', sessionId: sid('visitor-0010'), language: 'vi' }));
    journal.close();
    const reopened = open(dir, { checkpointEvery: 0 }).journal;
    expect(reopened.records).toBe(3);
    expect(reopened.damagedLines).toBe(2);
    reopened.close();
  });
});

describe('journal checkpoint', () => {
  function fill(dir: string, sessions: number, checkpointEvery = 1000): void {
    const { journal } = open(dir, { checkpointEvery });
    for (let i = 0; i < sessions; i++) {
      journal.appendMany(sessionEvents(`visitor-${String(i).padStart(4, '0')}`).map((e) => stamp(e)));
    }
    journal.close();
  }

  it('resumes from the checkpoint and gets the same tallies as a full replay', () => {
    const dir = tempDir();
    fill(dir, 30);
    const warm = open(dir).journal;
    expect(warm.lastReplay.checkpointBytes).toBe(warm.bytes);
    expect(warm.records).toBe(180);
    warm.close();
    const cold = open(dir, { checkpointEvery: 0 }).journal;
    expect(cold.lastReplay.checkpointBytes).toBe(0);
    expect(toTallies(warm.aggregate, 'k', FIXED_NOW)).toEqual(toTallies(cold.aggregate, 'k', FIXED_NOW));
    cold.close();
  });

  it('replays only the tail written after the checkpoint', () => {
    const dir = tempDir();
    fill(dir, 10, 12); // checkpoints every 2 sessions; close() writes the last one
    fs.appendFileSync(
      path.join(dir, JOURNAL_FILE),
      `${JSON.stringify(stamp({ type: 'session-start', sessionId: sid('visitor-late'), language: 'vi' }))}\n`,
    );
    const { journal } = open(dir);
    expect(journal.lastReplay.checkpointBytes).toBeGreaterThan(0);
    expect(journal.lastReplay.checkpointBytes).toBeLessThan(journal.bytes);
    expect(journal.records).toBe(61);
    expect(toTallies(journal.aggregate, 'k', FIXED_NOW).totals.sessions).toBe(11);
    journal.close();
  });

  it('is ignored when the covered bytes changed (content hash)', () => {
    const dir = tempDir();
    fill(dir, 5);
    const file = path.join(dir, JOURNAL_FILE);
    // Same length, still valid records: only the hash can tell the checkpoint is stale.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('"sceneId":"scam"', '"sceneId":"scum"'));
    const { journal } = open(dir);
    expect(journal.lastReplay.checkpointBytes).toBe(0);
    expect(Object.keys(toTallies(journal.aggregate, 'k', FIXED_NOW).scenes).sort()).toEqual([
      'pledge',
      'scum',
    ]);
    journal.close();
  });

  it('is ignored after an app upgrade (different tag) and when damaged', () => {
    const dir = tempDir();
    fill(dir, 3);
    const other = open(dir, { tag: '9.9.9' }).journal;
    expect(other.lastReplay.checkpointBytes).toBe(0);
    expect(other.records).toBe(18);
    other.close();
    fs.writeFileSync(path.join(dir, CHECKPOINT_FILE), '{"format":1,');
    const damaged = open(dir, { tag: '9.9.9' }).journal;
    expect(damaged.lastReplay.checkpointBytes).toBe(0);
    expect(damaged.records).toBe(18);
    damaged.close();
  });

  it('is ignored when the journal was truncated below it', () => {
    const dir = tempDir();
    fill(dir, 4);
    const file = path.join(dir, JOURNAL_FILE);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, `${lines.slice(0, 6).join('\n')}\n`);
    const { journal } = open(dir);
    expect(journal.lastReplay.checkpointBytes).toBe(0);
    expect(journal.records).toBe(6);
    journal.close();
  });
});
