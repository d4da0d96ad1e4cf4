/**
 * The kiosk's "day": what "today" means for the panel and for exports. A day is opened by
 * the last "end of day" (or, before any, by the first record) and closed by staff; nothing
 * is deleted. The boundary is an `end-of-day` line in the audit log holding the journal's
 * byte size at that moment: exact (no clock involved) and durable (fsynced like the journal).
 */
import type { JournalRecord } from '../../bridge/contract.js';
import {
  firstRecordAt,
  readJournalSlice,
  resolveSliceStart,
  type SliceStart,
} from '../export/journal-slice.js';
import { addRecord, createAggregate, type Aggregate } from '../tallies.js';
import type { AuditEntry } from './audit.js';

export interface DayBoundary {
  closedAt: string;
  journalBytes: number;
}

/** The last day close in the audit log, or null when no day was ever closed. */
export function lastDayClose(entries: readonly AuditEntry[]): DayBoundary | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.action !== 'end-of-day') continue;
    const bytes = entry.details.journalBytes;
    if (typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes >= 0) {
      return { closedAt: entry.at, journalBytes: bytes };
    }
  }
  return null;
}

/** Journal facts the day needs, read live. */
export interface DayJournal {
  readonly path: string;
  readonly bytes: number;
  readonly aggregate: Aggregate;
}

/** Today's tallies aggregate, kept current record by record. */
export class Day {
  private boundary: DayBoundary | null;
  /** Null while no day was ever closed: today is then the journal's own (all-time) aggregate. */
  private todayAgg: Aggregate | null = null;
  private startedAt: string | null;

  constructor(
    private readonly journal: DayJournal,
    boundary: DayBoundary | null,
  ) {
    this.boundary = boundary;
    if (boundary === null) {
      this.startedAt = firstRecordAt(journal.path);
    } else {
      // Only today's records are read: boot cost follows the day's size, not the journal's.
      this.todayAgg = readJournalSlice(journal.path, this.sliceStart(), journal.bytes).aggregate;
      this.startedAt = boundary.closedAt;
    }
  }

  /** Today's aggregate (read-only for callers). */
  get aggregate(): Aggregate {
    return this.todayAgg ?? this.journal.aggregate;
  }

  /** When the current day was opened, or null before the first record. */
  get dayStartedAt(): string | null {
    return this.startedAt;
  }

  /** Where today's records start in the journal. */
  sliceStart(): SliceStart {
    return resolveSliceStart(this.journal.path, this.boundary);
  }

  /** Counts a record the journal just stored. */
  onRecord(record: JournalRecord): void {
    if (this.todayAgg !== null) addRecord(this.todayAgg, record);
    this.startedAt ??= record.at;
  }

  /** Starts a new day at `boundary` (already made durable by the caller). */
  close(boundary: DayBoundary): void {
    this.boundary = boundary;
    this.todayAgg = createAggregate();
    this.startedAt = boundary.closedAt;
  }
}
