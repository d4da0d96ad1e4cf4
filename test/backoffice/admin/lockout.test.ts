import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_MAX_ATTEMPTS } from '../../../electron/bridge/admin-contract.js';
import {
  FIRST_LOCK_MS,
  LOCKOUT_FILE,
  LOCKOUT_FILE_BYTES,
  MAX_LOCK_MS,
  lockDelayMs,
} from '../../../electron/backoffice/admin/lockout.js';
import { PIN, WRONG_PIN, closeAll, openKiosk, setUp, type Kiosk } from './support.js';

afterEach(() => {
  vi.restoreAllMocks();
  closeAll();
});

async function failTimes(kiosk: Kiosk, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await kiosk.backOffice.admin.unlock(WRONG_PIN);
}

function lockFile(kiosk: Kiosk): unknown {
  return JSON.parse(fs.readFileSync(path.join(kiosk.dir, LOCKOUT_FILE), 'utf8'));
}

/** Makes every write of a new file in the data folder fail like a full disk (ENOSPC). */
function fillDisk(): void {
  const openSync = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation((file, flags, mode) => {
    if (typeof flags === 'string' && flags !== 'r' && flags !== 'r+') {
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), {
        code: 'ENOSPC',
      });
    }
    return openSync(file, flags, mode);
  });
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

  it('counts attempts down and locks the pad on the fifth wrong PIN', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    const admin = kiosk.backOffice.admin;
    for (let left = 4; left >= 1; left--) {
      expect(await admin.unlock(WRONG_PIN)).toEqual({
        unlocked: false,
        lockedUntil: null,
        attemptsLeft: left,
        refused: null,
      });
    }
    const locked = await admin.unlock(WRONG_PIN);
    const until = new Date(kiosk.clock.now().getTime() + FIRST_LOCK_MS).toISOString();
    expect(locked).toEqual({ unlocked: false, lockedUntil: until, attemptsLeft: 0, refused: null });
    expect(await admin.state()).toMatchObject({ pin: 'set', lockedUntil: until, attemptsLeft: 0 });
  });

  it('does not even check the PIN while locked, then allows one try whose failure doubles the delay', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    await failTimes(kiosk, 5);
    const admin = kiosk.backOffice.admin;
    expect((await admin.unlock(PIN)).unlocked).toBe(false); // right PIN, but locked
    kiosk.clock.advance(FIRST_LOCK_MS + 1);
    expect((await admin.state()).attemptsLeft).toBe(1);
    const again = await admin.unlock(WRONG_PIN);
    expect(again.unlocked).toBe(false);
    if (again.unlocked) return;
    expect(Date.parse(again.lockedUntil ?? '') - kiosk.clock.now().getTime()).toBe(2 * FIRST_LOCK_MS);
  });

  it('survives a restart (the failure count and lock are on disk)', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    await failTimes(kiosk, 5);
    const lockedUntil = (await kiosk.backOffice.admin.state()).lockedUntil;
    expect(lockedUntil).not.toBeNull();
    const reopened = kiosk.reopen();
    expect(await reopened.admin.state()).toMatchObject({ pin: 'set', lockedUntil, attemptsLeft: 0 });
    expect((await reopened.admin.unlock(PIN)).unlocked).toBe(false);
    expect(lockFile(kiosk)).toEqual({ failures: 5, lockedUntil });
    // After the delay and a restart, the next failure still counts from 5 (60 s, not 30 s).
    kiosk.clock.advance(FIRST_LOCK_MS + 1);
    const next = await kiosk.reopen().admin.unlock('111111');
    expect(next.unlocked).toBe(false);
    if (next.unlocked) return;
    expect(Date.parse(next.lockedUntil ?? '') - kiosk.clock.now().getTime()).toBe(2 * FIRST_LOCK_MS);
  });

  it('counts an attempt on disk before the PIN is checked (a power cut mid-check gives no free try)', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    await failTimes(kiosk, 2);
    const writes: unknown[] = [];
    const writeSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
    vi.spyOn(fs, 'writeSync').mockImplementation((...args: unknown[]) => {
      writes.push(lockFileSnapshot(args[1]));
      return writeSync(...args);
    });
    expect((await kiosk.backOffice.admin.unlock(PIN)).unlocked).toBe(true);
    // First the counted attempt (3 failures), then, the PIN being right, the reset.
    const states = writes.filter((state) => state !== null);
    expect(states[0]).toEqual({ failures: 3, lockedUntil: null });
    expect(states.at(-1)).toEqual({ failures: 0, lockedUntil: null });
  });

  it('checks PINs one at a time: parallel guesses cannot slip past the lock-out', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => kiosk.backOffice.admin.unlock(WRONG_PIN)),
    );
    // Five checked, then locked: the remaining seven were refused without a check.
    expect(results.filter((result) => !result.unlocked && result.lockedUntil === null)).toHaveLength(4);
    expect(lockFile(kiosk)).toMatchObject({ failures: 5 });
  });

  it('is reset by the right PIN', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    await failTimes(kiosk, 4);
    expect((await kiosk.backOffice.admin.unlock(PIN)).unlocked).toBe(true);
    expect((await kiosk.backOffice.admin.state()).attemptsLeft).toBe(5);
    expect((await kiosk.reopen().admin.state()).attemptsLeft).toBe(5);
  });

  it('reads a damaged lock file as locked (corrupting it cannot reset the counter)', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    kiosk.backOffice.close();
    fs.writeFileSync(path.join(kiosk.dir, LOCKOUT_FILE), '{"failures": "many"');
    const reopened = kiosk.reopen();
    expect((await reopened.admin.state()).attemptsLeft).toBe(0);
    expect((await reopened.admin.unlock(PIN)).unlocked).toBe(false);
    expect(kiosk.logger.at('warn').join('\n')).toContain(LOCKOUT_FILE);
  });
});

describe('PIN lock-out on a full or read-only disk (fails closed)', () => {
  it('survives a restart on a full disk: the count is written in place', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    expect(fs.statSync(path.join(kiosk.dir, LOCKOUT_FILE)).size).toBe(LOCKOUT_FILE_BYTES);
    fillDisk();
    await failTimes(kiosk, 5);
    const { lockedUntil } = await kiosk.backOffice.admin.state();
    expect(lockedUntil).not.toBeNull();
    // Restart on the same full disk: still locked, no fresh tries.
    const reopened = kiosk.reopen();
    expect(await reopened.admin.state()).toMatchObject({ lockedUntil, attemptsLeft: 0, lockoutSaved: true });
    expect((await reopened.admin.unlock(PIN)).unlocked).toBe(false);
    expect(lockFile(kiosk)).toEqual({ failures: 5, lockedUntil });
  });

  it('checks no PIN while the count cannot be saved at all, and says so until it can', async () => {
    const kiosk = openKiosk();
    await setUp(kiosk);
    fs.rmSync(path.join(kiosk.dir, LOCKOUT_FILE)); // nothing to overwrite in place
    fillDisk();
    const admin = kiosk.backOffice.admin;
    for (let i = 0; i < 8; i++) {
      // Even the right PIN: it is not checked, so guessing gets nowhere.
      expect(await admin.unlock(i === 7 ? PIN : WRONG_PIN)).toEqual({
        unlocked: false,
        lockedUntil: null,
        attemptsLeft: 5,
        refused: 'lockout-unsaved',
      });
    }
    const state = await admin.state();
    expect(state.lockoutSaved).toBe(false);
    expect(state.notices).toContainEqual({ code: 'lockout-unsaved', params: {} });
    expect(kiosk.logger.at('error').join('\n')).toMatch(/Cannot save the PIN lock-out .*ENOSPC/);
    // Space freed: attempts count again, and the right PIN opens.
    vi.restoreAllMocks();
    expect((await admin.unlock(PIN)).unlocked).toBe(true);
    expect((await admin.state()).lockoutSaved).toBe(true);
  });
});

/** The lock-out state a write of `data` puts in the lock file, or null for other writes. */
function lockFileSnapshot(data: unknown): unknown {
  if (!(data instanceof Uint8Array) || data.length !== LOCKOUT_FILE_BYTES) return null;
  try {
    return JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return null;
  }
}
