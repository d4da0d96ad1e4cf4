/**
 * A web browser: an address bar that shows the whole domain (wrapping, never cut) with its
 * deceptive part marked, and the page below: pictures and text are the page's content, not
 * chat bubbles; a system message is a notification banner sliding over the page (an SMS
 * arriving while the visitor is on the site).
 */
import type { Message } from '../../story/index.js';
import { richText } from '../../dom/emoji.js';
import { h } from '../../dom/dom.js';
import { artwork } from './artwork.js';
import { marked } from './parts.js';
import type { PhoneSurface } from './types.js';

function pageElement(message: Message): HTMLElement | null {
  const clue = message.clue === true ? ' story-msg--clue' : '';
  switch (message.kind) {
    case 'image':
      return artwork(message.art, message.text, `story-page__art${clue}`);
    case 'text':
      return h('p', { class: `story-msg story-page__text${clue}` }, ...richText(message.text));
    case 'system':
      return h('div', { class: `story-msg story-page__banner${clue}` }, ...richText(message.text));
    case 'link':
    case 'document':
    case 'place':
    case 'banner':
    case 'aside':
      // Not part of a page: the shared bubble (and the overlay's viewer or banner) shows them.
      return null;
  }
}

export const browserSurface: PhoneSurface = {
  id: 'browser',
  mode: 'browser',
  header: (contact, text) => [
    h(
      'div',
      { class: 'story-browser__bar', role: 'group', 'aria-label': text.phone.address },
      h('span', { class: 'story-browser__lock', 'aria-hidden': 'true' }),
      h('span', { class: 'story-browser__url' }, ...marked(contact.name, contact.mark)),
    ),
  ],
  message: (message) => pageElement(message),
};
