/** "Are you still there?" with a 10-second countdown ring. */
import { emoji, h } from './dom.js';
import { EMOJI } from './icons.js';
import type { Localized } from './localized.js';
import type { Overlay } from './help-overlay.js';

export interface IdleOverlay extends Overlay {
  setSecondsLeft(seconds: number): void;
}

export function createIdleOverlay(loc: Localized, onStay: () => void): IdleOverlay {
  let secondsLeft = 10;
  const count = h('span', { class: 'countdown__number', 'aria-hidden': 'true' }, '10');
  const ring = h('div', { class: 'countdown' }, count);
  const stay = loc.label(
    h('button', { class: 'pill pill--primary pill--big', type: 'button' }),
    'idle.stayLabel',
  );
  stay.append(loc.text(h('span'), 'idle.stay'));
  const body = loc.text(h('p', { class: 'overlay__lead', 'aria-live': 'polite' }), 'idle.body', () => ({
    seconds: secondsLeft,
  }));
  const element = h(
    'div',
    {
      class: 'overlay overlay--idle',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'idle-title',
      hidden: true,
    },
    h(
      'div',
      { class: 'overlay__card idle' },
      emoji(EMOJI.hourglass, 'idle__emoji'),
      loc.text(h('h2', { id: 'idle-title', class: 'overlay__title' }), 'idle.title'),
      ring,
      body,
      stay,
    ),
  );
  // A tap anywhere on the overlay answers "yes, still here".
  element.addEventListener('click', onStay);
  return {
    element,
    open() {
      element.hidden = false;
    },
    close() {
      element.hidden = true;
    },
    get isOpen() {
      return !element.hidden;
    },
    setSecondsLeft(seconds) {
      if (seconds === secondsLeft && !element.hidden) return;
      secondsLeft = seconds;
      count.textContent = String(seconds);
      ring.style.setProperty('--progress', String(seconds / 10));
      body.textContent = loc.t('idle.body', { seconds });
    },
  };
}
