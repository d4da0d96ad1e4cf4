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
  /**
   * Whether a compiled field still consults its memory: ids repeat (station, scenario, node,
   * flag ids), so a remembered answer saves a regular expression; a field whose values are all
   * different (record and session ids, times) fills its memory and then stops asking it.
   */
  remember: boolean;
  /**
   * The schema as a plain predicate, when it is a string schema made only of length limits
   * and regular expressions (ids, times), optional or in an array (compileField): those values
   * are unique per record, so memoising cannot help and one zod call each would cost more than
   * the rest of the check.
   */
  readonly test: ((value: unknown) => boolean) | null;
}

/** The zod 4 definition fields a string schema's predicate is compiled from. */
interface StringDef {
  type: string;
  coerce?: boolean;
  format?: string;
  pattern?: unknown;
  checks?: {
    _zod: { def: { check: string; format?: string; pattern?: unknown; minimum?: number; maximum?: number } };
  }[];
}

/** Formats whose whole check is their pattern (zod 4). */
const PATTERN_FORMATS = new Set(['regex', 'uuid', 'datetime']);

function usablePattern(pattern: unknown): RegExp | null {
  return pattern instanceof RegExp && !pattern.global && !pattern.sticky ? pattern : null;
}

/** A predicate equal to `schema.safeParse(v).success`, or null when it cannot be sure. */
function compileString(schema: z.ZodType): ((value: unknown) => boolean) | null {
  const def = schema.def as unknown as StringDef;
  if (def.type !== 'string' || def.coerce === true) return null;
  const patterns: RegExp[] = [];
  let min = 0;
  let max = Infinity;
  if (def.format !== undefined) {
    const pattern = usablePattern(def.pattern);
    if (!PATTERN_FORMATS.has(def.format) || pattern === null) return null;
    patterns.push(pattern);
  }
  for (const check of def.checks ?? []) {
    const inner = check._zod.def;
    if (inner.check === 'min_length' && typeof inner.minimum === 'number') min = Math.max(min, inner.minimum);
    else if (inner.check === 'max_length' && typeof inner.maximum === 'number')
      max = Math.min(max, inner.maximum);
    else if (inner.check === 'string_format' && PATTERN_FORMATS.has(inner.format ?? '')) {
      const pattern = usablePattern(inner.pattern);
      if (pattern === null) return null;
      patterns.push(pattern);
    } else return null;
  }
  return (value) =>
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    patterns.every((pattern) => pattern.test(value));
}

/** The zod 4 definition fields of the wrappers a field predicate is compiled through. */
interface WrapperDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}

/**
 * A predicate equal to `schema.safeParse(v).success` for strings made of length limits and
 * patterns (compileString), optional ones, and arrays of them with length limits (red flags,
 * event ids): these values are mostly unique per record, so remembering cannot help them and
 * one zod call each was most of a cold replay. Null when it cannot be sure.
 */
function compileField(schema: z.ZodType): ((value: unknown) => boolean) | null {
  const def = schema.def as unknown as WrapperDef;
  if (def.type === 'string') return compileString(schema);
  if (def.type === 'optional' && def.innerType !== undefined) {
    const inner = compileField(def.innerType);
    return inner === null ? null : (value) => value === undefined || inner(value);
  }
  if (def.type === 'array' && def.element !== undefined) {
    const element = compileField(def.element);
    if (element === null) return null;
    let min = 0;
    let max = Infinity;
    for (const check of def.checks ?? []) {
      const inner = check._zod.def;
      if (inner.check === 'min_length' && typeof inner.minimum === 'number')
        min = Math.max(min, inner.minimum);
      else if (inner.check === 'max_length' && typeof inner.maximum === 'number')
        max = Math.min(max, inner.maximum);
      else return null;
    }
    return (value) =>
      Array.isArray(value) && value.length >= min && value.length <= max && value.every(element);
  }
  return null;
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
    fields.set(key, { schema, memo: new Map(), test: compileField(schema), remember: true });
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
  if (check.test !== null) {
    if (!check.remember || typeof value !== 'string' || value.length > MEMO_MAX_CHARS)
      return check.test(value);
    const known = check.memo.get(value);
    if (known !== undefined) return known;
    const passes = check.test(value);
    if (check.memo.size < MEMO_LIMIT) check.memo.set(value, passes);
    else {
      check.remember = false;
      check.memo.clear();
    }
    return passes;
  }
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
