/**
 * Reading a period of the visitor journal for "today" tallies and exports: the valid
 * records from a byte offset (or a time) to a given end, with their raw lines unchanged.
 * The journal stays the single source: nothing here writes.
 */
import fs from 'node:fs';
import type { JournalRecord } from '../../bridge/contract.js';
import { isJournalRecord } from '../record-schema.js';
import { addRecord, createAggregate, type Aggregate } from '../tallies.js';

/** Where a period starts: a byte offset into the journal, plus (fallback) a time. */
export interface SliceStart {
  /** Offset of the first line of the period (0: the whole journal). */
  fromByte: number;
  /** When set, records stamped before this ISO time are left out. */
  since: string | null;
}

export interface JournalSlice {
  /** The valid record lines of the period, exactly as stored (without "\n"). */
  lines: string[];
  aggregate: Aggregate;
  /** Lines skipped because they are not valid records (they stay in the journal). */
  damaged: number;
  firstAt: string | null;
  lastAt: string | null;
}

/**
 * Where a period that began at `boundary` starts in `file`: at the recorded offset when it
 * still falls on a line start of the same journal, otherwise (journal replaced or repaired)
 * at the beginning with a time filter, so a period never silently includes older days.
 */
export function resolveSliceStart(
  file: string,
  boundary: { journalBytes: number; closedAt: string } | null,
): SliceStart {
  if (boundary === null) return { fromByte: 0, since: null };
  if (boundary.journalBytes === 0) return { fromByte: 0, since: boundary.closedAt };
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (boundary.journalBytes <= size) {
        const buf = Buffer.alloc(1);
        fs.readSync(fd, buf, 0, 1, boundary.journalBytes - 1);
        if (buf[0] === 0x0a) return { fromByte: boundary.journalBytes, since: null };
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // No journal: the time filter below gives the right (empty) answer.
  }
  return { fromByte: 0, since: boundary.closedAt };
}

/** Reads bytes [from, to) of `file` (to: the end when null); an empty buffer when missing. */
function readRange(file: string, from: number, to: number | null): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return Buffer.alloc(0);
  }
  try {
    const end = Math.min(to ?? Number.MAX_SAFE_INTEGER, fs.fstatSync(fd).size);
    const length = Math.max(0, end - from);
    const buf = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
      const read = fs.readSync(fd, buf, offset, length - offset, from + offset);
      if (read === 0) break;
      offset += read;
    }
    return buf.subarray(0, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The valid records of `file` from `start` up to byte `toByte` (the journal's acknowledged
 * size; null: the whole file), folded into a fresh tallies aggregate. An unterminated last
 * piece (a write in progress) is left out.
 */
export function readJournalSlice(
  file: string,
  start: SliceStart,
  toByte: number | null = null,
): JournalSlice {
  const buf = readRange(file, start.fromByte, toByte);
  const lastNewline = buf.lastIndexOf(0x0a);
  const text = lastNewline === -1 ? '' : buf.toString('utf8', 0, lastNewline);
  const slice: JournalSlice = {
    lines: [],
    aggregate: createAggregate(),
    damaged: 0,
    firstAt: null,
    lastAt: null,
  };
  if (lastNewline === -1) return slice;
  const sinceMs = start.since === null ? null : Date.parse(start.since);
  for (const line of text.split('\n')) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      slice.damaged += 1;
      continue;
    }
    if (!isJournalRecord(value)) {
      slice.damaged += 1;
      continue;
    }
    const record: JournalRecord = value;
    if (sinceMs !== null && Date.parse(record.at) < sinceMs) continue;
    slice.lines.push(line);
    addRecord(slice.aggregate, record);
    slice.firstAt ??= record.at;
    slice.lastAt = record.at;
  }
  return slice;
}

/** The stamp time of the first valid record in `file`, reading only its first lines. */
export function firstRecordAt(file: string): string | null {
  const head = readRange(file, 0, 64 * 1024);
  const end = head.lastIndexOf(0x0a);
  if (end === -1) return null;
  for (const line of head.toString('utf8', 0, end).split('\n')) {
    try {
      const value: unknown = JSON.parse(line);
      if (isJournalRecord(value)) return value.at;
    } catch {
      // A damaged line: try the next.
    }
  }
  return null;
}
