/**
 * What the PIN pad holds and which step it is on, as a pure state machine (unit-tested):
 * entering a PIN to unlock, or choosing a new one (first run, or "change PIN") and typing it
 * again to confirm. The digits live only here, in memory, and are cleared after every use;
 * they are never logged or recorded.
 */
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from '../../electron/bridge/admin-contract.js';

export const PIN_MIN = PIN_MIN_DIGITS;
export const PIN_MAX = PIN_MAX_DIGITS;

export type PinPurpose = 'unlock' | 'choose';
export type PinStep = 'enter' | 'choose' | 'confirm';

/** The outcome of pressing the submit key. */
export type PinSubmit =
  { kind: 'too-short' } | { kind: 'confirm-next' } | { kind: 'mismatch' } | { kind: 'ready'; pin: string };

export class PinEntry {
  private digits = '';
  private chosen: string | null = null;

  constructor(private readonly purpose: PinPurpose) {}

  /** Which prompt to show. */
  get step(): PinStep {
    if (this.purpose === 'unlock') return 'enter';
    return this.chosen === null ? 'choose' : 'confirm';
  }

  /** How many digits are typed (the pad shows this many dots, never the digits). */
  get length(): number {
    return this.digits.length;
  }

  /** Adds a digit; ignored past the maximum length or for anything but 0–9. */
  press(digit: string): void {
    if (!/^\d$/.test(digit) || this.digits.length >= PIN_MAX) return;
    this.digits += digit;
  }

  /** Removes the last digit. */
  backspace(): void {
    this.digits = this.digits.slice(0, -1);
  }

  /** Forgets everything typed, including a chosen-but-unconfirmed PIN. */
  reset(): void {
    this.digits = '';
    this.chosen = null;
  }

  /**
   * Submits what is typed. Unlock: the PIN is ready. Choose: the first entry moves on to
   * "confirm"; the second must match it, or both are forgotten and choosing starts again.
   */
  submit(): PinSubmit {
    if (this.digits.length < PIN_MIN) return { kind: 'too-short' };
    const typed = this.digits;
    this.digits = '';
    if (this.purpose === 'unlock') return { kind: 'ready', pin: typed };
    if (this.chosen === null) {
      this.chosen = typed;
      return { kind: 'confirm-next' };
    }
    const chosen = this.chosen;
    this.chosen = null;
    return chosen === typed ? { kind: 'ready', pin: typed } : { kind: 'mismatch' };
  }
}
