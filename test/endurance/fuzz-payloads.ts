/**
 * Hostile payloads for any bridge channel, derived from the channel's own request schema
 * (through its JSON Schema), so a channel added to the contract later is fuzzed without
 * touching this file. Three kinds, mixed: near-valid (a valid sample with one field broken,
 * one key added or one removed), schema-shaped junk (the schema's keys with hostile values)
 * and plain junk (wrong types, huge strings, deep nesting, prototype keys, unicode tricks).
 */
import fc from 'fast-check';
import { z } from 'zod';
import { CHANNELS, type ChannelName } from '../../electron/bridge/contract.js';

/**
 * How many payloads per channel and host. `npm test` runs 1,000 (the CI time budget: three hosts
 * times every channel); `npm run fuzz` runs the full 10,000, and FUZZ_RUNS sets any other count.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);

type JsonSchema = Record<string, unknown>;

/** The two draws the sampler needs, from a seed fast-check chose (so runs replay). */
interface Rng {
  nextInt(min: number, max: number): number;
  nextBoolean(): boolean;
}

/** mulberry32: small, deterministic, good enough to pick among a few options. */
function seededRandom(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    nextInt: (min, max) => min + Math.floor(next() * (max - min + 1)),
    nextBoolean: () => next() < 0.5,
  };
}

/** Strings that have broken parsers, logs and terminals before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u2028',
  '\u2029',
  'line\u2028break',
  '\u202etxt.exe',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  '\udfff\ud800',
  'e\u0301\u0301\u0301',
  '１２３４５６',
  '٠١٢٣٤٥',
  'ѕсаm',
  'scam\n',
  ' scam',
  'SCAM',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '"},{"type":"pledge',
  '../../etc/passwd',
  'x'.repeat(70_000),
  '🙂'.repeat(5_000),
  'Không Một Mình',
];

const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '\u2028', '', 'x'.repeat(10_000)];

/** A plain object whose own keys include `key` (also "__proto__", which `{}` literals hide). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Arrays nested `depth` deep (or objects, alternately): deep-nesting attacks. */
function nested(depth: number, objects: boolean): unknown {
  let value: unknown = 'core';
  for (let i = 0; i < depth; i += 1) value = objects && i % 2 === 0 ? { a: value } : [value];
  return value;
}

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(null, undefined, true, false, 0, -0, -1, 1.5, 1e308, -1e308, NaN, Infinity, 2 ** 53 + 1),
  fc.integer(),
  fc.double(),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000 }).map((depth) => nested(depth, false)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000 }).map((depth) => nested(depth, true)) },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...NASTY_KEYS).map((key) => withOwnKey({}, key, { polluted: true })),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) },
);

/** Plausible values a schema's strings could take, tried against each `pattern`/`format`. */
const CANDIDATES = [
  '3f9c2a1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b',
  'scam',
  'otp-bank',
  'n-1',
  '123456',
  '20251122',
  'info',
  'a'.repeat(32),
  new Date(0).toISOString(),
];

function sampleString(schema: JsonSchema, random: Rng): string {
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : null;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const fits = CANDIDATES.filter(
    (value) => (pattern === null || pattern.test(value)) && value.length >= min && value.length <= max,
  );
  if (fits.length > 0) return fits[random.nextInt(0, fits.length - 1)] ?? '';
  return 'x'.repeat(Math.max(min, 1));
}

/** A value valid for `schema` as far as this sampler understands it (it may miss; fine). */
function sample(schema: JsonSchema, random: Rng): unknown {
  const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (options !== undefined && options.length > 0) {
    return sample(options[random.nextInt(0, options.length - 1)] ?? {}, random);
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[random.nextInt(0, schema.enum.length - 1)] as unknown;
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        if (required.has(key) || random.nextBoolean()) out[key] = sample(property, random);
      }
      return out;
    }
    case 'string':
      return sampleString(schema, random);
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 100;
      return random.nextInt(Math.ceil(min), Math.floor(Math.min(max, min + 1_000)));
    }
    case 'boolean':
      return random.nextBoolean();
    case 'array':
      return [];
    default:
      return null;
  }
}

/** Every property name and constant anywhere in a JSON Schema. */
function harvest(schema: unknown, keys: Set<string>, constants: Set<unknown>): void {
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as JsonSchema;
  if ('const' in node) constants.add(node.const);
  if (Array.isArray(node.enum)) for (const value of node.enum) constants.add(value);
  if (node.properties !== null && typeof node.properties === 'object') {
    for (const key of Object.keys(node.properties)) keys.add(key);
  }
  for (const child of Object.values(node)) harvest(child, keys, constants);
}

/** The payload arbitrary for one channel. */
export function payloadArbitrary(channel: ChannelName): fc.Arbitrary<unknown> {
  return schemaArbitrary(CHANNELS[channel].request);
}

/** Hostile and near-valid values for any zod schema (through its JSON Schema). */
export function schemaArbitrary(zodSchema: z.ZodType): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(zodSchema, { unrepresentable: 'any', io: 'input' });
  const keys = new Set<string>();
  const constants = new Set<unknown>();
  harvest(schema, keys, constants);
  const keyList = [...keys, ...NASTY_KEYS];
  const fieldValue = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...constants, 'scam', CANDIDATES[0]) },
    { weight: 3, arbitrary: hostileValue },
  );
  const valid = fc.noBias(fc.integer()).map((seed) => sample(schema, seededRandom(seed)));
  const nearValid = fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom('break', 'add', 'drop', 'keep'),
      fieldValue,
      fc.constantFrom(...keyList),
    )
    .map(([base, pick, how, value, extraKey]) => {
      if (base === null || typeof base !== 'object' || Array.isArray(base))
        return how === 'keep' ? base : value;
      const record = base as Record<string, unknown>;
      const own = Object.keys(record);
      const target = own[pick % Math.max(own.length, 1)];
      if (how === 'keep') return record;
      if (how === 'add' || target === undefined) return withOwnKey(record, extraKey, value);
      if (how === 'drop') {
        const copy = { ...record };
        Reflect.deleteProperty(copy, target);
        return copy;
      }
      return withOwnKey(record, target, value);
    });
  const shaped = fc
    .array(fc.tuple(fc.constantFrom(...keyList), fieldValue), { maxLength: 8 })
    .map((entries) => entries.reduce<Record<string, unknown>>((out, [k, v]) => withOwnKey(out, k, v), {}));
  return fc.oneof(
    { weight: 4, arbitrary: nearValid },
    { weight: 3, arbitrary: shaped },
    { weight: 2, arbitrary: hostileValue },
  );
}
