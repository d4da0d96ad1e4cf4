import { describe, expect, it } from 'vitest';
import { isJournalRecord } from '../../electron/backoffice/record-schema.js';
import { sessionEvents, sid, stamp } from './helpers.js';

/** Valid records of several shapes. */
function validRecords(): Record<string, unknown>[] {
  return [
    ...sessionEvents('visitor-0001').map((e) => stamp(e)),
    stamp({ type: 'language', sessionId: sid('visitor-0001'), language: 'en' }),
    stamp({ type: 'scene-leave', sessionId: sid('visitor-0001'), sceneId: 'scam', reason: 'idle' }),
    stamp({
      type: 'check',
      sessionId: sid('visitor-0001'),
      sceneId: 'scam',
      phase: 'after',
      correct: 3,
      total: 4,
    }),
  ];
}

/** A wrong value for a field, wherever the record has that field. */
const MUTATIONS: [string, unknown][] = [
  ['id', 'not-a-uuid'],
  ['at', '2025-11-22 10:00'],
  ['at', '2025-11-22T10:00:00+07:00'],
  ['kioskId', ''],
  ['kioskId', 'k'.repeat(65)],
  ['sessionId', 'short'],
  ['type', 'session-pause'],
  ['language', 'fr'],
  ['sceneId', 'Scam'],
  ['score', 1001],
  ['durationMs', -1],
  ['reason', 'bored'],
];

describe('journal record validation', () => {
  it('accepts every valid record shape', () => {
    for (const record of validRecords()) expect(isJournalRecord(record), JSON.stringify(record)).toBe(true);
  });

  it('rejects a wrong value in any field the record has', () => {
    let checked = 0;
    for (const record of validRecords()) {
      for (const [key, value] of MUTATIONS) {
        if (!(key in record)) continue;
        checked += 1;
        expect(isJournalRecord({ ...record, [key]: value }), `${key}=${JSON.stringify(value)}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('rejects unknown extra fields (records stay anonymous and exact)', () => {
    for (const record of validRecords()) expect(isJournalRecord({ ...record, name: 'Lan' })).toBe(false);
  });

  it('rejects records missing the stamp or the event type', () => {
    for (const record of validRecords()) {
      for (const key of ['id', 'at', 'kioskId', 'type', 'sessionId']) {
        const rest = { ...record };
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- building a record without this key
        delete rest[key];
        expect(isJournalRecord(rest), `${key} missing`).toBe(false);
      }
    }
  });

  it('rejects non-objects', () => {
    for (const value of [null, 42, 'text', [], {}]) expect(isJournalRecord(value)).toBe(false);
  });
});
