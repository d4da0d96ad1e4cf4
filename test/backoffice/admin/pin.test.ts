import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPin, isPinHash, verifyPin } from '../../../electron/backoffice/admin/pin.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('staff PIN hashing', () => {
  it('stores a salted scrypt hash in the documented format (N 2^15, r 6), never the PIN', async () => {
    const stored = await hashPin('246810');
    expect(stored).toMatch(/^scrypt\$32768\$6\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('246810');
    expect(isPinHash(stored)).toBe(true);
  });

  it('accepts the right PIN and refuses wrong ones', async () => {
    const stored = await hashPin('24681012');
    expect(await verifyPin('24681012', stored)).toBe(true);
    expect(await verifyPin('24681013', stored)).toBe(false);
    expect(await verifyPin('2468101', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('still checks hashes stored with the old cost (2^14, r 8)', async () => {
    const salt = crypto.randomBytes(16);
    const hash = crypto.scryptSync('135790', salt, 32, { N: 16_384, r: 8, p: 1 });
    const stored = ['scrypt', 16_384, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
    expect(await verifyPin('135790', stored)).toBe(true);
    expect(await verifyPin('135791', stored)).toBe(false);
  });

  it('uses a new salt every time, so equal PINs give different hashes', async () => {
    const [a, b] = await Promise.all([hashPin('111111'), hashPin('111111')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPin('111111', a)).toBe(true);
    expect(await verifyPin('111111', b)).toBe(true);
  });

  it('compares with crypto.timingSafeEqual', async () => {
    const stored = await hashPin('135790');
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    await verifyPin('000000', stored);
    await verifyPin('135790', stored);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('runs scrypt off the event loop: timers keep firing while a PIN is checked', async () => {
    const stored = await hashPin('246810');
    const syncSpy = vi.spyOn(crypto, 'scryptSync');
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await Promise.all([verifyPin('246810', stored), verifyPin('000000', stored)]);
    clearInterval(timer);
    expect(syncSpy).not.toHaveBeenCalled();
    expect(ticks).toBeGreaterThan(0);
  });

  it('never matches a malformed or out-of-bounds stored hash', async () => {
    for (const bad of [
      '',
      'plain-1234',
      'scrypt$16384$8$1$c2FsdA==',
      'bcrypt$1$2$3$4$5',
      'scrypt$3$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==',
      'scrypt$1048576$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==',
    ]) {
      expect(isPinHash(bad)).toBe(false);
      expect(await verifyPin('123456', bad)).toBe(false);
    }
  });
});
