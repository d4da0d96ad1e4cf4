/**
 * One sync step: read the next batch from the outbox, send it, and once the collector has
 * acknowledged it save the cursor durably. Everything a batch costs (reading and parsing
 * journal lines, encoding the request, parsing the answer, the cursor's fsync) happens here,
 * so that it can run on a worker thread with its own heap (step-runner.ts): the visitor's
 * event loop only passes a few numbers and gets a few back.
 */
import { threadId } from 'node:worker_threads';
import type { FestivalTotals } from '../../bridge/admin-contract.js';
import type { BatchRequest } from '../../bridge/sync-contract.js';
import { SyncError, postBatch, type FetchLike } from './client.js';
import { saveCursor, type Cursor } from './cursor.js';
import { readBatch } from './outbox.js';

/** What one step needs; plain data, so it can be posted to a worker. */
export interface StepInput {
  journalPath: string;
  dataDir: string;
  /** The cursor the batch starts from (its offset and record count). */
  offset: number;
  records: number;
  /** Bytes of the journal accounted for: a line being written is never read half. */
  limit: number;
  batchSize: number;
  url: string;
  token: string;
  timeoutMs: number;
  kioskId: string;
  heartbeat: BatchRequest['heartbeat'];
}

/** The outcome of one step; plain data. Messages may contain the token: the caller scrubs them. */
/** `threadId`: the thread the step ran on (0: the process's main thread). */
export type StepResult =
  | { ok: true; cursor: Cursor; sent: number; threadId: number }
  | { ok: false; message: string; festival: FestivalTotals | null; threadId: number };

/** What the step may be given where it runs (never posted: functions and signals). */
export interface StepDeps {
  fetch?: FetchLike;
  signal?: AbortSignal;
  now?: () => Date;
}

/** Runs one step. Never throws: every failure comes back as `{ ok: false }` with a staff sentence. */
export async function runStep(input: StepInput, deps: StepDeps = {}): Promise<StepResult> {
  const fail = (message: string, festival: FestivalTotals | null = null): StepResult => ({
    ok: false,
    message,
    festival,
    threadId,
  });
  let batch;
  try {
    batch = await readBatch(input.journalPath, input.offset, input.limit, input.batchSize);
  } catch (error) {
    return fail(`Could not read the journal for sync: ${String(error)}`);
  }
  let answer;
  try {
    answer = await postBatch({
      url: input.url,
      token: input.token,
      batch: { kioskId: input.kioskId, heartbeat: input.heartbeat, records: batch.records },
      timeoutMs: input.timeoutMs,
      ...(deps.signal === undefined ? {} : { signal: deps.signal }),
      ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    });
  } catch (error) {
    return fail(error instanceof SyncError ? error.message : `Sync failed: ${String(error)}`);
  }
  const cursor: Cursor = {
    version: 1,
    offset: batch.endOffset,
    records: input.records + batch.records.length,
    url: input.url,
    lastSuccessAt: (deps.now ?? (() => new Date()))().toISOString(),
    festival: answer.totals,
  };
  try {
    // Durable before we move on: only an acknowledged batch advances the cursor.
    saveCursor(input.dataDir, cursor);
  } catch (error) {
    return fail(
      `Could not save the sync position (the batch will be sent again): ${String(error)}`,
      answer.totals,
    );
  }
  return { ok: true, cursor, sent: batch.records.length, threadId };
}
