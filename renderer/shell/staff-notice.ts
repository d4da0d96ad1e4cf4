/**
 * A small corner notice for staff when the back office reports a problem (for example a
 * full disk, or damaged journal lines). The visitor flow carries on underneath it.
 */
import type { StaffNotice as Notice } from '../../electron/bridge/admin-contract.js';
import { emoji, h } from './dom.js';
import { EMOJI } from './icons.js';
import type { Localized } from './localized.js';
import { noticeText } from './notices.js';

export interface StaffNotice {
  element: HTMLElement;
  /** Shows the last error (a sentence) and the notices (codes), or hides when there are none. */
  show(message: string | null, notices?: readonly Notice[]): void;
}

export function createStaffNotice(loc: Localized): StaffNotice {
  let current: string | null = null;
  let codes: readonly Notice[] = [];
  const message = (): string =>
    [...(current === null ? [] : [current]), ...codes.map((notice) => noticeText(loc, notice))].join(' · ');
  const text = loc.text(h('span'), 'staff.notice', () => ({ message: message() }));
  const element = h(
    'div',
    { class: 'staff-notice', role: 'status', 'data-testid': 'staff-notice', hidden: true },
    emoji(EMOJI.warning),
    text,
  );
  return {
    element,
    show(next, notices = []) {
      current = next;
      codes = notices;
      element.hidden = next === null && notices.length === 0;
      text.textContent = loc.t('staff.notice', { message: message() });
    },
  };
}
