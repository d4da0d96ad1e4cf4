/**
 * The visitor-data journal: an append-only JSON Lines file, one JournalRecord per line.
 *
 * Durability rules (the whole point of this file):
 * - a record is acknowledged only after its line was written with one write() to an
 *   O_APPEND descriptor and fdatasync'ed; the file is never rewritten for records;
 * - at open, a torn end (crash mid-write) is copied to `journal.torn-<time>` and only then
 *   truncated away; damaged lines elsewhere are skipped, counted, logged and left in place;
 * - a failed append is rolled back (truncated to the last good byte) so a later record can
 *   never be glued onto half a line;
 * - one process at a time: a lock file (lock.ts) keeps a second kiosk program out;
 * - when the file cannot be opened or written, the journal stays usable as an object:
 *   every append throws a staff-readable storage failure and tries to reopen first, so
 *   fixing the disk fixes the kiosk without a restart.
 */
import crypto, { type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JournalRecord } from '../bridge/contract.js';
import { BridgeFailure } from '../bridge/dispatch.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { noticeMessage, type StorageAction } from '../bridge/admin-contract.js';
import { storageFailure, storageSentence } from './errors.js';
import {
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  fileStamp,
  fsyncDir,
  writeAll,
  writeNewFileDurably,
} from './fsutil.js';
import { LOCK_FILE, acquireLock, releaseLock } from './lock.js';
import { findTornStart, replayText } from './replay.js';
import { addRecord, createAggregate, type Aggregate } from './tallies.js';
import type { Logger } from './types.js';

export const JOURNAL_FILE = 'journal.jsonl';
export const CHECKPOINT_FILE = 'journal.checkpoint.json';
export const TORN_PREFIX = 'journal.torn-';

const SAVE_ACTION: StorageAction = 'save-visitor-data';
const MAX_DAMAGE_LOG_LINES = 20;

export interface JournalOptions {
  /** Folder holding journal.jsonl (created if missing). */
  dataDir: string;
  logger: Logger;
  now?: () => Date;
  /**
   * Cache key for the replay checkpoint, normally the app version: after an upgrade the
   * contract may judge old lines differently, so the first boot replays everything.
   */
  tag?: string;
  /** Refresh the replay checkpoint every N appended records (default 1000); 0 disables it. */
  checkpointEvery?: number;
}

/** What the last (re)open found, for logs, health and tests. */
export interface ReplayReport {
  /** Valid records in the journal. */
  records: number;
  /** Damaged lines skipped (left in place). */
  damagedLines: number;
  /** Bytes moved from the torn end to a `journal.torn-*` file (0 when intact). */
  tornBytes: number;
  tornFile: string | null;
  /** Bytes whose replay the checkpoint saved. */
  checkpointBytes: number;
  ms: number;
}

interface FileIdentity {
  dev: number;
  ino: number;
}

/** Opens (and repairs) the journal in `options.dataDir`. Never throws: see `Journal.failure`. */
export function openJournal(options: JournalOptions): Journal {
  return new Journal(options);
}

export class Journal {
  readonly path: string;
  private readonly checkpointPath: string;
  private readonly lockPath: string;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly tag: string;
  private readonly checkpointEvery: number;

  private fd: number | null = null;
  private lockHeld = false;
  private everOpened = false;
  private identity: FileIdentity | null = null;
  private closed = false;
  /** Bytes in the file that we account for (all of it, when healthy). */
  private size = 0;
  /** SHA-1 of the first `size` bytes, kept incrementally for the checkpoint. */
  private hash: Hash = crypto.createHash('sha1');
  private lines = 0;
  private damaged = 0;
  /**
   * A torn end without "\n" that could not be set aside: it stays in the file, and the next
   * write starts with "\n" so our records never share its line.
   */
  private pendingTail: Buffer | null = null;
  private sinceCheckpoint = 0;
  private checkpointWarned = false;
  private agg: Aggregate = createAggregate();
  private currentFailure: BridgeFailure | null = null;
  private report: ReplayReport = {
    records: 0,
    damagedLines: 0,
    tornBytes: 0,
    tornFile: null,
    checkpointBytes: 0,
    ms: 0,
  };

  constructor(options: JournalOptions) {
    this.path = path.join(options.dataDir, JOURNAL_FILE);
    this.checkpointPath = path.join(options.dataDir, CHECKPOINT_FILE);
    this.lockPath = path.join(options.dataDir, LOCK_FILE);
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
    this.tag = options.tag ?? 'dev';
    this.checkpointEvery = options.checkpointEvery ?? 1000;
    try {
      this.open();
    } catch {
      // Already recorded in currentFailure and logged; the visitor flow goes on without storage.
    }
  }

  /** The tallies aggregate of every valid record in the file. Read-only for callers. */
  get aggregate(): Aggregate {
    return this.agg;
  }

  /** Valid records in the journal. */
  get records(): number {
    return this.agg.records;
  }

  /** Size of the journal file in bytes. */
  get bytes(): number {
    return this.size;
  }

  /** Damaged lines skipped by replay (they stay in the file). */
  get damagedLines(): number {
    return this.damaged;
  }

  /**
   * True once the file was opened and read: before that (a read-only or missing data folder)
   * the journal knows nothing of what is on disk, and its counts are not "no visitors".
   */
  get opened(): boolean {
    return this.everOpened;
  }

  /** Why the journal cannot store records right now, or null when it can. */
  get failure(): BridgeFailure | null {
    return this.currentFailure;
  }

  /** What the last (re)open found. */
  get lastReplay(): ReplayReport {
    return this.report;
  }

  /**
   * Appends one record durably: returns only after the line is on disk (fdatasync).
   * @throws BridgeFailure 'storage' with a staff-readable sentence when it could not be stored.
   */
  append(record: JournalRecord): void {
    this.appendMany([record]);
  }

  /**
   * Appends several records with one write and one fdatasync: all are stored or (as far as
   * a later replay can tell) none. Same errors as `append`.
   */
  appendMany(records: readonly JournalRecord[]): void {
    if (this.closed)
      throw new BridgeFailure('internal', noticeMessage({ code: 'journal-closed', params: {} }));
    if (records.length === 0) return;
    const fd = this.ensureOpen();
    let text = '';
    for (const record of records) text += `${JSON.stringify(record)}\n`;
    const tail = this.pendingTail;
    const data = Buffer.from(tail === null ? text : `\n${text}`);
    try {
      writeAll(fd, data);
      fs.fdatasyncSync(fd);
    } catch (error) {
      this.rollBack(fd, data.length);
      throw this.fail(error);
    }
    if (tail !== null) {
      // The torn end is now a complete line of its own; our records follow it.
      this.pendingTail = null;
      this.foldLine(tail);
    }
    this.size += data.length;
    this.hash.update(data);
    this.lines += records.length;
    for (const record of records) addRecord(this.agg, record);
    this.currentFailure = null;
    this.sinceCheckpoint += records.length;
    if (this.checkpointEvery > 0 && this.sinceCheckpoint >= this.checkpointEvery) this.checkpoint();
  }

  /** Saves the replay checkpoint, closes the file and releases the lock. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd !== null) {
      if (this.sinceCheckpoint > 0) this.checkpoint();
      fs.closeSync(this.fd);
      this.fd = null;
    }
    if (this.lockHeld) releaseLock(this.lockPath);
    this.lockHeld = false;
  }

  private ensureOpen(): number {
    return this.fd ?? this.open();
  }

  /**
   * Remembers why storing failed, as a staff sentence. Logged when the reason changes, not
   * for every visitor event refused while the disk stays broken.
   */
  private fail(error: unknown): BridgeFailure {
    const failure = error instanceof BridgeFailure ? error : storageFailure(SAVE_ACTION, error, this.path);
    if (this.currentFailure?.message !== failure.message) {
      // Staff get the coded message; the log keeps an English sentence for the technical team.
      this.logger.error(
        error instanceof BridgeFailure ? failure.message : storageSentence(SAVE_ACTION, error, this.path),
      );
    }
    this.currentFailure = failure;
    return failure;
  }

  /**
   * Undoes a failed write. Some bytes may have reached the file (ENOSPC after a page,
   * EIO on fsync): cut back to the last good byte, but only when the extra bytes can be
   * ours (at most `attempted` of them): a file that changed otherwise is left for the
   * reopen to replay and repair, never cut blindly. The descriptor is dropped either way,
   * so the next append reopens the path (which may have been fixed or replaced).
   */
  private rollBack(fd: number, attempted: number): void {
    try {
      const size = fs.fstatSync(fd).size;
      if (size > this.size && size <= this.size + attempted) fs.ftruncateSync(fd, this.size);
    } catch (error) {
      this.logger.error(`Could not roll back a failed journal write in ${this.path}: ${String(error)}`);
    }
    try {
      fs.closeSync(fd);
    } catch {
      // The descriptor is unusable anyway.
    }
    this.fd = null;
  }

  /**
   * Opens the file (creating folder and file if missing) and replays it unless it is the
   * same file, unchanged, as before a failure. Returns the descriptor.
   * @throws BridgeFailure 'storage' (also kept in `failure` and logged)
   */
  private open(): number {
    let fd: number | undefined;
    try {
      fs.mkdirSync(path.dirname(this.path), { recursive: true, mode: PRIVATE_DIR_MODE });
      if (!this.lockHeld) {
        const takenOver = acquireLock(this.lockPath);
        this.lockHeld = true;
        if (takenOver !== null) this.logger.warn(`Took over ${takenOver} on ${this.lockPath}.`);
      }
      const existed = fs.existsSync(this.path);
      // a+ = O_APPEND for writes (every write lands at the end) and readable for replay.
      fd = fs.openSync(this.path, 'a+', PRIVATE_FILE_MODE);
      if (!existed) fsyncDir(path.dirname(this.path));
      const stat = fs.fstatSync(fd);
      const same =
        this.identity !== null &&
        this.identity.dev === stat.dev &&
        this.identity.ino === stat.ino &&
        stat.size === this.size;
      if (!same) this.replay(fd, stat);
      this.identity = { dev: stat.dev, ino: stat.ino };
      this.fd = fd;
      this.everOpened = true;
      // currentFailure stays until an append succeeds: opening is not yet storing.
      return fd;
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      throw this.fail(error);
    }
  }

  private replay(fd: number, stat: fs.Stats): void {
    const started = performance.now();
    this.agg = createAggregate();
    this.hash = crypto.createHash('sha1');
    this.size = 0;
    this.lines = 0;
    this.damaged = 0;
    this.pendingTail = null;
    this.sinceCheckpoint = 0;
    this.report = { records: 0, damagedLines: 0, tornBytes: 0, tornFile: null, checkpointBytes: 0, ms: 0 };
    if (!stat.isFile()) {
      // e.g. a device: reading it could never end. Writes still go there (and fail loudly if they fail).
      this.logger.warn(`The journal ${this.path} is not a regular file; nothing to replay.`);
      return;
    }
    let buf = readAll(fd, stat.size);
    const repaired = this.repairTornEnd(fd, buf);
    buf = repaired.kept;
    this.pendingTail = repaired.tail;
    this.size = buf.length;
    const replayEnd = buf.length - (repaired.tail?.length ?? 0);
    const start = this.applyCheckpoint(buf, replayEnd);
    this.hash.update(buf.subarray(start));
    let logged = 0;
    const counts = replayText(buf.toString('utf8', start, replayEnd), this.agg, this.lines + 1, (damage) => {
      logged += 1;
      if (logged <= MAX_DAMAGE_LOG_LINES) {
        this.logger.warn(
          `Journal ${this.path} line ${damage.line} is damaged (${damage.reason}); skipped and kept in place.`,
        );
      }
    });
    if (logged > MAX_DAMAGE_LOG_LINES) {
      this.logger.warn(
        `Journal ${this.path}: ${logged - MAX_DAMAGE_LOG_LINES} more damaged lines not listed.`,
      );
    }
    this.lines += counts.lines;
    this.damaged += counts.damaged;
    this.report.records = this.agg.records;
    this.report.damagedLines = this.damaged;
    this.report.checkpointBytes = start;
    this.report.ms = performance.now() - started;
    if (counts.lines > 0) this.checkpoint();
    this.logger.info(
      `Journal ${this.path}: ${this.agg.records} records replayed in ${Math.round(this.report.ms)} ms` +
        (start > 0 ? ` (${start} bytes from the checkpoint)` : '') +
        (this.damaged > 0 ? `, ${this.damaged} damaged lines skipped` : '') +
        '.',
    );
  }

  /**
   * Copies a torn end to `journal.torn-<time>` (nothing is thrown away silently), then cuts
   * it off. Returns the bytes that remain. If either step fails the end is kept: a complete
   * line is replayed as damaged, an unterminated one is returned as `tail` (it waits for the
   * "\n" our next write starts with).
   */
  private repairTornEnd(fd: number, buf: Buffer): { kept: Buffer; tail: Buffer | null } {
    const tornStart = findTornStart(buf);
    if (tornStart === buf.length) return { kept: buf, tail: null };
    const torn = buf.subarray(tornStart);
    try {
      const tornFile = writeNewFileDurably(
        path.join(path.dirname(this.path), TORN_PREFIX + fileStamp(this.now())),
        torn,
      );
      fs.ftruncateSync(fd, tornStart);
      fs.fsyncSync(fd);
      this.report.tornBytes = torn.length;
      this.report.tornFile = tornFile;
      this.logger.warn(
        `Journal ${this.path} had a torn end (${torn.length} bytes, from an interrupted write); ` +
          `copied to ${tornFile} and removed from the journal.`,
      );
      return { kept: buf.subarray(0, tornStart), tail: null };
    } catch (error) {
      this.logger.error(
        `Journal ${this.path} has a torn end (${torn.length} bytes) that could not be set aside: ${String(error)}. ` +
          'It stays in place and is skipped.',
      );
      const lastNewline = buf.lastIndexOf(0x0a);
      const tail = lastNewline === buf.length - 1 ? null : Buffer.from(buf.subarray(lastNewline + 1));
      return { kept: buf, tail };
    }
  }

  /** Uses the checkpoint if it matches the file's first bytes; returns where replay must start. */
  private applyCheckpoint(buf: Buffer, replayEnd: number): number {
    if (this.checkpointEvery === 0) return 0;
    const checkpoint = loadCheckpoint(this.checkpointPath, this.tag);
    if (checkpoint === null || checkpoint.bytes > replayEnd || checkpoint.bytes === 0) return 0;
    const prefix = crypto.createHash('sha1').update(buf.subarray(0, checkpoint.bytes));
    if (prefix.copy().digest('hex') !== checkpoint.sha1) return 0;
    this.hash = prefix;
    this.agg = checkpoint.aggregate;
    this.lines = checkpoint.lines;
    this.damaged = checkpoint.corrupt;
    return checkpoint.bytes;
  }

  /** Counts one line that became complete after replay (a former torn end). */
  private foldLine(line: Buffer): void {
    const counts = replayText(line.toString('utf8'), this.agg, this.lines + 1, (damage) => {
      this.logger.warn(
        `Journal ${this.path} line ${damage.line} is damaged (${damage.reason}); kept in place.`,
      );
    });
    this.lines += counts.lines;
    this.damaged += counts.damaged;
  }

  private checkpoint(): void {
    this.sinceCheckpoint = 0;
    if (this.pendingTail !== null || this.checkpointEvery === 0) return;
    try {
      saveCheckpoint(this.checkpointPath, this.tag, {
        bytes: this.size,
        sha1: this.hash.copy().digest('hex'),
        lines: this.lines,
        corrupt: this.damaged,
        aggregate: this.agg,
      });
    } catch (error) {
      // Only costs a longer replay at next boot; say it once, not on every append.
      if (!this.checkpointWarned) this.logger.warn(`Could not save the journal checkpoint: ${String(error)}`);
      this.checkpointWarned = true;
    }
  }
}

/** Reads exactly `size` bytes from the start of `fd`. */
function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let offset = 0;
  while (offset < size) {
    const read = fs.readSync(fd, buf, offset, size - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  return offset === size ? buf : buf.subarray(0, offset);
}
