/**
 * The outbox: the journal's records after the sync cursor, read in batches straight from
 * journal.jsonl (the journal is append-only, so a byte offset names a place for good).
 * Reading is asynchronous and bounded so the visitor path (synchronous appends) never waits.
 */
import fs from 'node:fs/promises';
import type { JournalRecord } from '../../bridge/contract.js';
import { outboundRecord } from '../outbound.js';
import { isJournalRecord } from '../record-schema.js';

/** Bytes read per step; records are a few hundred bytes, so a batch takes a few steps. */
const READ_CHUNK = 256 * 1024;

export interface OutboxBatch {
  /** The records to send, times rounded to 5 minutes (outboundRecord). */
  records: JournalRecord[];
  /** Where the batch ends: the cursor's offset once it is acknowledged. */
  endOffset: number;
  /** Damaged lines skipped (they stay in the journal, as everywhere else). */
  damagedLines: number;
}

/**
 * Reads up to `batchSize` valid records from `journalPath`, from byte `offset` up to byte
 * `limit` (what the journal accounts for: a line being written is never read half).
 */
export async function readBatch(
  journalPath: string,
  offset: number,
  limit: number,
  batchSize: number,
): Promise<OutboxBatch> {
  const records: JournalRecord[] = [];
  let damagedLines = 0;
  let position = offset;
  if (limit <= offset) return { records, endOffset: offset, damagedLines };
  const handle = await fs.open(journalPath, 'r');
  try {
    let carry = Buffer.alloc(0);
    let readAt = offset;
    while (records.length < batchSize && readAt < limit) {
      const size = Math.min(READ_CHUNK, limit - readAt);
      const chunk = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(chunk, 0, size, readAt);
      if (bytesRead === 0) break;
      readAt += bytesRead;
      let buffer =
        carry.length === 0
          ? chunk.subarray(0, bytesRead)
          : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      let start = 0;
      while (records.length < batchSize) {
        const newline = buffer.indexOf(0x0a, start);
        if (newline === -1) break;
        const line = buffer.toString('utf8', start, newline);
        position += newline + 1 - start;
        start = newline + 1;
        if (line.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          value = undefined;
        }
        if (isJournalRecord(value)) records.push(outboundRecord(value));
        else damagedLines += 1;
      }
      buffer = buffer.subarray(start);
      carry = Buffer.from(buffer);
    }
  } finally {
    await handle.close();
  }
  return { records, endOffset: position, damagedLines };
}
