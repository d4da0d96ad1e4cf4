/**
 * Issue 8, hole 5: durability tests that can fail where it matters.
 *
 * A SIGKILL keeps the page cache, so a crash test cannot tell whether a record reached the
 * disk before it was acknowledged. These tests watch the file-system calls instead: every
 * acknowledged record must have been written AND fdatasync'ed on the journal's descriptor
 * before `record()` returned (remove the fdatasync and they fail). Torn ends are repaired on
 * purpose, at every byte of the last record, rather than by luck.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalRecord } from '../../electron/bridge/contract.js';
import { openBackOffice } from '../../electron/backoffice/index.js';
import { JOURNAL_FILE, TORN_PREFIX, openJournal } from '../../electron/backoffice/journal.js';
import { memoryLogger, sessionEvents, sid, stamp, tempDir } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

type Call =
  | { op: 'open'; fd: number; file: string }
  | { op: 'write'; fd: number; bytes: Buffer }
  | { op: 'sync'; fd: number }
  | { op: 'rename'; from: string; to: string };

/** Records, in order, the file-system calls that decide durability. */
function recordFsCalls(): Call[] {
  const calls: Call[] = [];
  const openSync = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation((file, flags, mode) => {
    const fd = openSync(file, flags, mode);
    calls.push({ op: 'open', fd, file: String(file) });
    return fd;
  });
  const writeSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
  vi.spyOn(fs, 'writeSync').mockImplementation((...args: unknown[]) => {
    const [fd, data, offset] = args as [number, Uint8Array | string, unknown];
    const written = writeSync(...args);
    const start = typeof offset === 'number' && typeof data !== 'string' ? offset : 0;
    const bytes = Buffer.from(data).subarray(start, start + written);
    calls.push({ op: 'write', fd, bytes });
    return written;
  });
  for (const name of ['fdatasyncSync', 'fsyncSync'] as const) {
    const original = fs[name].bind(fs);
    vi.spyOn(fs, name).mockImplementation((fd: number) => {
      original(fd);
      calls.push({ op: 'sync', fd });
    });
  }
  const renameSync = fs.renameSync.bind(fs);
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    renameSync(from, to);
    calls.push({ op: 'rename', from: String(from), to: String(to) });
  });
  return calls;
}

/**
 * True when `needle` was written to a descriptor of `file` and that descriptor was synced
 * afterwards, all within `calls`.
 */
function writtenThenSynced(calls: readonly Call[], file: string, needle: string): boolean {
  const fds = new Set(calls.flatMap((call) => (call.op === 'open' && call.file === file ? [call.fd] : [])));
  const writeAt = calls.findIndex(
    (call) => call.op === 'write' && fds.has(call.fd) && call.bytes.includes(needle),
  );
  if (writeAt === -1) return false;
  const fd = (calls[writeAt] as { fd: number }).fd;
  return calls.slice(writeAt + 1).some((call) => call.op === 'sync' && call.fd === fd);
}

describe('acknowledged means on disk', () => {
  it('fdatasyncs the journal line before record() returns, for every record', () => {
    const dir = tempDir();
    const calls = recordFsCalls();
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
    });
    const file = path.join(dir, JOURNAL_FILE);
    for (const event of sessionEvents('visitor-0001')) {
      const before = calls.length;
      const ack = backOffice.record(event);
      // Only what happened inside this call counts: a later sync would be too late.
      const during = [...calls.filter((call) => call.op === 'open'), ...calls.slice(before)];
      expect(writtenThenSynced(during, file, ack.id), `record ${ack.id} acknowledged before fdatasync`).toBe(
        true,
      );
    }
    backOffice.close();
  });

  it('fsyncs the staff audit line before the action answers, and PIN and lock-out files before renaming them', async () => {
    const dir = tempDir();
    const calls = recordFsCalls();
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
      env: { KIOSK_ALLOW_SCREEN_SETUP: '1' },
    });
    const before = calls.length;
    await backOffice.admin.setupPin('246810');
    const during = [...calls.filter((call) => call.op === 'open'), ...calls.slice(before)];
    expect(writtenThenSynced(during, path.join(dir, 'audit.jsonl'), '"setup-pin"')).toBe(true);
    for (const name of ['admin-pin.json', 'admin-lock.json']) {
      const target = path.join(dir, name);
      const temp = `${target}.tmp`;
      const renameAt = during.findIndex((call) => call.op === 'rename' && call.to === target);
      expect(renameAt, `${name} renamed into place`).toBeGreaterThan(-1);
      expect(
        writtenThenSynced(during.slice(0, renameAt), temp, '{'),
        `${name} synced before its rename`,
      ).toBe(true);
    }
    backOffice.close();
  });
});

describe('torn-end repair, at every byte of the last record', () => {
  const records = (count: number): JournalRecord[] =>
    Array.from({ length: count }, (_, i) =>
      stamp({
        type: 'choice',
        sessionId: sid(`visitor-${i}`),
        sceneId: 'scam',
        nodeId: 'n-1',
        choiceId: 'hang-up',
      }),
    );

  function lines(list: readonly JournalRecord[]): string {
    return list.map((record) => `${JSON.stringify(record)}\n`).join('');
  }

  it('cuts the file at each offset of the last line: repairs, keeps the rest, and appends cleanly after', () => {
    const kept = lines(records(3));
    const last = lines(records(1));
    const next = records(1)[0] as JournalRecord;
    let repairs = 0;
    for (let cut = 0; cut < last.length; cut++) {
      const dir = tempDir('torn-');
      const file = path.join(dir, JOURNAL_FILE);
      fs.writeFileSync(file, kept + last.slice(0, cut));
      const journal = openJournal({ dataDir: dir, logger: memoryLogger(), checkpointEvery: 0 });
      expect(journal.failure, `cut ${cut}`).toBeNull();
      expect(journal.records, `cut ${cut}`).toBe(3);
      expect(journal.damagedLines, `cut ${cut}`).toBe(0);
      expect(fs.readFileSync(file, 'utf8'), `cut ${cut}`).toBe(kept);
      const torn = fs.readdirSync(dir).filter((name) => name.startsWith(TORN_PREFIX));
      expect(torn, `cut ${cut}`).toHaveLength(cut === 0 ? 0 : 1);
      if (cut > 0) {
        repairs += 1;
        expect(fs.readFileSync(path.join(dir, torn[0] ?? ''), 'utf8')).toBe(last.slice(0, cut));
      }
      journal.append(next);
      journal.close();
      const reopened = openJournal({ dataDir: dir, logger: memoryLogger(), checkpointEvery: 0 });
      expect(reopened.records, `cut ${cut}`).toBe(4);
      expect(reopened.damagedLines, `cut ${cut}`).toBe(0);
      reopened.close();
    }
    expect(repairs).toBe(last.length - 1);
  });

  it('treats a last line whose bytes never reached the disk (zeros from each offset on) as torn', () => {
    const kept = lines(records(2));
    const last = Buffer.from(lines(records(1)));
    for (let from = 0; from < last.length - 1; from++) {
      const dir = tempDir('zeros-');
      const lost = Buffer.from(last);
      lost.fill(0, from, last.length - 1); // the size and the newline made it; the data did not
      fs.writeFileSync(path.join(dir, JOURNAL_FILE), Buffer.concat([Buffer.from(kept), lost]));
      const journal = openJournal({ dataDir: dir, logger: memoryLogger(), checkpointEvery: 0 });
      expect(journal.records, `zeros from ${from}`).toBe(2);
      expect(journal.damagedLines, `zeros from ${from}`).toBe(0);
      expect(fs.readFileSync(path.join(dir, JOURNAL_FILE), 'utf8'), `zeros from ${from}`).toBe(kept);
      journal.close();
    }
  });

  it('survives a writer that dies after any number of bytes of its write (no rollback, no close)', () => {
    const kept = records(3);
    const dying = records(2);
    const text = Buffer.from(lines(dying));
    for (let bytes = 0; bytes <= text.length; bytes++) {
      const dir = tempDir('kill-');
      const journal = openJournal({ dataDir: dir, logger: memoryLogger(), checkpointEvery: 0 });
      journal.appendMany(kept);
      const leftOpen = killAfter(bytes);
      expect(() => {
        journal.appendMany(dying);
      }).toThrow();
      vi.restoreAllMocks();
      // What the kernel does for a dead process: its descriptors close, its lock goes stale.
      for (const fd of leftOpen) fs.closeSync(fd);
      fs.rmSync(path.join(dir, 'journal.lock'));
      // The next boot: whatever the dead writer left is repaired; nothing acknowledged is lost.
      const next = openJournal({ dataDir: dir, logger: memoryLogger(), checkpointEvery: 0 });
      const whole = bytes === text.length ? 2 : bytes >= text.indexOf('\n') + 1 ? 1 : 0;
      expect(next.records, `killed after ${bytes} bytes`).toBe(3 + whole);
      expect(next.damagedLines, `killed after ${bytes} bytes`).toBe(0);
      expect(fs.readFileSync(path.join(dir, JOURNAL_FILE), 'utf8').endsWith('\n')).toBe(true);
      next.append(records(1)[0] as JournalRecord);
      expect(next.records).toBe(4 + whole);
      next.close();
    }
    // Hundreds of boots in one test: slow on a loaded 2-core machine, never a hang.
  }, 120_000);
});

/**
 * From now on, the next write puts only `bytes` bytes on disk and then the process "dies":
 * every later file-system call fails, so nothing can be rolled back, synced or closed.
 * @returns the descriptors the dead writer tried to close (to close them for real afterwards)
 */
function killAfter(bytes: number): number[] {
  let dead = false;
  const leftOpen: number[] = [];
  const writeSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
  const die = (): never => {
    dead = true;
    throw Object.assign(new Error('killed'), { code: 'EKILLED' });
  };
  vi.spyOn(fs, 'writeSync').mockImplementation((...args: unknown[]) => {
    if (dead) die();
    const [fd, data, offset] = args as [number, Uint8Array, number | undefined];
    if (bytes > 0) writeSync(fd, data, typeof offset === 'number' ? offset : 0, bytes);
    return die();
  });
  vi.spyOn(fs, 'closeSync').mockImplementation((fd: number) => {
    leftOpen.push(fd);
    die();
  });
  for (const name of ['fdatasyncSync', 'fsyncSync', 'ftruncateSync', 'fstatSync'] as const) {
    vi.spyOn(fs, name).mockImplementation(() => die());
  }
  return leftOpen;
}
