import { describe, expect, it, vi } from 'vitest';
import {
  attemptRecord,
  createHttpKiosk,
  parseAnswer,
  tokenInPage,
} from '../../renderer/bridge/kiosk-client.js';
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

describe('token refresh (browser host restarted with another token)', () => {
  const refused = () =>
    new Response(
      JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } }),
      {
        status: 403,
      },
    );
  const ok = () => new Response(JSON.stringify({ ok: true, value: health }));
  const tokenOf = (init: RequestInit | undefined): string =>
    (init?.headers as Record<string, string>)['x-kiosk-token'] ?? '';

  it('re-reads the token once and repeats the call with it', async () => {
    const seen: string[] = [];
    const fetchMock = vi.fn((_url: string, init?: RequestInit) => {
      seen.push(tokenOf(init));
      return Promise.resolve(tokenOf(init) === 'new-token' ? ok() : refused());
    });
    const refresh = vi.fn(() => Promise.resolve('new-token'));
    const kiosk = createHttpKiosk('old-token', fetchMock as unknown as typeof fetch, refresh);
    expect(await kiosk.health(undefined)).toEqual({ ok: true, value: health });
    expect(seen).toEqual(['old-token', 'new-token']);
    // Later calls use the new token straight away.
    await kiosk.health(undefined);
    expect(seen.at(-1)).toBe('new-token');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('gives the refusal back when the page has no newer token', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(refused()));
    const kiosk = createHttpKiosk('t', fetchMock, () => Promise.resolve('t'));
    const result = await kiosk.health(undefined);
    expect(result.ok).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('tokenInPage', () => {
  it('finds the token the host injects into index.html', () => {
    expect(tokenInPage('<head><meta name="kiosk-token" content="AbC_-123"></head>')).toBe('AbC_-123');
    expect(tokenInPage('<head></head>')).toBeNull();
  });
});

describe('attemptRecord', () => {
  const event = { type: 'pledge', sessionId: 'visitor-0001', sceneId: 'pledge', pledgeId: 'p1' } as const;
  const answer = (body: unknown) => () => Promise.resolve(body);

  it('sorts answers into stored, worth retrying, and refused', async () => {
    const ack = { id: '0b6f2a8e-4c1d-4f6a-9b1e-3a2d5c7e9f10', at: '2025-11-22T03:04:05.000Z' };
    expect(await attemptRecord(answer({ ok: true, value: ack }), event)).toEqual({ kind: 'stored', ack });
    const error = (code: string) => ({ ok: false, error: { code, message: 'x' } });
    expect(await attemptRecord(answer(error('storage')), event)).toMatchObject({
      kind: 'retry',
      problem: 'storage',
    });
    expect(await attemptRecord(answer(error('forbidden')), event)).toMatchObject({ problem: 'forbidden' });
    expect(await attemptRecord(answer(error('internal')), event)).toMatchObject({ problem: 'server' });
    expect(await attemptRecord(answer(error('bad-request')), event)).toMatchObject({ kind: 'rejected' });
    expect(await attemptRecord(() => Promise.reject(new Error('ECONNREFUSED')), event)).toEqual({
      kind: 'retry',
      problem: 'unreachable',
    });
  });
});
