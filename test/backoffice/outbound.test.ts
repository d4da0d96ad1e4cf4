import { describe, expect, it } from 'vitest';
import { outboundRecord, roundOutboundTime } from '../../electron/backoffice/outbound.js';
import { sid } from './helpers.js';

describe('records leaving the kiosk', () => {
  it('round their time down to 5 minutes', () => {
    expect(roundOutboundTime('2026-12-02T09:04:59.999Z')).toBe('2026-12-02T09:00:00.000Z');
    expect(roundOutboundTime('2026-12-02T09:05:00.000Z')).toBe('2026-12-02T09:05:00.000Z');
    expect(roundOutboundTime('2026-12-02T23:59:01.000+07:00')).toBe('2026-12-02T16:55:00.000Z');
  });

  it('keep everything else of the record', () => {
    const record = { id: 'a', at: '2026-12-02T09:07:13.000Z', sessionId: sid('s'), type: 'pledge' };
    expect(outboundRecord(record)).toEqual({ ...record, at: '2026-12-02T09:05:00.000Z' });
    expect(record.at).toBe('2026-12-02T09:07:13.000Z');
  });

  it('refuse a time that is not one', () => {
    expect(() => roundOutboundTime('yesterday')).toThrow(/Not an ISO time/);
  });
});
