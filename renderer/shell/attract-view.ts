/**
 * The attract loop's invitation, in both languages at once (a visitor may read either
 * before choosing): the campaign's name and tagline in the sky, and over the water what a
 * visitor will do, "touch to start", and a line for parents that nothing personal is kept.
 * A touch anywhere starts, as the text says: the whole screen is the start button, and a tap
 * that lands on the top bar's background counts too (its own buttons keep their jobs).
 * Runs in the renderer.
 */
import { emoji, h } from './dom.js';
import { EMOJI } from './icons.js';
import type { Localized } from './localized.js';

/**
 * Children with a space between each: the layout is flex (the spaces do not render), but
 * assistive technology and axe join adjacent text, and "Không Một MìnhNot Alone" would be one
 * word to them.
 */
function spaced(...children: (Node | string)[]): (Node | string)[] {
  return children.flatMap((child, index) => (index === 0 ? [child] : [' ', child]));
}

/**
 * The button's accessible name: the call to action first, then everything it shows in
 * reading order, so the name contains the visible text (WCAG 2.5.3) and a screen reader
 * hears what a sighted visitor reads.
 */
function nameButton(start: HTMLElement, loc: Localized): void {
  const action = `${loc.fixed('vi', 'attract.touch')} – ${loc.fixed('en', 'attract.touch')}`;
  const shown = start.textContent.replace(/\s+/g, ' ').trim();
  start.setAttribute('aria-label', `${action}: ${shown}`);
}

/** Taps on these keep their own meaning on the attract screen. */
const OWN_MEANING = 'button:not(.attract), a, input, select, textarea, [role="dialog"], [role="alertdialog"]';

export function createAttractView(loc: Localized, onStart: () => void): HTMLElement {
  const vi = (key: string): string => loc.fixed('vi', key);
  const en = (key: string): string => loc.fixed('en', key);
  const both = (key: string): (Node | string)[] =>
    spaced(h('span', { lang: 'vi' }, vi(key)), h('span', { lang: 'en' }, en(key)));
  const start = h(
    'button',
    {
      class: 'attract',
      type: 'button',
      'data-testid': 'start',
    },
    ...spaced(
      h(
        'span',
        { class: 'attract__sky' },
        ...spaced(
          h(
            'span',
            { class: 'attract__title' },
            ...spaced(
              h('span', { class: 'attract__vi', lang: 'vi' }, vi('brand.name')),
              h('span', { class: 'attract__en', lang: 'en' }, en('brand.name')),
            ),
          ),
          h('span', { class: 'attract__tagline' }, ...both('brand.tagline')),
        ),
      ),
      h(
        'span',
        { class: 'attract__water' },
        ...spaced(
          h('span', { class: 'attract__invite', 'data-testid': 'attract-invite' }, ...both('attract.invite')),
          h(
            'span',
            { class: 'attract__cta' },
            emoji(EMOJI.pointUp, 'attract__hand'),
            h(
              'span',
              { class: 'attract__cta-text' },
              ...spaced(
                h('strong', { lang: 'vi' }, vi('attract.touch')),
                h('span', { lang: 'en' }, en('attract.touch')),
              ),
            ),
          ),
          // Today's pledges (filled by showPledgeCount): a passer-by sees that others have pledged.
          h('span', { class: 'attract__pledges', 'data-testid': 'attract-pledges', hidden: true }),
          h(
            'span',
            { class: 'attract__privacy', 'data-testid': 'attract-privacy' },
            emoji(EMOJI.shield, 'attract__privacy-icon'),
            h('span', { class: 'attract__privacy-text' }, ...both('attract.privacy')),
          ),
        ),
      ),
    ),
  );
  nameButton(start, loc);
  start.addEventListener('click', onStart);
  // A tap anywhere else on the screen (the top bar's background, a staff notice) while the
  // attract screen shows. The staff gesture swallows its own clicks before they get here.
  window.addEventListener('click', (event) => {
    if (!start.isConnected || !(event.target instanceof Element)) return;
    if (start.contains(event.target) || event.target.closest(OWN_MEANING)) return;
    onStart();
  });
  return start;
}

/** Shows today's pledge count on the attract screen in both languages (hidden when 0 or unknown). */
export function showPledgeCount(attract: HTMLElement, loc: Localized, count: number | null): void {
  const slot = attract.querySelector<HTMLElement>('.attract__pledges');
  if (!slot) return;
  slot.hidden = count === null || count <= 0;
  if (slot.hidden || count === null) slot.replaceChildren();
  else {
    slot.replaceChildren(
      emoji(EMOJI.heart, 'attract__pledges-icon'),
      ...spaced(
        h('strong', { lang: 'vi' }, loc.fixed('vi', 'attract.pledges', { count })),
        h('span', { lang: 'en' }, loc.fixed('en', 'attract.pledges', { count })),
      ),
    );
  }
  nameButton(attract, loc);
}
