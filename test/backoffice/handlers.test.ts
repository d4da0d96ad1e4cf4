import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  CHANNELS,
  HealthSchema,
  KioskConfigSchema,
  RecordAckSchema,
  TalliesSchema,
} from '../../electron/bridge/contract.js';
import { dispatch } from '../../electron/bridge/dispatch.js';
import { createBridgeHandlers, openBackOffice } from '../../electron/backoffice/index.js';
import { memoryLogger, readLines, sid, tempDir } from './helpers.js';

function setup() {
  const dir = tempDir();
  const logger = memoryLogger();
  const backOffice = openBackOffice({ dataDir: dir, version: '2.3.4', host: 'browser', logger });
  return { dir, logger, backOffice, handlers: createBridgeHandlers(backOffice) };
}

describe('createBridgeHandlers + dispatch', () => {
  it('has exactly one handler per contract channel', () => {
    const { handlers, backOffice } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    backOffice.close();
  });

  it('answers bad-request for an invalid record and stores nothing', async () => {
    const { handlers, backOffice, dir } = setup();
    const result = await dispatch(handlers, 'record', {
      type: 'session-start',
      sessionId: 'x',
      language: 'fr',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message).toMatch(/sessionId/);
    }
    expect(backOffice.health().journalRecords).toBe(0);
    backOffice.close();
    expect(fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')).toBe('');
  });

  it('stores a good record, acknowledges it, and counts it in tallies', async () => {
    const { handlers, backOffice, dir } = setup();
    const event = { type: 'session-start', sessionId: sid('visitor-0001'), language: 'en' };
    const result = await dispatch(handlers, 'record', event);
    expect(result.ok).toBe(true);
    const ack = RecordAckSchema.parse(result.ok ? result.value : null);

    const tallies = await dispatch(handlers, 'tallies', undefined);
    const parsed = TalliesSchema.parse(tallies.ok ? tallies.value : null);
    expect(parsed.totals.sessions).toBe(1);
    expect(parsed.records).toBe(1);
    backOffice.close();
    expect(readLines(path.join(dir, 'journal.jsonl'))).toEqual([
      { id: ack.id, at: ack.at, kioskId: parsed.kioskId, ...event },
    ]);
  });

  it('answers config, health and log with contract-valid values', async () => {
    const { handlers, backOffice, logger } = setup();
    const config = await dispatch(handlers, 'config', {});
    expect(KioskConfigSchema.parse(config.ok ? config.value : null)).toMatchObject({
      version: '2.3.4',
      host: 'browser',
    });
    const health = await dispatch(handlers, 'health', undefined);
    expect(HealthSchema.parse(health.ok ? health.value : null).lastError).toBeNull();
    const logged = await dispatch(handlers, 'log', { level: 'warn', message: 'scene failed to load' });
    expect(CHANNELS.log.response.parse(logged.ok ? logged.value : null)).toEqual({ logged: true });
    expect(logger.at('warn')).toContain('[renderer] scene failed to load');
    backOffice.close();
  });

  it.skipIf(!fs.existsSync('/dev/full'))(
    'passes storage failures through with their code and sentence',
    async () => {
      const dir = tempDir();
      fs.symlinkSync('/dev/full', path.join(dir, 'journal.jsonl'));
      const broken = openBackOffice({ dataDir: dir, version: '1', host: 'browser', logger: memoryLogger() });
      const result = await dispatch(createBridgeHandlers(broken), 'record', {
        type: 'pledge',
        sessionId: sid('visitor-0001'),
        sceneId: 'pledge',
        pledgeId: 'never-share-otp',
      });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'storage',
          message: expect.stringMatching(
            /^storage-failed \{"action":"save-visitor-data","cause":"disk-full"/,
          ) as unknown,
        },
      });
      broken.close();
    },
  );
});
