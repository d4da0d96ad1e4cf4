/**
 * The sync wire contract between a kiosk and the organisers' collector (issue 9): what a
 * kiosk POSTs to `/v1/batches` and what the collector answers. Isomorphic (zod only), and
 * the records are checked with the very JournalRecordSchema the kiosk's journal uses, so the
 * collector can never accept what a kiosk would refuse to store.
 */
import { z } from 'zod';
import { FestivalTotalsSchema } from './admin-contract.js';
import { JournalRecordSchema } from './contract.js';

/** The most records one batch may carry (the kiosk's batch-size setting stays below it). */
export const MAX_BATCH_RECORDS = 5000;
/** The most bytes a batch body may have; the collector refuses more before reading it all. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** The collector's route for batches. */
export const BATCHES_PATH = '/v1/batches';

/** How the kiosk is doing, sent with every batch (also an empty one). */
export const HeartbeatSchema = z.strictObject({
  appVersion: z.string().min(1).max(64),
  uptimeSeconds: z.int().min(0),
  freeDiskBytes: z.int().min(0).nullable(),
  lastError: z.string().max(2000).nullable(),
  pendingRecords: z.int().min(0),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const BatchRequestSchema = z.strictObject({
  kioskId: z.string().min(1).max(64),
  heartbeat: HeartbeatSchema,
  records: z.array(JournalRecordSchema).max(MAX_BATCH_RECORDS),
});
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

export const BatchResponseSchema = z.object({
  /** Ids this request stored for the first time (the others were already there). */
  stored: z.array(z.uuid()),
  /** How many of the batch's records the collector now holds (all of them, on success). */
  acknowledged: z.int().min(0),
  totals: FestivalTotalsSchema,
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/** Every refusal: a status code and a sentence saying what was wrong. */
export const CollectorErrorSchema = z.object({ error: z.string() });
