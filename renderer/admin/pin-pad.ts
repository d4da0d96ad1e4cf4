/**
 * The PIN pad overlay: big digit keys, masked dots, and the three ways it can answer (wrong
 * with attempts left, locked until a time with a countdown, or unlocked). What happens to a
 * complete PIN is decided by the caller's `submit`. The PIN is never logged, stored or put in
 * the DOM: only the count of digits is shown. Runs in the renderer.
 */
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { formatClock, formatRemaining } from './format.js';
import type { UnlockRefusal } from '../../electron/bridge/admin-contract.js';
import { PIN_MIN, PinEntry, type PinPurpose } from './pin-entry.js';

/** Why no PIN can be checked now: the PIN must be (re-)provisioned, or the lock-out cannot be saved. */
export type PadRefusal = UnlockRefusal;

/** What the back office said about a submitted PIN. */
export type PadOutcome =
  | { kind: 'ok' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; until: string }
  | { kind: 'refused'; reason: PadRefusal }
  | { kind: 'error'; message: string };

export interface PadOptions {
  purpose: PinPurpose;
  /** Shown above the prompt on first run ("set the staff PIN"). */
  firstRun?: boolean;
  /** Open straight into the locked state (the lock survives restarts). */
  lockedUntil?: string | null;
  /** Open saying why no PIN can be checked; the keys are off until the PIN is provisioned. */
  refused?: PadRefusal | null;
  /** Open showing an error instead of the keys (the back office is unreachable). */
  error?: string;
}

/** Where each refusal is worded (the lock-out one is also a corner notice). */
const REFUSAL_KEYS: Readonly<Record<PadRefusal, string>> = {
  reprovision: 'admin:pad.reprovision',
  unprovisioned: 'admin:pad.unprovisioned',
  'lockout-unsaved': 'staff.notices.lockout-unsaved',
};

export interface PinPad {
  element: HTMLElement;
  open(options: PadOptions): void;
  close(): void;
  /** Re-renders the texts built on the fly (after a language switch). */
  refresh(): void;
  readonly isOpen: boolean;
}

type Message = { key: string; vars?: Record<string, string | number>; tone: 'info' | 'error' };

export function createPinPad(
  loc: Localized,
  handlers: {
    submit: (pin: string, purpose: PinPurpose) => Promise<PadOutcome>;
    cancel: () => void;
    now?: () => number;
  },
): PinPad {
  const now = handlers.now ?? (() => Date.now());
  let entry = new PinEntry('unlock');
  let options: PadOptions = { purpose: 'unlock' };
  let message: Message | null = null;
  let lockedUntil: number | null = null;
  let refused: PadRefusal | null = null;
  let busy = false;
  let countdown = 0;

  const title = loc.text(h('h2', { id: 'admin-pad-title', class: 'overlay__title' }), 'admin:pad.title');
  const firstRun = loc.text(h('p', { class: 'admin-pad__first', hidden: true }), 'admin:pad.firstRun');
  const prompt = h('p', { class: 'admin-pad__prompt', id: 'admin-pad-prompt' });
  const dots = h('div', { class: 'admin-pad__dots', role: 'img' });
  const note = h('p', { class: 'admin-pad__note', role: 'alert' });
  const keys = h('div', { class: 'admin-pad__keys' });
  const digitButtons: HTMLButtonElement[] = [];
  for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) keys.append(digitKey(digit));
  const del = loc.text(
    h('button', { class: 'pill admin-pad__key admin-pad__key--aux', type: 'button', 'data-key': 'delete' }),
    'admin:pad.delete',
  );
  keys.append(del, digitKey('0'));
  const submit = h('button', {
    class: 'pill pill--primary admin-pad__key admin-pad__key--submit',
    type: 'button',
    'data-key': 'submit',
  });
  keys.append(submit);
  const cancel = loc.text(
    h('button', { class: 'pill pill--ghost admin-pad__cancel', type: 'button' }),
    'admin:pad.cancel',
  );
  const card = h(
    'div',
    { class: 'overlay__card admin-pad' },
    title,
    firstRun,
    prompt,
    dots,
    note,
    keys,
    cancel,
  );
  const element = h(
    'div',
    {
      class: 'overlay admin-overlay admin-overlay--pad',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'admin-pad-title',
      'aria-describedby': 'admin-pad-prompt',
      'data-testid': 'admin-pad',
      hidden: true,
    },
    card,
  );

  function digitKey(digit: string): HTMLButtonElement {
    const button = h('button', { class: 'pill admin-pad__key', type: 'button', 'data-key': digit }, digit);
    button.addEventListener('click', () => {
      press(digit);
    });
    digitButtons.push(button);
    return button;
  }

  function isLocked(): boolean {
    return (lockedUntil !== null && lockedUntil > now()) || keysOff();
  }

  /** Without a provisioned PIN there is nothing to type. */
  function keysOff(): boolean {
    return refused === 'reprovision' || refused === 'unprovisioned';
  }

  function press(digit: string): void {
    if (busy || isLocked()) return;
    entry.press(digit);
    message = null;
    render();
  }

  function backspace(): void {
    if (busy || isLocked()) return;
    entry.backspace();
    render();
  }

  function shake(): void {
    // Restart the animation even when two wrong PINs come in a row.
    card.classList.remove('is-shaking');
    requestAnimationFrame(() => {
      card.classList.add('is-shaking');
    });
  }

  async function send(): Promise<void> {
    if (busy || isLocked()) return;
    const result = entry.submit();
    if (result.kind === 'too-short') {
      message = { key: 'admin:pad.tooShort', tone: 'error' };
      shake();
    } else if (result.kind === 'mismatch') {
      message = { key: 'admin:pad.mismatch', tone: 'error' };
      shake();
    } else if (result.kind === 'confirm-next') {
      message = null;
    } else {
      busy = true;
      refused = null; // the back office says again below if it still refuses
      message = { key: 'admin:pad.checking', tone: 'info' };
      render();
      let outcome: PadOutcome;
      try {
        outcome = await handlers.submit(result.pin, options.purpose);
      } finally {
        busy = false;
      }
      entry.reset();
      if (outcome.kind === 'ok') {
        message = null;
      } else if (outcome.kind === 'wrong') {
        message = { key: 'admin:pad.wrong', vars: { count: outcome.attemptsLeft }, tone: 'error' };
        shake();
      } else if (outcome.kind === 'locked') {
        lock(outcome.until);
        shake();
      } else if (outcome.kind === 'refused') {
        refused = outcome.reason;
        message = null;
      } else {
        message = { key: 'admin:pad.unavailable', vars: { message: outcome.message }, tone: 'error' };
      }
    }
    render();
  }

  function lock(until: string): void {
    const at = Date.parse(until);
    lockedUntil = Number.isNaN(at) ? null : at;
    message = null;
    window.clearInterval(countdown);
    if (lockedUntil === null) return;
    countdown = window.setInterval(() => {
      if (!isLocked()) {
        window.clearInterval(countdown);
        lockedUntil = null;
      }
      render();
    }, 1000);
  }

  function render(): void {
    const locked = isLocked();
    firstRun.hidden = options.firstRun !== true;
    // Nothing to type until the PIN is provisioned: the note says what to do instead.
    prompt.hidden = keysOff();
    dots.hidden = keysOff();
    const step = entry.step;
    prompt.textContent = loc.t(step === 'enter' ? 'admin:pad.enter' : `admin:pad.${step}`);
    submit.textContent = loc.t(
      step === 'enter' ? 'admin:pad.unlock' : step === 'choose' ? 'admin:pad.next' : 'admin:pad.save',
    );
    const shown = Math.max(PIN_MIN, entry.length);
    dots.replaceChildren(
      ...Array.from({ length: shown }, (_, index) =>
        h('span', { class: index < entry.length ? 'admin-pad__dot is-filled' : 'admin-pad__dot' }),
      ),
    );
    dots.setAttribute('aria-label', loc.t('admin:pad.dots', { count: entry.length }));
    if (refused !== null) {
      note.textContent = loc.t(REFUSAL_KEYS[refused]);
      note.dataset.tone = 'error';
    } else if (locked && lockedUntil !== null) {
      const until = new Date(lockedUntil);
      note.textContent = `${loc.t('admin:pad.locked', { time: formatClock(until) })} · ${loc.t(
        'admin:pad.lockedLeft',
        { left: formatRemaining(lockedUntil, now()) },
      )}`;
      note.dataset.tone = 'error';
    } else if (options.error !== undefined) {
      note.textContent = loc.t('admin:pad.unavailable', { message: options.error });
      note.dataset.tone = 'error';
    } else {
      note.textContent = message ? loc.t(message.key, message.vars ?? {}) : '';
      note.dataset.tone = message?.tone ?? 'info';
    }
    const disabled = locked || busy || options.error !== undefined;
    for (const button of [...digitButtons, del, submit]) button.disabled = disabled;
    card.classList.toggle('is-locked', locked);
    card.dataset.refused = refused ?? '';
  }

  del.addEventListener('click', backspace);
  submit.addEventListener('click', () => void send());
  cancel.addEventListener('click', () => {
    handlers.cancel();
  });
  card.addEventListener('animationend', () => {
    card.classList.remove('is-shaking');
  });
  // A hardware keyboard works too (maintenance laptops): digits, Backspace, Enter, Escape.
  const onKey = (event: KeyboardEvent): void => {
    if (element.hidden || event.ctrlKey || event.altKey || event.metaKey) return;
    if (/^\d$/.test(event.key)) press(event.key);
    else if (event.key === 'Backspace') backspace();
    else if (event.key === 'Enter') void send();
    else if (event.key === 'Escape') handlers.cancel();
    else return;
    event.preventDefault();
  };

  return {
    element,
    open(next) {
      options = next;
      entry = new PinEntry(next.purpose);
      message = null;
      lockedUntil = null;
      refused = next.refused ?? null;
      window.clearInterval(countdown);
      if (next.lockedUntil) lock(next.lockedUntil);
      element.hidden = false;
      document.addEventListener('keydown', onKey);
      render();
    },
    close() {
      element.hidden = true;
      entry.reset();
      message = null;
      window.clearInterval(countdown);
      document.removeEventListener('keydown', onKey);
    },
    refresh() {
      if (!element.hidden) render();
    },
    get isOpen() {
      return !element.hidden;
    },
  };
}
