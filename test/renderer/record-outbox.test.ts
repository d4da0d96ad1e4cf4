/**
 * The renderer's outbox keeps visitor records in order while the host is away and sends each
 * once it is back, with the same eventId on every try (so the back office stores it once).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorEvent } from '../../electron/bridge/contract.js';
import { RecordOutbox, type Attempt, type DeliveryState } from '../../renderer/bridge/record-outbox.js';

const event = (n: number): VisitorEvent => ({
  type: 'pledge',
  sessionId: 'visitor-0001',
  sceneId: 'pledge',
  pledgeId: `p${n}`,
});
const stored = (e: VisitorEvent): Attempt => ({
  kind: 'stored',
  ack: { id: e.eventId ?? '', at: '2025-11-22T03:04:05.000Z' },
});

/** A host that can be switched off and on; remembers every try. */
function fakeHost() {
  const tries: VisitorEvent[] = [];
  let answer: (e: VisitorEvent) => Attempt = stored;
  return {
    tries,
    set(next: (e: VisitorEvent) => Attempt) {
      answer = next;
    },
    send: (e: VisitorEvent): Promise<Attempt> => {
      tries.push(e);
      return Promise.resolve(answer(e));
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RecordOutbox', () => {
  it('sends records in order, each with its own eventId', async () => {
    const host = fakeHost();
    const outbox = new RecordOutbox(host.send);
    const results = await Promise.all([1, 2, 3].map((n) => outbox.push(event(n))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(host.tries.map((e) => (e as { pledgeId: string }).pledgeId)).toEqual(['p1', 'p2', 'p3']);
    expect(new Set(host.tries.map((e) => e.eventId)).size).toBe(3);
    expect(outbox.state()).toEqual({ pending: 0, problem: null, lost: 0 });
  });

  it('keeps records while the host is away and delivers them, in order, once it is back', async () => {
    const host = fakeHost();
    const states: DeliveryState[] = [];
    const outbox = new RecordOutbox(host.send, { onChange: (s) => states.push(s) });
    host.set(() => ({ kind: 'retry', problem: 'unreachable' }));
    const pending = [1, 2, 3].map((n) => outbox.push(event(n)));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(outbox.state()).toEqual({ pending: 3, problem: 'unreachable', lost: 0 });
    // Only the oldest is tried while the host is away, and always with the same id.
    const firstId = host.tries[0]?.eventId;
    expect(host.tries.length).toBeGreaterThan(3);
    expect(host.tries.every((e) => e.eventId === firstId)).toBe(true);

    host.set(stored);
    await vi.advanceTimersByTimeAsync(10_000);
    const results = await Promise.all(pending);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const delivered = host.tries.slice(-3).map((e) => (e as { pledgeId: string }).pledgeId);
    expect(delivered).toEqual(['p1', 'p2', 'p3']);
    expect(results[0]).toEqual({ ok: true, value: { id: firstId, at: '2025-11-22T03:04:05.000Z' } });
    expect(states.at(-1)).toEqual({ pending: 0, problem: null, lost: 0 });
  });

  it('backs off between tries, up to the last delay', async () => {
    const host = fakeHost();
    host.set(() => ({ kind: 'retry', problem: 'storage' }));
    const outbox = new RecordOutbox(host.send, { retryDelaysMs: [100, 1000] });
    void outbox.push(event(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(host.tries).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(host.tries).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(host.tries).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.tries).toHaveLength(3);
    expect(outbox.state().problem).toBe('storage');
  });

  it('gives up a record the host refuses as invalid, and goes on with the next', async () => {
    const host = fakeHost();
    host.set((e) =>
      (e as { pledgeId: string }).pledgeId === 'p1'
        ? { kind: 'rejected', error: { code: 'bad-request', message: 'invalid' } }
        : stored(e),
    );
    const outbox = new RecordOutbox(host.send);
    const [first, second] = await Promise.all([outbox.push(event(1)), outbox.push(event(2))]);
    expect(first.ok).toBe(false);
    expect(second.ok).toBe(true);
    expect(outbox.state()).toEqual({ pending: 0, problem: null, lost: 1 });
  });

  it('gives up a record after repeated server errors', async () => {
    const host = fakeHost();
    host.set(() => ({ kind: 'retry', problem: 'server' }));
    const outbox = new RecordOutbox(host.send, { serverFailuresAllowed: 3, retryDelaysMs: [10] });
    const result = outbox.push(event(1));
    await vi.advanceTimersByTimeAsync(100);
    expect((await result).ok).toBe(false);
    expect(host.tries).toHaveLength(3);
    expect(outbox.state().lost).toBe(1);
  });

  it('is bounded: past its capacity new records are refused and counted, the oldest kept', async () => {
    const host = fakeHost();
    host.set(() => ({ kind: 'retry', problem: 'unreachable' }));
    const outbox = new RecordOutbox(host.send, { capacity: 2 });
    void outbox.push(event(1));
    void outbox.push(event(2));
    const third = await outbox.push(event(3));
    expect(third.ok).toBe(false);
    expect(outbox.state()).toMatchObject({ pending: 2, lost: 1 });
    host.set(stored);
    await vi.advanceTimersByTimeAsync(10_000);
    await outbox.whenIdle();
    const delivered = host.tries.filter(
      (_, i, all) => all.findIndex((t) => t.eventId === all[i]?.eventId) === i,
    );
    expect(delivered.map((e) => (e as { pledgeId: string }).pledgeId)).toEqual(['p1', 'p2']);
  });

  it('treats a send that throws as an unreachable host', async () => {
    let calls = 0;
    const outbox = new RecordOutbox(
      (e) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('socket hang up')) : Promise.resolve(stored(e));
      },
      { retryDelaysMs: [10] },
    );
    const result = outbox.push(event(1));
    await vi.advanceTimersByTimeAsync(10);
    expect((await result).ok).toBe(true);
    expect(calls).toBe(2);
  });
});
