/**
 * A record sent again because its answer was lost (the browser host restarted between storing
 * it and answering) is stored once: the renderer's eventId becomes the record's id, and a
 * repeat is answered with the first acknowledgement, also after the back office reopens.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VisitorEvent } from '../../electron/bridge/contract.js';
import { openBackOffice } from '../../electron/backoffice/index.js';
import { RecentAcks } from '../../electron/backoffice/recent-acks.js';
import { memoryLogger, readLines, sid, tempDir } from './helpers.js';

const VISITOR = sid('visitor-0001');

const open = (dataDir: string) =>
  openBackOffice({ dataDir, version: '1', host: 'browser', logger: memoryLogger() });

const EVENT: VisitorEvent = {
  type: 'scene-enter',
  sessionId: VISITOR,
  sceneId: 'scam',
  eventId: '0b6f2a8e-4c1d-4f6a-9b1e-3a2d5c7e9f10',
};

describe('record() with an eventId', () => {
  it('stores the event under its eventId, without the eventId field', () => {
    const dir = tempDir();
    const backOffice = open(dir);
    const ack = backOffice.record(EVENT);
    backOffice.close();
    expect(ack.id).toBe(EVENT.eventId);
    const [line] = readLines(path.join(dir, 'journal.jsonl')) as Record<string, unknown>[];
    expect(line).toMatchObject({ id: EVENT.eventId, type: 'scene-enter', sessionId: VISITOR });
    expect(line).not.toHaveProperty('eventId');
  });

  it('answers a repeat with the first acknowledgement and stores it once', () => {
    const dir = tempDir();
    const backOffice = open(dir);
    const first = backOffice.record(EVENT);
    const again = backOffice.record({ ...EVENT });
    expect(again).toEqual(first);
    expect(backOffice.tallies().scenes.scam?.enters).toBe(1);
    backOffice.close();
    expect(readLines(path.join(dir, 'journal.jsonl'))).toHaveLength(1);
  });

  it('still recognises the repeat after a restart (stored, then the answer was lost)', () => {
    const dir = tempDir();
    const before = open(dir);
    const first = before.record(EVENT);
    before.close();
    const after = open(dir);
    expect(after.record({ ...EVENT })).toEqual(first);
    expect(after.tallies().scenes.scam?.enters).toBe(1);
    after.close();
    expect(readLines(path.join(dir, 'journal.jsonl'))).toHaveLength(1);
  });

  it('stores events without an eventId every time (older renderers)', () => {
    const dir = tempDir();
    const backOffice = open(dir);
    const plain: VisitorEvent = { type: 'scene-enter', sessionId: VISITOR, sceneId: 'scam' };
    const a = backOffice.record(plain);
    const b = backOffice.record(plain);
    backOffice.close();
    expect(a.id).not.toBe(b.id);
    expect(readLines(path.join(dir, 'journal.jsonl'))).toHaveLength(2);
  });

  it('refuses an eventId that is not a UUID', () => {
    const backOffice = open(tempDir());
    expect(() => backOffice.record({ ...EVENT, eventId: 'not-a-uuid' })).toThrow(/eventId/);
    backOffice.close();
  });
});

describe('RecentAcks', () => {
  it('forgets the oldest past its capacity', () => {
    const recent = new RecentAcks(2);
    recent.remember({ id: 'a', at: '1' });
    recent.remember({ id: 'b', at: '2' });
    recent.remember({ id: 'c', at: '3' });
    expect(recent.get('a')).toBeNull();
    expect(recent.get('c')).toEqual({ id: 'c', at: '3' });
    expect(recent.size).toBe(2);
  });

  it('reads only whole lines from the end of a journal', () => {
    const dir = tempDir();
    const backOffice = open(dir);
    const acks = Array.from({ length: 30 }, (_, i) =>
      backOffice.record({ ...EVENT, eventId: `0b6f2a8e-4c1d-4f6a-9b1e-${String(i).padStart(12, '0')}` }),
    );
    backOffice.close();
    const recent = new RecentAcks();
    // A tail that starts mid-line: the cut line is skipped, the later ones are known.
    recent.loadJournalTail(path.join(dir, 'journal.jsonl'), 1000);
    expect(recent.size).toBeGreaterThan(0);
    expect(recent.size).toBeLessThan(30);
    expect(recent.get(acks[29]?.id ?? '')).toEqual(acks[29]);
    recent.loadJournalTail(path.join(dir, 'missing.jsonl'));
  });
});
