/**
 * The acknowledgements of the most recent records, by id, so a record sent again (its first
 * answer was lost) is recognised and answered as before instead of being stored twice.
 * Rebuilt at start from the end of the journal, so a restart between storing a record and
 * answering it still recognises the retry. Bounded: retries come within minutes, not days.
 */
import fs from 'node:fs';
import type { RecordAck } from '../bridge/contract.js';

/** How many recent acknowledgements are kept (a few hours of a busy kiosk). */
export const RECENT_ACKS = 20_000;
/** How much of the journal's end is read at start (about 3,000 records of 300 bytes). */
const TAIL_BYTES = 1024 * 1024;

export class RecentAcks {
  private readonly acks = new Map<string, string>();

  constructor(private readonly capacity = RECENT_ACKS) {}

  get(id: string): RecordAck | null {
    const at = this.acks.get(id);
    return at === undefined ? null : { id, at };
  }

  remember(ack: RecordAck): void {
    this.acks.set(ack.id, ack.at);
    if (this.acks.size > this.capacity) {
      const oldest = this.acks.keys().next();
      if (!oldest.done) this.acks.delete(oldest.value);
    }
  }

  get size(): number {
    return this.acks.size;
  }

  /** Remembers the id and time of every whole record in the last `tailBytes` of a journal. */
  loadJournalTail(file: string, tailBytes = TAIL_BYTES): void {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return; // no journal yet
    }
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(0, size - tailBytes);
      const buffer = Buffer.alloc(size - start);
      fs.readSync(fd, buffer, 0, buffer.length, start);
      const lines = buffer.toString('utf8').split('\n');
      // The first piece may be the end of a line cut by the tail's start.
      for (const line of start > 0 ? lines.slice(1) : lines) this.rememberLine(line);
    } finally {
      fs.closeSync(fd);
    }
  }

  private rememberLine(line: string): void {
    if (line.length === 0) return;
    try {
      const value = JSON.parse(line) as { id?: unknown; at?: unknown };
      if (typeof value.id === 'string' && typeof value.at === 'string') {
        this.remember({ id: value.id, at: value.at });
      }
    } catch {
      // A damaged line: the journal's replay reports it; nothing to remember.
    }
  }
}
