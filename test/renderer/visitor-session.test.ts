import { describe, expect, it } from 'vitest';
import type { BridgeResult, KioskApi, VisitorEvent } from '../../electron/bridge/contract.js';
import { VisitorSession } from '../../renderer/session/visitor-session.js';

function fakeKiosk(fail = false): { kiosk: KioskApi; sent: VisitorEvent[] } {
  const sent: VisitorEvent[] = [];
  const kiosk = {
    record: async (event: VisitorEvent): Promise<BridgeResult<{ id: string; at: string }>> => {
      // Handed over in call order (the kiosk's outbox keeps that order); later calls answer
      // sooner, and the session must not wait for one answer before the next call.
      sent.push(event);
      await new Promise((resolve) => setTimeout(resolve, 10 - sent.length));
      return fail
        ? { ok: false, error: { code: 'storage', message: 'disk full' } }
        : { ok: true, value: { id: crypto.randomUUID(), at: new Date().toISOString() } };
    },
  } as unknown as KioskApi;
  return { kiosk, sent };
}

describe('VisitorSession', () => {
  it('hands its events over in order at once, stamped with one anonymous session id', async () => {
    const { kiosk, sent } = fakeKiosk();
    const session = new VisitorSession(kiosk, () => undefined);
    session.start('vi');
    session.record({ type: 'scene-enter', sceneId: 'scam' });
    session.record({ type: 'language', language: 'en' });
    const ended = session.end('visitor');
    // Nothing waited for an answer: all four are with the kiosk already.
    expect(sent).toHaveLength(4);
    await ended;
    expect(sent.map((e) => e.type)).toEqual(['session-start', 'scene-enter', 'language', 'session-end']);
    expect(new Set(sent.map((e) => e.sessionId))).toEqual(new Set([session.id]));
  });

  it('ignores events after the end, and ends only once', async () => {
    const { kiosk, sent } = fakeKiosk();
    const session = new VisitorSession(kiosk, () => undefined);
    session.start('en');
    await session.end('idle');
    session.record({ type: 'scene-enter', sceneId: 'scam' });
    await session.end('visitor');
    expect(sent.map((e) => e.type)).toEqual(['session-start', 'session-end']);
  });

  it('reports storage failures for staff and keeps going', async () => {
    const { kiosk, sent } = fakeKiosk(true);
    const errors: string[] = [];
    const session = new VisitorSession(kiosk, (message) => errors.push(message));
    session.start('vi');
    await session.end('visitor');
    expect(sent).toHaveLength(2);
    expect(errors).toEqual(['disk full', 'disk full']);
  });

  it("keeps each station's session memory apart, across re-entries, and forgets it at the end", async () => {
    const { kiosk } = fakeKiosk();
    const session = new VisitorSession(kiosk, () => undefined);
    session.start('vi');
    session.memoryFor('scam').set('check.beforeOffered', true);
    expect(session.memoryFor('scam').get('check.beforeOffered')).toBe(true);
    expect(session.memoryFor('pledge').get('check.beforeOffered')).toBeUndefined();
    await session.end('visitor');
    expect(session.memoryFor('scam').get('check.beforeOffered')).toBeUndefined();
    session.memoryFor('scam').set('late', 1);
    expect(session.memoryFor('scam').get('late')).toBeUndefined();
  });
});
