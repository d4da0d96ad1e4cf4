/**
 * The bar on every screen: campaign name, language switch and the help button. Each pill's
 * accessible name starts with its visible text (WCAG 2.5.3: a voice-control user says what
 * they see).
 */
import { HELP_LINES } from '../../electron/bridge/contract.js';
import { h, icon, emoji } from './dom.js';
import { EMOJI, ICONS } from './icons.js';
import type { Localized } from './localized.js';

export interface TopBar {
  element: HTMLElement;
  /** Shows or hides the "back to the world" button (only inside a station). */
  setBackVisible(visible: boolean): void;
}

export function createTopBar(
  loc: Localized,
  actions: { onLanguage: () => void; onHelp: () => void; onBack: () => void },
): TopBar {
  const back = loc.label(
    h(
      'button',
      { class: 'pill pill--ghost top-bar__back', type: 'button', hidden: true },
      icon(ICONS.arrowLeft),
    ),
    'station.backLabel',
  );
  back.append(loc.text(h('span'), 'station.back'));
  back.addEventListener('click', actions.onBack);

  const brand = h(
    'div',
    { class: 'brand' },
    emoji(EMOJI.handshake, 'brand__mark'),
    h(
      'span',
      { class: 'brand__text' },
      h('strong', { lang: 'vi' }, loc.fixed('vi', 'brand.name')),
      h('span', { lang: 'en' }, loc.fixed('en', 'brand.name')),
    ),
  );

  const language = loc.label(
    h(
      'button',
      { class: 'pill pill--ghost', type: 'button', 'data-testid': 'language' },
      icon(ICONS.languages),
    ),
    'language.switchLabel',
  );
  language.append(loc.text(h('span'), 'language.switchTo'));
  language.addEventListener('click', actions.onLanguage);

  // The numbers come from the one source the help overlay and the debriefs use.
  const lines = `${HELP_LINES.childProtection} · ${HELP_LINES.police}`;
  const help = loc.label(
    h('button', { class: 'pill pill--help', type: 'button', 'data-testid': 'help' }, icon(ICONS.lifeBuoy)),
    'help.buttonLabel',
    () => ({ lines, child: HELP_LINES.childProtection, police: HELP_LINES.police }),
  );
  help.append(loc.text(h('span'), 'help.button'), ' ', h('span', { class: 'pill__badge' }, lines));
  help.addEventListener('click', actions.onHelp);

  const element = h(
    'header',
    { class: 'top-bar' },
    h('div', { class: 'top-bar__start' }, back, brand),
    h('nav', { class: 'top-bar__end' }, language, help),
  );
  return {
    element,
    setBackVisible(visible) {
      back.hidden = !visible;
      brand.hidden = visible;
    },
  };
}
