import { describe, expect, it } from 'vitest';
import { PIN_MAX, PinEntry } from '../../../renderer/admin/pin-entry.js';

function type(entry: PinEntry, digits: string): void {
  for (const digit of digits) entry.press(digit);
}

describe('PinEntry', () => {
  it('unlock: 4–8 digits, then the PIN is ready and forgotten', () => {
    const entry = new PinEntry('unlock');
    type(entry, '246');
    expect(entry.submit()).toEqual({ kind: 'too-short' });
    expect(entry.length).toBe(3); // a too-short try keeps what was typed
    entry.press('8');
    expect(entry.submit()).toEqual({ kind: 'ready', pin: '2468' });
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
    type(entry, '13579');
    expect(entry.submit()).toEqual({ kind: 'confirm-next' });
    expect(entry.step).toBe('confirm');
    type(entry, '13579');
    expect(entry.submit()).toEqual({ kind: 'ready', pin: '13579' });
  });

  it('choose: a mismatch forgets both entries and starts over', () => {
    const entry = new PinEntry('choose');
    type(entry, '1111');
    entry.submit();
    type(entry, '1112');
    expect(entry.submit()).toEqual({ kind: 'mismatch' });
    expect(entry.step).toBe('choose');
    type(entry, '2222');
    expect(entry.submit()).toEqual({ kind: 'confirm-next' });
  });

  it('reset forgets a chosen PIN too', () => {
    const entry = new PinEntry('choose');
    type(entry, '9999');
    entry.submit();
    entry.reset();
    expect(entry.step).toBe('choose');
    expect(entry.length).toBe(0);
  });
});
