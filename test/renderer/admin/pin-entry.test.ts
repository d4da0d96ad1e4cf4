import { describe, expect, it } from 'vitest';
import { PIN_MAX, PIN_MIN, PinEntry } from '../../../renderer/admin/pin-entry.js';

function type(entry: PinEntry, digits: string): void {
  for (const digit of digits) entry.press(digit);
}

describe('PinEntry', () => {
  it('unlock: 6–8 digits, then the PIN is ready and forgotten', () => {
    expect(PIN_MIN).toBe(6);
    const entry = new PinEntry('unlock');
    type(entry, '24681');
    expect(entry.submit()).toEqual({ kind: 'too-short' });
    expect(entry.length).toBe(5); // a too-short try keeps what was typed
    entry.press('0');
    expect(entry.submit()).toEqual({ kind: 'ready', pin: '246810' });
    expect(entry.length).toBe(0);
  });

  it('ignores non-digits and digits past the maximum; backspace removes one', () => {
    const entry = new PinEntry('unlock');
    type(entry, '12a3456789x');
    expect(entry.length).toBe(PIN_MAX);
    entry.backspace();
    entry.press('0');
    expect(entry.submit()).toEqual({ kind: 'ready', pin: '12345670' });
  });

  it('choose: asks to confirm, and only a matching second entry is ready', () => {
    const entry = new PinEntry('choose');
    expect(entry.step).toBe('choose');
    type(entry, '135790');
    expect(entry.submit()).toEqual({ kind: 'confirm-next' });
    expect(entry.step).toBe('confirm');
    type(entry, '135790');
    expect(entry.submit()).toEqual({ kind: 'ready', pin: '135790' });
  });

  it('choose: a mismatch forgets both entries and starts over', () => {
    const entry = new PinEntry('choose');
    type(entry, '111111');
    entry.submit();
    type(entry, '111112');
    expect(entry.submit()).toEqual({ kind: 'mismatch' });
    expect(entry.step).toBe('choose');
    type(entry, '222222');
    expect(entry.submit()).toEqual({ kind: 'confirm-next' });
  });

  it('reset forgets a chosen PIN too', () => {
    const entry = new PinEntry('choose');
    type(entry, '999999');
    entry.submit();
    entry.reset();
    expect(entry.step).toBe('choose');
    expect(entry.length).toBe(0);
  });
});
