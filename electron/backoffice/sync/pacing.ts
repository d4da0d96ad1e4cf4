/**
 * How fast sync goes. While visitors are using the kiosk, sync sends small batches with
 * long pauses: on a two-core kiosk any concurrent work (reading the journal, encoding,
 * the network) lengthens the visitor's own record calls, so a busy kiosk keeps sync's share
 * of the CPU tiny (100 records every 2 s is 180,000 an hour, far above what visitors make).
 * When nobody has touched the kiosk for a while, sync drains its backlog at full speed.
 */

export interface SyncPacing {
  /** A visitor event within this long means the kiosk is in use. */
  activeWindowMs: number;
  /** Records per batch while in use (at most the configured batch size). */
  busyBatchRecords: number;
  /** Pause between batches while in use. */
  busyPauseMs: number;
}

export const DEFAULT_PACING: SyncPacing = {
  activeWindowMs: 10_000,
  busyBatchRecords: 100,
  busyPauseMs: 2_000,
};

/** The batch size and the pause after a batch, given when a visitor last recorded something. */
export function pace(
  pacing: SyncPacing | null,
  batchSize: number,
  lastVisitorAt: number | null,
  nowMs: number,
): { batchSize: number; pauseMs: number } {
  const busy = pacing !== null && lastVisitorAt !== null && nowMs - lastVisitorAt < pacing.activeWindowMs;
  if (!busy) return { batchSize, pauseMs: 0 };
  return { batchSize: Math.min(batchSize, pacing.busyBatchRecords), pauseMs: pacing.busyPauseMs };
}
