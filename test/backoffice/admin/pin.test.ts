import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPin, isPinHash, verifyPin } from '../../../electron/backoffice/admin/pin.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('staff PIN hashing', () => {
  it('stores a salted scrypt hash in the documented format, never the PIN', () => {
    const stored = hashPin('2468');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('2468');
    expect(isPinHash(stored)).toBe(true);
  });

  it('accepts the right PIN and refuses wrong ones', () => {
    const stored = hashPin('246810');
    expect(verifyPin('246810', stored)).toBe(true);
    expect(verifyPin('246811', stored)).toBe(false);
    expect(verifyPin('24681', stored)).toBe(false);
    expect(verifyPin('', stored)).toBe(false);
  });

  it('uses a new salt every time, so equal PINs give different hashes', () => {
    const a = hashPin('1111');
    const b = hashPin('1111');
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(verifyPin('1111', a)).toBe(true);
    expect(verifyPin('1111', b)).toBe(true);
  });

  it('compares with crypto.timingSafeEqual', () => {
    const stored = hashPin('1357');
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    verifyPin('0000', stored);
    verifyPin('1357', stored);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('never matches a malformed or out-of-bounds stored hash', () => {
    for (const bad of [
      '',
      'plain-1234',
      'scrypt$16384$8$1$c2FsdA==',
      'bcrypt$1$2$3$4$5',
      'scrypt$3$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==',
    ]) {
      expect(isPinHash(bad)).toBe(false);
      expect(verifyPin('1234', bad)).toBe(false);
    }
  });
});
