import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HealthSchema, KioskConfigSchema, type VisitorEvent } from '../../electron/bridge/contract.js';
import { BridgeFailure } from '../../electron/bridge/dispatch.js';
import { openBackOffice } from '../../electron/backoffice/index.js';
import { memoryLogger, readLines, sessionEvents, sid, tempDir } from './helpers.js';

describe('openBackOffice', () => {
  it('stamps records with id, time and kiosk id, and stores them before acknowledging', () => {
    const dir = tempDir();
    const now = new Date('2025-11-22T03:04:05.678Z');
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '1.0.0',
      host: 'browser',
      logger: memoryLogger(),
      now: () => now,
    });
    const event: VisitorEvent = { type: 'scene-enter', sessionId: sid('visitor-0001'), sceneId: 'scam' };
    const ack = backOffice.record(event);
    expect(ack.at).toBe(now.toISOString());
    // Read by another handle before anything else happens: the line is already there.
    expect(readLines(path.join(dir, 'journal.jsonl'))).toEqual([
      { id: ack.id, at: ack.at, kioskId: backOffice.settings().kioskId, ...event },
    ]);
    backOffice.close();
  });

  it('gives every record a unique id', () => {
    const backOffice = openBackOffice({
      dataDir: tempDir(),
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
    });
    const ids = new Set<string>();
    for (let i = 0; i < 500; i++) {
      ids.add(
        backOffice.record({
          type: 'pledge',
          sessionId: sid('visitor-0001'),
          sceneId: 'pledge',
          pledgeId: 'p1',
        }).id,
      );
    }
    expect(ids.size).toBe(500);
    backOffice.close();
  });

  it('refuses an invalid event even when called directly (not through dispatch)', () => {
    const dir = tempDir();
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
    });
    const bad = {
      type: 'pledge',
      sessionId: sid('visitor-0001'),
      sceneId: 'pledge',
      pledgeId: 'has spaces',
    } as VisitorEvent;
    expect(() => backOffice.record(bad)).toThrow(BridgeFailure);
    expect(() => backOffice.record(bad)).toThrow(/pledgeId/);
    expect(backOffice.health().journalRecords).toBe(0);
    backOffice.close();
  });

  it('rebuilds tallies from the journal after a restart', () => {
    const dir = tempDir();
    const first = openBackOffice({ dataDir: dir, version: '1', host: 'browser', logger: memoryLogger() });
    for (const event of [...sessionEvents('visitor-0001'), ...sessionEvents('visitor-0002', 'kidnap')]) {
      first.record(event);
    }
    const before = first.tallies();
    first.close();
    const second = openBackOffice({ dataDir: dir, version: '1', host: 'browser', logger: memoryLogger() });
    const after = second.tallies();
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
    expect(after.totals).toEqual({ sessions: 2, completions: 2, pledges: 2 });
    expect(second.health().journalRecords).toBe(12);
    second.close();
  });

  it('reports config and health per the contract', () => {
    const dir = tempDir();
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '3.2.1',
      host: 'electron',
      logger: memoryLogger(),
    });
    backOffice.record({ type: 'session-start', sessionId: sid('visitor-0001'), language: 'vi' });
    expect(KioskConfigSchema.parse(backOffice.config())).toEqual({
      kioskId: backOffice.settings().kioskId,
      version: '3.2.1',
      language: 'vi',
      idleSeconds: 60,
      host: 'electron',
      campaignUrl: '',
    });
    const health = HealthSchema.parse(backOffice.health());
    expect(health).toMatchObject({ version: '3.2.1', dataDir: dir, journalRecords: 1, lastError: null });
    expect(health.journalBytes).toBe(fs.statSync(path.join(dir, 'journal.jsonl')).size);
    backOffice.close();
  });

  it('logs renderer lines with a prefix, flattened to one line', () => {
    const logger = memoryLogger();
    const backOffice = openBackOffice({ dataDir: tempDir(), version: '1', host: 'browser', logger });
    backOffice.log({ level: 'error', message: 'boom\n2025-01-01 [info] forged line' });
    // Unicode line and paragraph separators, NEL and bidi overrides forge lines too.
    backOffice.log({ level: 'error', message: 'a\u2028b\u2029c\u0085d\u202Ee\u2066f' });
    expect(logger.at('error')).toEqual([
      '[renderer] boom 2025-01-01 [info] forged line',
      '[renderer] a b c d e f',
    ]);
    backOffice.close();
  });

  it('keeps U+2028 and U+2029 out of kiosk.log', () => {
    const dir = tempDir();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const backOffice = openBackOffice({ dataDir: dir, version: '1', host: 'browser' });
      backOffice.log({ level: 'warn', message: 'x\u2028 2025-01-01T00:00:00.000Z [error] forged' });
      backOffice.close();
      const log = fs.readFileSync(path.join(dir, 'logs', 'kiosk.log'), 'utf8');
      expect(log).not.toMatch(/[\u2028\u2029]/);
      expect(log.split('\n').filter((line) => line.includes('forged'))).toHaveLength(1);
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  });

  it('rate-limits the renderer log: a burst of 20, then about one line a second', () => {
    const logger = memoryLogger();
    let now = Date.parse('2025-11-22T02:00:00Z');
    const backOffice = openBackOffice({
      dataDir: tempDir(),
      version: '1',
      host: 'browser',
      logger,
      now: () => new Date(now),
    });
    for (let i = 0; i < 1000; i++) backOffice.log({ level: 'error', message: `flood ${i}` });
    expect(logger.at('error')).toHaveLength(20);
    now += 5_000;
    for (let i = 0; i < 1000; i++) backOffice.log({ level: 'error', message: `flood again ${i}` });
    expect(logger.at('error')).toHaveLength(25);
    expect(logger.at('warn')).toContain('[renderer] 980 lines dropped (more than the log rate limit).');
    backOffice.close();
  });

  it('writes to <dataDir>/logs/kiosk.log by default', () => {
    const dir = tempDir();
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const backOffice = openBackOffice({ dataDir: dir, version: '1', host: 'browser' });
      backOffice.log({ level: 'warn', message: 'audio device missing' });
      backOffice.close();
      const log = fs.readFileSync(path.join(dir, 'logs', 'kiosk.log'), 'utf8');
      expect(log).toMatch(/^\S+Z \[info\] Back office open/m);
      expect(log).toMatch(/^\S+Z \[warn\] \[renderer\] audio device missing$/m);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('[renderer] audio device missing'));
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });

  it('closes idempotently and refuses records afterwards', () => {
    const backOffice = openBackOffice({
      dataDir: tempDir(),
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
    });
    backOffice.close();
    backOffice.close();
    expect(() =>
      backOffice.record({ type: 'session-start', sessionId: sid('visitor-0001'), language: 'vi' }),
    ).toThrow(/closed/);
  });
});
