/**
 * What a record looks like once it leaves the kiosk (exports, sync): the same anonymous
 * content, with its time rounded down to 5 minutes so that a sensitive choice cannot be matched
 * to the moment a child stood at the booth (LEARNING-DESIGN §5). The random session id stays:
 * the merge and the collector pair before/after checks by it.
 */
import type { JournalRecord } from '../bridge/contract.js';

/** Records that leave the kiosk carry times rounded down to this many milliseconds. */
export const OUTBOUND_TIME_STEP_MS = 5 * 60_000;

/** `iso` rounded down to the 5-minute step, as an ISO string (UTC, milliseconds zero). */
export function roundOutboundTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO time: ${iso}`);
  return new Date(
    ms - (((ms % OUTBOUND_TIME_STEP_MS) + OUTBOUND_TIME_STEP_MS) % OUTBOUND_TIME_STEP_MS),
  ).toISOString();
}

/** A copy of `record` fit to leave the kiosk: everything kept, its time rounded. */
export function outboundRecord<R extends Pick<JournalRecord, 'at'>>(record: R): R {
  return { ...record, at: roundOutboundTime(record.at) };
}
