/**
 * "Anonymous" is enforced where records are stored: the back office accepts only the
 * session ids and content ids the kiosk itself produces, never a name or a phone number.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContentIdSchema, SessionIdSchema } from '../../electron/bridge/contract.js';
import { openBackOffice } from '../../electron/backoffice/index.js';
import { memoryLogger, tempDir } from '../backoffice/helpers.js';

describe('session ids', () => {
  it('are what the renderer makes: crypto.randomUUID()', () => {
    for (let i = 0; i < 50; i++) expect(SessionIdSchema.safeParse(crypto.randomUUID()).success).toBe(true);
  });

  it.each([
    'nguyen-van-an-2009',
    'Nguyen Van An',
    '0912345678',
    'lop-7a-truong-le-loi',
    'visitor-0001',
    crypto.randomUUID().toUpperCase(),
    '6ba7b810-9dad-11d1-80b4-00c04fd430c8', // a v1 UUID: carries a time and a machine address
    `${crypto.randomUUID()}x`,
  ])('refuses %s', (id) => {
    expect(SessionIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('content ids', () => {
  it.each(['otp-bank', 'n-1', 'hang-up', 'rf-emergency-story', 'never-share-otp', 'a'])('accept %s', (id) => {
    expect(ContentIdSchema.safeParse(id).success).toBe(true);
  });

  it.each([
    'Nguyen Van A',
    'nguyễn',
    'Otp-Bank',
    'a.b',
    'a_b',
    '-a',
    'a-',
    'a--b',
    '',
    'x'.repeat(49),
    '0912 345 678',
  ])('refuse %j', (id) => {
    expect(ContentIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('the back office', () => {
  it('refuses a record with a name for a session id or a pledge, and stores nothing', () => {
    const backOffice = openBackOffice({
      dataDir: tempDir(),
      version: '1',
      host: 'browser',
      logger: memoryLogger(),
    });
    expect(() =>
      backOffice.record({ type: 'session-start', sessionId: 'nguyen-van-an-2009', language: 'vi' }),
    ).toThrow(/sessionId/);
    expect(() =>
      backOffice.record({
        type: 'pledge',
        sessionId: crypto.randomUUID(),
        sceneId: 'pledge',
        pledgeId: 'Em hứa với mẹ Lan',
      }),
    ).toThrow(/pledgeId/);
    expect(backOffice.health().journalRecords).toBe(0);
    backOffice.close();
  });
});
