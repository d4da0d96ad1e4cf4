/**
 * Reading a journal back: where a crash tore the end of the file, and folding the
 * remaining lines into the tallies aggregate. No I/O: the journal hands in bytes.
 */
import type { JournalRecord } from '../bridge/contract.js';
import { isJournalRecord } from './record-schema.js';
import { addRecord, type Aggregate } from './tallies.js';

const NEWLINE = 0x0a;

function parses(bytes: Uint8Array): boolean {
  try {
    JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the torn end of a journal starts: `buf.length` when the file is intact.
 *
 * A crash mid-write leaves a last line without its newline; a crash on some file
 * systems can also leave a last line whose bytes never reached the disk (zeros,
 * garbage) even though the newline did. So the torn end is the unterminated tail, plus
 * the last complete line when it is not even JSON. Lines before it are never "torn":
 * damage there is corruption, handled (and kept) by the replay.
 */
export function findTornStart(buf: Uint8Array): number {
  const lastNewline = buf.lastIndexOf(NEWLINE);
  if (lastNewline === -1) return 0;
  // Buffer#lastIndexOf treats a negative start as "from the end", so guard the first line.
  const previousNewline = lastNewline === 0 ? -1 : buf.lastIndexOf(NEWLINE, lastNewline - 1);
  const lastLine = buf.subarray(previousNewline + 1, lastNewline);
  return parses(lastLine) ? lastNewline + 1 : previousNewline + 1;
}

/** A line that replay skipped: its 1-based line number and why. */
export interface DamagedLine {
  line: number;
  reason: string;
}

export interface ReplayCounts {
  /** Lines seen (valid and damaged). */
  lines: number;
  /** Lines skipped because they are not JSON or not a valid journal record. */
  damaged: number;
}

/**
 * Folds every valid record of `text` (whole lines, each ending in "\n"; an unterminated
 * last piece is treated as one more line) into `agg`, reporting each damaged line.
 *
 * Line by line, each value validated and folded at once: parsing the whole text as one JSON
 * array was slower (100k records alive together make the garbage collector copy them all
 * out of the young generation), and a damaged line is found on the way instead of by a
 * second pass.
 * @param firstLine the line number of the first line of `text` in the whole file
 */
export function replayText(
  text: string,
  agg: Aggregate,
  firstLine: number,
  onDamaged: (damaged: DamagedLine) => void,
): ReplayCounts {
  let lines = 0;
  let damaged = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineNumber = firstLine + lines;
    lines += 1;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      damaged += 1;
      onDamaged({ line: lineNumber, reason: end === start ? 'empty line' : 'not valid JSON' });
      start = end + 1;
      continue;
    }
    start = end + 1;
    if (!isJournalRecord(value)) {
      damaged += 1;
      onDamaged({ line: lineNumber, reason: 'not a valid journal record' });
      continue;
    }
    addRecord(agg, value satisfies JournalRecord);
  }
  return { lines, damaged };
}
