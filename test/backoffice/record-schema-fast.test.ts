/**
 * The replay's field-by-field record check must answer exactly as the contract's
 * JournalRecordSchema does, on valid records, near-valid ones and junk alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../electron/bridge/contract.js';
import { isJournalRecord, isJournalRecordBySchema } from '../../electron/backoffice/record-schema.js';
import { schemaArbitrary } from '../endurance/fuzz-payloads.js';
import { sessionEvents, stamp } from './helpers.js';

describe('fast journal record check', () => {
  it('agrees with the contract schema on 5,000 generated records', () => {
    let valid = 0;
    fc.assert(
      fc.property(schemaArbitrary(JournalRecordSchema), (value) => {
        // Through JSON, as the replay sees it (no undefined members, plain prototypes).
        const text = JSON.stringify(value) as string | undefined;
        const seen: unknown = text === undefined ? undefined : JSON.parse(text);
        const expected = isJournalRecordBySchema(seen);
        if (expected) valid += 1;
        expect(isJournalRecord(seen)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
    // The generator reaches valid records too, so both answers were exercised.
    expect(valid).toBeGreaterThan(25);
  }, 120_000);

  it('keeps agreeing once its memory of field values is full', () => {
    const records = sessionEvents('visitor-memo').map((event) => stamp(event));
    for (let i = 0; i < 5_000; i += 1) {
      const scenarioId = `s-${String(i)}`;
      const record = { ...records[2], scenarioId };
      expect(isJournalRecord(record)).toBe(true);
      expect(isJournalRecord({ ...record, scenarioId: `S-${String(i)}` })).toBe(false);
    }
  });

  it('judges optional fields and arrays of ids (red flags, event ids) as the schema does', () => {
    const result = sessionEvents('visitor-flags')
      .map((event) => stamp(event))
      .find((record) => record.type === 'result');
    if (result === undefined) throw new Error('no result record in the session');
    const flags = (list: unknown): unknown => ({ ...result, redFlagsSpotted: list });
    const cases: unknown[] = [
      flags(['otp-bank', 'urgent']),
      flags([]),
      flags(Array.from({ length: 50 }, (_, i) => `f-${String(i)}`)),
      flags(Array.from({ length: 51 }, (_, i) => `f-${String(i)}`)),
      flags(['otp-bank', 'Not An Id']),
      flags(['otp-bank', 7]),
      flags('otp-bank'),
      flags({ 0: 'otp-bank', length: 1 }),
      flags(['x'.repeat(48)]),
      flags(['x'.repeat(49)]),
      { ...result, eventId: '3b241101-e2bb-4255-8caf-4136c566a962' },
      { ...result, eventId: 'not-a-uuid' },
      { ...result, eventId: null },
    ];
    for (const value of cases) {
      const seen: unknown = JSON.parse(JSON.stringify(value));
      expect(isJournalRecord(seen), JSON.stringify(seen)).toBe(isJournalRecordBySchema(seen));
    }
    expect(isJournalRecord(JSON.parse(JSON.stringify(cases[0])))).toBe(true);
    expect(isJournalRecord(JSON.parse(JSON.stringify(cases[3])))).toBe(false);
  });

  it('refuses inherited and own "__proto__" keys as the schema does', () => {
    const [first] = sessionEvents('visitor-proto');
    if (first === undefined) throw new Error('no session events');
    const record = stamp(first);
    const withProto: unknown = JSON.parse(JSON.stringify(record).replace('{', '{"__proto__":{"x":1},'));
    expect(isJournalRecord(withProto)).toBe(isJournalRecordBySchema(withProto));
    expect(isJournalRecord(withProto)).toBe(false);
    expect(isJournalRecord(Object.create(record) as unknown)).toBe(
      isJournalRecordBySchema(Object.create(record)),
    );
  });
});
