/**
 * Validation of stored journal lines. The contract's JournalRecordSchema is the single
 * authority (a discriminated union, fast enough for boot-time replay).
 */
import { JournalRecordSchema, type JournalRecord } from '../bridge/contract.js';

/** True when `value` is a journal record per the contract's JournalRecordSchema. */
export function isJournalRecord(value: unknown): value is JournalRecord {
  return JournalRecordSchema.safeParse(value).success;
}
