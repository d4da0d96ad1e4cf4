import { describe, expect, it, vi } from 'vitest';
import { createHttpKiosk, parseAnswer } from '../../renderer/bridge/kiosk-client.js';
import { CHANNEL_NAMES } from '../../electron/bridge/contract.js';

const health = {
  kioskId: 'kiosk-a',
  version: '1.0.0',
  dataDir: '/data',
  journalRecords: 3,
  journalBytes: 900,
  lastError: null,
  lastErrorAt: null,
};

describe('parseAnswer', () => {
  it('passes a valid answer through', () => {
    expect(parseAnswer('health', { ok: true, value: health })).toEqual({ ok: true, value: health });
  });

  it('turns an answer that breaks the contract into an error', () => {
    const result = parseAnswer('health', { ok: true, value: { ...health, journalRecords: -1 } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Answer on "health" breaks the contract.' },
    });
  });

  it('keeps the host error as it was sent', () => {
    const error = { code: 'storage', message: 'disk full' };
    expect(parseAnswer('record', { ok: false, error })).toEqual({ ok: false, error });
  });

  it('rejects a malformed envelope', () => {
    expect(parseAnswer('tallies', 'nonsense').ok).toBe(false);
  });
});

describe('createHttpKiosk', () => {
  it('has one named method per contract channel and posts with the token', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ ok: true, value: health }))));
    const kiosk = createHttpKiosk('secret-token', fetchMock);
    expect(Object.keys(kiosk).sort()).toEqual([...CHANNEL_NAMES].sort());
    const result = await kiosk.health(undefined);
    expect(result).toEqual({ ok: true, value: health });
    expect(fetchMock).toHaveBeenCalledWith('/api/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': 'secret-token' },
      body: '',
    });
  });

  it('reports an unreachable host as an error instead of throwing', async () => {
    const kiosk = createHttpKiosk('t', () => Promise.reject(new Error('connection refused')));
    const result = await kiosk.config(undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: '"config" unreachable: connection refused' },
    });
  });
});
