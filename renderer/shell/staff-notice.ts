/**
 * A small corner notice for staff when the back office reports a problem (for example a
 * full disk, or damaged journal lines), or when visitor records are waiting because the host
 * cannot take them. The visitor flow carries on underneath it. Everything it says is localised:
 * visitors who read it never meet developer text.
 */
import type { StaffNotice as Notice } from '../../electron/bridge/admin-contract.js';
import type { DeliveryState } from '../bridge/record-outbox.js';
import { emoji, h } from './dom.js';
import { EMOJI } from './icons.js';
import type { Localized } from './localized.js';
import { errorText, noticeText } from './notices.js';

export interface StaffNotice {
  element: HTMLElement;
  /** Shows the last error (a coded message) and the notices (codes), or hides when there are none. */
  show(message: string | null, notices?: readonly Notice[]): void;
  /** The state of the records on their way to the back office. */
  showDelivery(state: DeliveryState): void;
  /** Notices the renderer raises itself (stations hidden from the hub), kept until a restart. */
  showStations(notices: readonly Notice[]): void;
}

export function createStaffNotice(loc: Localized): StaffNotice {
  let health: string | null = null;
  let codes: readonly Notice[] = [];
  let stations: readonly Notice[] = [];
  let delivery: DeliveryState = { pending: 0, problem: null, lost: 0 };
  /** Records waiting outrank the health report: they are what is going wrong right now. */
  const message = (): string | null => {
    if (delivery.pending > 0 && delivery.problem !== null) {
      return loc.t(`staff.delivery.${delivery.problem}`, { count: delivery.pending });
    }
    if (delivery.lost > 0) return loc.t('staff.delivery.lost', { count: delivery.lost });
    const parts = [
      ...(health === null ? [] : [errorText(loc, health)]),
      ...[...codes, ...stations].map((notice) => noticeText(loc, notice)),
    ];
    return parts.length === 0 ? null : parts.join(' · ');
  };
  const text = loc.text(h('span'), 'staff.notice', () => ({ message: message() ?? '' }));
  const element = h(
    'div',
    { class: 'staff-notice', role: 'status', 'data-testid': 'staff-notice', hidden: true },
    emoji(EMOJI.warning),
    text,
  );
  const render = (): void => {
    const current = message();
    element.hidden = current === null;
    text.textContent = loc.t('staff.notice', { message: current ?? '' });
  };
  return {
    element,
    show(next, notices = []) {
      health = next;
      codes = notices;
      render();
    },
    showDelivery(state) {
      delivery = state;
      render();
    },
    showStations(notices) {
      stations = notices;
      render();
    },
  };
}
