import { describe, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../electron/bridge/contract.js';
import { FastJournalRecordSchema, isJournalRecord } from '../../electron/backoffice/record-schema.js';
import { sessionEvents, stamp } from './helpers.js';

/** Valid records of every shape, then single-field mutations of each. */
function candidates(): unknown[] {
  const valid: Record<string, unknown>[] = [
    ...sessionEvents('visitor-0001').map((e) => stamp(e)),
    stamp({ type: 'language', sessionId: 'visitor-0001', language: 'en' }),
    stamp({ type: 'scene-leave', sessionId: 'visitor-0001', sceneId: 'scam', reason: 'idle' }),
    stamp({
      type: 'check',
      sessionId: 'visitor-0001',
      sceneId: 'scam',
      phase: 'after',
      correct: 3,
      total: 4,
    }),
  ];
  const mutations: [string, unknown][] = [
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
    ['extra', 'field'],
  ];
  const out: unknown[] = [...valid, null, 42, 'text', [], {}];
  for (const record of valid) {
    for (const [key, value] of mutations) out.push({ ...record, [key]: value });
    for (const key of Object.keys(record)) {
      const rest = { ...record };
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- building a record without this key
      delete rest[key];
      out.push(rest);
    }
  }
  return out;
}

describe('journal record validation', () => {
  it('agrees with the contract’s JournalRecordSchema on every candidate', () => {
    for (const candidate of candidates()) {
      expect(isJournalRecord(candidate), JSON.stringify(candidate)).toBe(
        JournalRecordSchema.safeParse(candidate).success,
      );
    }
  });

  it('uses a fast path that never accepts what the contract rejects', () => {
    let fastAccepted = 0;
    for (const candidate of candidates()) {
      if (FastJournalRecordSchema.safeParse(candidate).success) {
        fastAccepted += 1;
        expect(JournalRecordSchema.safeParse(candidate).success, JSON.stringify(candidate)).toBe(true);
      }
    }
    expect(fastAccepted).toBeGreaterThan(8);
  });
});
