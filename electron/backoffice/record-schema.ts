/**
 * Validation of stored journal lines, fast enough for boot-time replay.
 *
 * The contract's JournalRecordSchema is an intersection (event ∩ stamp), which zod checks
 * by running both sides and merging the results: about twice the cost of a plain
 * discriminated union. Replaying 100k records is dominated by that cost, so we first try
 * an equivalent-but-stricter union built *from the contract's own pieces* (each event
 * variant extended with the stamp fields: no rule is restated here). It only accepts
 * what the contract accepts; whatever it rejects is re-checked by the contract schema,
 * which stays the single authority.
 */
import { z } from 'zod';
import { JournalRecordSchema, VisitorEventSchema, type JournalRecord } from '../bridge/contract.js';

type Variant = (typeof VisitorEventSchema.options)[number];

const stampShape = JournalRecordSchema.def.right.shape;

const variants = VisitorEventSchema.options.map((variant: Variant) => variant.extend(stampShape));

/** Every event variant with the journal stamp (id, at, kioskId): a strict subset of JournalRecordSchema. */
export const FastJournalRecordSchema = z.discriminatedUnion(
  'type',
  variants as [(typeof variants)[number], ...(typeof variants)[number][]],
);

/** True when `value` is a journal record per the contract's JournalRecordSchema. */
export function isJournalRecord(value: unknown): value is JournalRecord {
  return FastJournalRecordSchema.safeParse(value).success || JournalRecordSchema.safeParse(value).success;
}
