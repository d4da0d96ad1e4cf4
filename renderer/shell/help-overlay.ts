/** The hotlines overlay: 111 (child protection) and 113 (police), reachable from every screen. */
import { HELP_LINES } from '../../electron/bridge/contract.js';
import { emoji, h, icon } from './dom.js';
import { EMOJI, ICONS } from './icons.js';
import type { Localized } from './localized.js';

export interface Overlay {
  element: HTMLElement;
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}

function hotline(
  loc: Localized,
  number: string,
  titleKey: string,
  detailKey: string,
  picture: string,
): HTMLElement {
  return h(
    'div',
    { class: 'hotline', 'data-testid': `hotline-${number}` },
    emoji(picture, 'hotline__emoji'),
    h('span', { class: 'hotline__number' }, number),
    h('span', { class: 'hotline__text' }, loc.text(h('strong'), titleKey), loc.text(h('span'), detailKey)),
  );
}

export function createHelpOverlay(loc: Localized, onClose: () => void): Overlay {
  const close = loc.label(
    h('button', { class: 'pill pill--primary', type: 'button' }, icon(ICONS.x)),
    'help.closeLabel',
  );
  close.append(loc.text(h('span'), 'help.close'));
  const title = loc.text(h('h2', { id: 'help-title', class: 'overlay__title' }), 'help.title');
  const element = h(
    'div',
    { class: 'overlay', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title', hidden: true },
    h(
      'div',
      { class: 'overlay__card help' },
      title,
      loc.text(h('p', { class: 'overlay__lead' }), 'help.lead'),
      h(
        'div',
        { class: 'hotlines' },
        hotline(loc, HELP_LINES.childProtection, 'help.line111', 'help.line111Detail', EMOJI.child),
        hotline(loc, HELP_LINES.police, 'help.line113', 'help.line113Detail', EMOJI.police),
      ),
      loc.text(h('p', { class: 'help__adult' }), 'help.adult'),
      loc.text(h('p', { class: 'help__police' }), 'help.police'),
      close,
    ),
  );
  close.addEventListener('click', onClose);
  return {
    element,
    open() {
      element.hidden = false;
      close.focus();
    },
    close() {
      element.hidden = true;
    },
    get isOpen() {
      return !element.hidden;
    },
  };
}
