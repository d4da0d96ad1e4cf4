/**
 * Validation of stored journal lines. The contract's JournalRecordSchema is the single
 * authority; this file only makes asking it cheap enough for a cold replay of 100k lines.
 *
 * Every journal variant is a strict object (unknown keys refused, no object-level rules), so
 * a record is valid exactly when its `type` names a variant, it has no key outside that
 * variant's shape, and each field passes that field's own schema from the contract. Checking
 * field by field lets the answers for the few distinct values most fields take (station,
 * scenario, node and choice ids, enums) be remembered, and skips zod's object machinery:
 * about 5× faster than `JournalRecordSchema.safeParse` on a real journal. A variant that is
 * not a plain strict object is judged by the whole schema, so a contract change can make this
 * slower but never wrong (test/backoffice/record-schema-fast.test.ts compares both on
 * generated records).
 */
import { z } from 'zod';
import { JournalRecordSchema, type JournalRecord } from '../bridge/contract.js';

/** Remembered answers per field; past this many distinct values a field stops remembering. */
const MEMO_LIMIT = 4_096;
/** Strings longer than this are never remembered (ids are at most 64 characters). */
const MEMO_MAX_CHARS = 64;

interface FieldCheck {
  readonly schema: z.ZodType;
  readonly memo: Map<string | number | boolean, boolean>;
}

/** One variant, judged field by field; `null` where only the whole schema can judge it. */
type VariantCheck = { fields: ReadonlyMap<string, FieldCheck>; required: readonly string[] } | null;

function variantCheck(variant: z.ZodType): VariantCheck {
  if (!(variant instanceof z.ZodObject)) return null;
  const catchall = (variant.def as { catchall?: z.ZodType }).catchall;
  // Only a strict object with no object-level checks can be judged field by field.
  if (!(catchall instanceof z.ZodNever) || (variant.def.checks?.length ?? 0) > 0) return null;
  const fields = new Map<string, FieldCheck>();
  const required: string[] = [];
  for (const [key, schema] of Object.entries(variant.shape)) {
    if (!(schema instanceof z.ZodType)) return null;
    fields.set(key, { schema, memo: new Map() });
    if (!schema.safeParse(undefined).success) required.push(key);
  }
  return { fields, required };
}

/** Variant checks by the discriminator value (`type`). */
const VARIANTS: ReadonlyMap<unknown, VariantCheck> = new Map(
  JournalRecordSchema.options.map((variant) => {
    const literal = variant.shape.type;
    return [literal.value, variantCheck(variant)] as const;
  }),
);

function fieldPasses(check: FieldCheck, value: unknown): boolean {
  const memoable =
    (typeof value === 'string' && value.length <= MEMO_MAX_CHARS) ||
    typeof value === 'number' ||
    typeof value === 'boolean';
  if (!memoable) return check.schema.safeParse(value).success;
  const known = check.memo.get(value);
  if (known !== undefined) return known;
  const passes = check.schema.safeParse(value).success;
  if (check.memo.size < MEMO_LIMIT) check.memo.set(value, passes);
  return passes;
}

/** True when `value` is a journal record per the contract's JournalRecordSchema. */
export function isJournalRecord(value: unknown): value is JournalRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const check = VARIANTS.get(record.type);
  if (check === undefined) return false;
  if (check === null) return JournalRecordSchema.safeParse(value).success;
  // Zod reads own and inherited keys alike; a JSON record has a plain prototype anyway.
  if (Object.getPrototypeOf(record) !== Object.prototype) return JournalRecordSchema.safeParse(value).success;
  for (const key of check.required) if (!Object.hasOwn(record, key)) return false;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const field = check.fields.get(key);
    if (field === undefined || !fieldPasses(field, record[key])) return false;
  }
  return true;
}

/** The same question asked of the whole schema (the reference the fast path is tested against). */
export function isJournalRecordBySchema(value: unknown): value is JournalRecord {
  return JournalRecordSchema.safeParse(value).success;
}
