/**
 * A small corner notice for staff when the back office reports a problem (for example a
 * full disk). The visitor flow carries on underneath it.
 */
import { emoji, h } from './dom.js';
import { EMOJI } from './icons.js';
import type { Localized } from './localized.js';

export interface StaffNotice {
  element: HTMLElement;
  show(message: string | null): void;
}

export function createStaffNotice(loc: Localized): StaffNotice {
  let current: string | null = null;
  const text = loc.text(h('span'), 'staff.notice', () => ({ message: current ?? '' }));
  const element = h(
    'div',
    { class: 'staff-notice', role: 'status', 'data-testid': 'staff-notice', hidden: true },
    emoji(EMOJI.warning),
    text,
  );
  return {
    element,
    show(message) {
      current = message;
      element.hidden = message === null;
      text.textContent = loc.t('staff.notice', { message: message ?? '' });
    },
  };
}
