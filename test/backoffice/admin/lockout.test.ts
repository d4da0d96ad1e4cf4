import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_MAX_ATTEMPTS } from '../../../electron/bridge/admin-contract.js';
import {
  FIRST_LOCK_MS,
  LOCKOUT_FILE,
  MAX_LOCK_MS,
  lockDelayMs,
} from '../../../electron/backoffice/admin/lockout.js';
import { closeAll, openKiosk, setUp } from './support.js';

afterEach(closeAll);

function failTimes(kiosk: ReturnType<typeof openKiosk>, times: number): void {
  for (let i = 0; i < times; i++) kiosk.backOffice.admin.unlock('0000');
}

describe('PIN lock-out', () => {
  it('grows: nothing before 5 failures, then 30 s doubling, capped at 15 min', () => {
    expect(ADMIN_MAX_ATTEMPTS).toBe(5);
    expect(lockDelayMs(4)).toBe(0);
    expect(lockDelayMs(5)).toBe(FIRST_LOCK_MS);
    expect(lockDelayMs(6)).toBe(2 * FIRST_LOCK_MS);
    expect(lockDelayMs(7)).toBe(4 * FIRST_LOCK_MS);
    expect(lockDelayMs(50)).toBe(MAX_LOCK_MS);
  });

  it('counts attempts down and locks the pad on the fifth wrong PIN', () => {
    const kiosk = openKiosk();
    setUp(kiosk);
    const admin = kiosk.backOffice.admin;
    for (let left = 4; left >= 1; left--) {
      expect(admin.unlock('0000')).toEqual({ unlocked: false, lockedUntil: null, attemptsLeft: left });
    }
    const locked = admin.unlock('0000');
    const until = new Date(kiosk.clock.now().getTime() + FIRST_LOCK_MS).toISOString();
    expect(locked).toEqual({ unlocked: false, lockedUntil: until, attemptsLeft: 0 });
    expect(admin.state()).toEqual({ pinSet: true, lockedUntil: until, attemptsLeft: 0 });
  });

  it('does not even check the PIN while locked, then allows one try whose failure doubles the delay', () => {
    const kiosk = openKiosk();
    setUp(kiosk);
    failTimes(kiosk, 5);
    const admin = kiosk.backOffice.admin;
    expect(admin.unlock('2468').unlocked).toBe(false); // right PIN, but locked
    kiosk.clock.advance(FIRST_LOCK_MS + 1);
    expect(admin.state().attemptsLeft).toBe(1);
    const again = admin.unlock('0000');
    expect(again.unlocked).toBe(false);
    if (again.unlocked) return;
    expect(Date.parse(again.lockedUntil ?? '') - kiosk.clock.now().getTime()).toBe(2 * FIRST_LOCK_MS);
  });

  it('survives a restart (the failure count and lock are on disk)', () => {
    const kiosk = openKiosk();
    setUp(kiosk);
    failTimes(kiosk, 5);
    const lockedUntil = kiosk.backOffice.admin.state().lockedUntil;
    expect(lockedUntil).not.toBeNull();
    const reopened = kiosk.reopen();
    expect(reopened.admin.state()).toEqual({ pinSet: true, lockedUntil, attemptsLeft: 0 });
    expect(reopened.admin.unlock('2468').unlocked).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(kiosk.dir, LOCKOUT_FILE), 'utf8'))).toEqual({
      failures: 5,
      lockedUntil,
    });
    // After the delay and a restart, the next failure still counts from 5 (60 s, not 30 s).
    kiosk.clock.advance(FIRST_LOCK_MS + 1);
    const next = kiosk.reopen().admin.unlock('1111');
    expect(next.unlocked).toBe(false);
    if (next.unlocked) return;
    expect(Date.parse(next.lockedUntil ?? '') - kiosk.clock.now().getTime()).toBe(2 * FIRST_LOCK_MS);
  });

  it('is reset by the right PIN', () => {
    const kiosk = openKiosk();
    setUp(kiosk);
    failTimes(kiosk, 4);
    expect(kiosk.backOffice.admin.unlock('2468').unlocked).toBe(true);
    expect(kiosk.backOffice.admin.state().attemptsLeft).toBe(5);
    expect(kiosk.reopen().admin.state().attemptsLeft).toBe(5);
  });

  it('reads a damaged lock file as locked (corrupting it cannot reset the counter)', () => {
    const kiosk = openKiosk();
    setUp(kiosk);
    kiosk.backOffice.close();
    fs.writeFileSync(path.join(kiosk.dir, LOCKOUT_FILE), '{"failures": "many"');
    const reopened = kiosk.reopen();
    expect(reopened.admin.state().attemptsLeft).toBe(0);
    expect(reopened.admin.unlock('2468').unlocked).toBe(false);
    expect(kiosk.logger.at('warn').join('\n')).toContain(LOCKOUT_FILE);
  });
});
