import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_IDLE_MS, noticeFromMessage } from '../../../electron/bridge/admin-contract.js';
import { CHANNELS } from '../../../electron/bridge/contract.js';
import { dispatch } from '../../../electron/bridge/dispatch.js';
import { AUDIT_FILE, AuditEntrySchema } from '../../../electron/backoffice/admin/audit.js';
import { PIN_FILE } from '../../../electron/backoffice/admin/pin-store.js';
import {
  BROWSER_EXIT_MESSAGE,
  BROWSER_RESTART_MESSAGE,
} from '../../../electron/backoffice/admin/platform.js';
import { SESSION_EXPIRED_MESSAGE } from '../../../electron/backoffice/admin/sessions.js';
import { createBridgeHandlers, openBackOffice } from '../../../electron/backoffice/index.js';
import { memoryLogger, readLines, sid, tempDir } from '../helpers.js';
import { PIN, WRONG_PIN, closeAll, openKiosk, setUp, unlockToken } from './support.js';

afterEach(closeAll);

function auditActions(dir: string): string[] {
  return readLines(path.join(dir, AUDIT_FILE)).map((line) => AuditEntrySchema.parse(line).action);
}

describe('first-run PIN', () => {
  it('sets the PIN once through the pad where allowed; afterwards set-up answers forbidden', async () => {
    const kiosk = openKiosk();
    const handlers = createBridgeHandlers(kiosk.backOffice);
    expect(await kiosk.backOffice.admin.state()).toEqual({
      pin: 'choose',
      lockedUntil: null,
      attemptsLeft: 5,
      lockoutSaved: true,
      notices: [],
    });
    const first = await dispatch(handlers, 'adminSetupPin', { pin: PIN });
    expect(first.ok).toBe(true);
    expect(CHANNELS.adminSetupPin.response.safeParse(first.ok && first.value).success).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(kiosk.dir, PIN_FILE), 'utf8'))).toMatchObject({
      hash: expect.stringMatching(/^scrypt\$/) as unknown,
    });
    const second = await dispatch(handlers, 'adminSetupPin', { pin: '135790' });
    expect(second).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await kiosk.backOffice.admin.unlock(PIN)).unlocked).toBe(true);
    expect((await kiosk.backOffice.admin.unlock('135790')).unlocked).toBe(false);
  });

  it('never offers "choose a PIN" unless on-screen set-up was explicitly allowed', async () => {
    const kiosk = openKiosk({});
    expect((await kiosk.backOffice.admin.state()).pin).toBe('unprovisioned');
    const answer = await dispatch(createBridgeHandlers(kiosk.backOffice), 'adminSetupPin', { pin: PIN });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(answer.ok || noticeFromMessage(answer.error.message)).toEqual({
      code: 'pin-setup-refused',
      params: {},
    });
    expect(await kiosk.backOffice.admin.unlock(PIN)).toEqual({
      unlocked: false,
      lockedUntil: null,
      attemptsLeft: 0,
      refused: 'unprovisioned',
    });
    expect(fs.existsSync(path.join(kiosk.dir, PIN_FILE))).toBe(false);
  });

  it('refuses a PIN that is not 6–8 digits at the contract', async () => {
    const kiosk = openKiosk();
    const handlers = createBridgeHandlers(kiosk.backOffice);
    for (const pin of ['1234', '12345', '123456789', '12a456']) {
      expect(await dispatch(handlers, 'adminSetupPin', { pin })).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect((await kiosk.backOffice.admin.state()).pin).toBe('choose');
  });

  it('takes KIOSK_ADMIN_PIN when there is no PIN, stored as a hash', async () => {
    const kiosk = openKiosk({ KIOSK_ADMIN_PIN: '975310' });
    expect((await kiosk.backOffice.admin.state()).pin).toBe('set');
    for (const name of fs.readdirSync(kiosk.dir).filter((entry) => entry.endsWith('.json'))) {
      expect(fs.readFileSync(path.join(kiosk.dir, name), 'utf8')).not.toContain('975310');
    }
    expect((await kiosk.backOffice.admin.unlock('975310')).unlocked).toBe(true);
    // A later start with another value does not replace the PIN staff may have changed.
    const reopened = kiosk.reopen({ KIOSK_ADMIN_PIN: '111111' });
    expect((await reopened.admin.unlock('111111')).unlocked).toBe(false);
    expect((await reopened.admin.unlock('975310')).unlocked).toBe(true);
  });

  it('stops the launch on a bad KIOSK_ADMIN_PIN or KIOSK_ALLOW_SCREEN_SETUP, before touching the folder', () => {
    const dir = path.join(tempDir(), 'not-created');
    const open = (env: Record<string, string>) => () =>
      openBackOffice({ dataDir: dir, version: '1', host: 'browser', env, logger: memoryLogger() });
    expect(open({ KIOSK_ADMIN_PIN: '12ab56' })).toThrow(/KIOSK_ADMIN_PIN must be 6 to 8 digits/);
    expect(open({ KIOSK_ADMIN_PIN: '2468' })).toThrow(/KIOSK_ADMIN_PIN must be 6 to 8 digits/);
    expect(open({ KIOSK_ALLOW_SCREEN_SETUP: 'yes' })).toThrow(/KIOSK_ALLOW_SCREEN_SETUP must be 1/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('staff sessions', () => {
  it('expire after ADMIN_IDLE_MS without calls; each call extends them', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    const admin = kiosk.backOffice.admin;
    kiosk.clock.advance(ADMIN_IDLE_MS - 1000);
    const panel = admin.panel(token);
    expect(Date.parse(panel.expiresAt)).toBe(kiosk.clock.now().getTime() + ADMIN_IDLE_MS);
    kiosk.clock.advance(ADMIN_IDLE_MS - 1000);
    expect(() => admin.panel(token)).not.toThrow();
    kiosk.clock.advance(ADMIN_IDLE_MS);
    expect(() => admin.panel(token)).toThrow(SESSION_EXPIRED_MESSAGE);
  });

  it('refuse a wrong token and end on "lock"', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    const handlers = createBridgeHandlers(kiosk.backOffice);
    const wrong = await dispatch(handlers, 'adminPanel', { adminToken: `${token.slice(0, -1)}x` });
    expect(wrong).toEqual({ ok: false, error: { code: 'forbidden', message: SESSION_EXPIRED_MESSAGE } });
    expect((await dispatch(handlers, 'adminAction', { adminToken: token, action: 'lock' })).ok).toBe(true);
    expect(await dispatch(handlers, 'adminPanel', { adminToken: token })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('do not survive a restart', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    expect(() => kiosk.reopen().admin.panel(token)).toThrow(SESSION_EXPIRED_MESSAGE);
  });
});

describe('panel and actions', () => {
  it('answers the panel within the contract, with health and settings', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    kiosk.playSession('visitor-0001');
    const answer = await dispatch(createBridgeHandlers(kiosk.backOffice), 'adminPanel', {
      adminToken: token,
    });
    expect(answer.ok).toBe(true);
    const panel = CHANNELS.adminPanel.response.parse(answer.ok ? answer.value : null);
    expect(panel.today.totals).toEqual({ sessions: 1, completions: 1, pledges: 1 });
    expect(panel.allTime.totals).toEqual({ sessions: 1, completions: 1, pledges: 1 });
    expect(panel.dayStartedAt).toBe(kiosk.clock.now().toISOString());
    expect(panel.health).toMatchObject({
      host: 'browser',
      appVersion: '1.2.3',
      journalRecords: 6,
      notices: [],
      sync: { state: 'disabled', pendingRecords: 6, lastSuccessAt: null },
    });
    expect(panel.health.freeDiskBytes).toBeGreaterThan(0);
    expect(panel.settings).toEqual({
      kioskId: kiosk.backOffice.settings().kioskId,
      language: 'vi',
      idleSeconds: 60,
      campaignUrl: '',
      sync: { url: null, enabled: true, intervalSeconds: 300, tokenSet: false },
    });
  });

  it('end of day starts "today" from zero, keeps all-time, deletes nothing, and survives a restart', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    kiosk.playSession('visitor-0001');
    kiosk.playSession('visitor-0002');
    const journalBefore = fs.readFileSync(path.join(kiosk.dir, 'journal.jsonl'));
    kiosk.clock.advance(3_600_000);
    const token = await unlockToken(kiosk);
    const closed = await kiosk.backOffice.admin.action({ adminToken: token, action: 'end-of-day' });
    expect(noticeFromMessage(closed.message)).toEqual({ code: 'day-ended', params: { records: 12 } });
    expect(fs.readFileSync(path.join(kiosk.dir, 'journal.jsonl'))).toEqual(journalBefore);
    let panel = kiosk.backOffice.admin.panel(token);
    expect(panel.today.records).toBe(0);
    expect(panel.allTime.totals.sessions).toBe(2);
    expect(panel.dayStartedAt).toBe(kiosk.clock.now().toISOString());
    kiosk.playSession('visitor-0003');
    expect(kiosk.backOffice.admin.panel(token).today.totals.sessions).toBe(1);

    kiosk.reopen();
    panel = kiosk.backOffice.admin.panel(await unlockToken(kiosk));
    expect(panel.today.totals).toEqual({ sessions: 1, completions: 1, pledges: 1 });
    expect(panel.allTime.totals.sessions).toBe(3);
    expect(panel.dayStartedAt).toBe(
      new Date(Date.parse('2025-11-22T02:00:00.000Z') + 3_600_000).toISOString(),
    );
  });

  it('writes every staff action to the audit log with time and kiosk id, without secrets', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk, '864200');
    const admin = kiosk.backOffice.admin;
    await admin.unlock(WRONG_PIN);
    const token = await unlockToken(kiosk, '864200');
    await admin.action({ adminToken: token, action: 'end-session' });
    await admin.action({ adminToken: token, action: 'set-settings', settings: { idleSeconds: 90 } });
    await admin.action({ adminToken: token, action: 'set-pin', pin: '975310' });
    await admin.action({ adminToken: token, action: 'end-of-day' });
    await admin.action({ adminToken: token, action: 'restart' });
    expect(auditActions(kiosk.dir)).toEqual([
      'setup-pin',
      'unlock-failed',
      'unlock',
      'end-session',
      'set-settings',
      'set-pin',
      'end-of-day',
      'restart',
    ]);
    const text = fs.readFileSync(path.join(kiosk.dir, AUDIT_FILE), 'utf8');
    for (const secret of ['864200', '975310', token, 'scrypt']) expect(text).not.toContain(secret);
    const lines = readLines(path.join(kiosk.dir, AUDIT_FILE)).map((line) => AuditEntrySchema.parse(line));
    expect(lines.every((line) => line.kioskId === kiosk.backOffice.settings().kioskId)).toBe(true);
    expect(lines[4]?.details).toEqual({ idleSeconds: 90 });
    // Staff lines never reach the visitor journal or its tallies.
    expect(kiosk.backOffice.tallies().records).toBe(0);
  });

  it('audits the lock-out', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    for (let i = 0; i < 5; i++) await kiosk.backOffice.admin.unlock(WRONG_PIN);
    expect(auditActions(kiosk.dir).slice(-2)).toEqual(['unlock-failed', 'lock-out']);
  });

  it('applies a new kiosk id to new records, and validates settings', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    const handlers = createBridgeHandlers(kiosk.backOffice);
    const saved = await dispatch(handlers, 'adminAction', {
      adminToken: token,
      action: 'set-settings',
      settings: { kioskId: 'hoi-an-01', language: 'en', idleSeconds: 120 },
    });
    expect(saved.ok).toBe(true);
    expect(kiosk.backOffice.config()).toMatchObject({
      kioskId: 'hoi-an-01',
      language: 'en',
      idleSeconds: 120,
    });
    kiosk.backOffice.record({
      type: 'pledge',
      sessionId: sid('visitor-0001'),
      sceneId: 'pledge',
      pledgeId: 'p1',
    });
    expect(readLines(path.join(kiosk.dir, 'journal.jsonl'))).toMatchObject([{ kioskId: 'hoi-an-01' }]);
    const bad = await dispatch(handlers, 'adminAction', {
      adminToken: token,
      action: 'set-settings',
      settings: { idleSeconds: 3 },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(kiosk.backOffice.config().idleSeconds).toBe(120);
  });

  it('changes the PIN', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    await kiosk.backOffice.admin.action({ adminToken: token, action: 'set-pin', pin: '975310' });
    expect((await kiosk.backOffice.admin.unlock(PIN)).unlocked).toBe(false);
    expect((await kiosk.backOffice.admin.unlock('975310')).unlocked).toBe(true);
    expect((await kiosk.reopen().admin.unlock('975310')).unlocked).toBe(true);
  });

  it('in the browser host, restart tells the page to reload and exit-to-desktop is refused clearly', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    const handlers = createBridgeHandlers(kiosk.backOffice);
    const restart = await dispatch(handlers, 'adminAction', { adminToken: token, action: 'restart' });
    expect(restart).toMatchObject({
      ok: true,
      value: { done: true, message: BROWSER_RESTART_MESSAGE },
    });
    const exit = await dispatch(handlers, 'adminAction', { adminToken: token, action: 'exit-to-desktop' });
    expect(exit).toEqual({ ok: false, error: { code: 'bad-request', message: BROWSER_EXIT_MESSAGE } });
  });
});
