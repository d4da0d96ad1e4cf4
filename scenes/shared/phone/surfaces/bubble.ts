/**
 * The shared message bubble, for surfaces without their own: an incoming bubble, a centred
 * system line, a link preview with the whole address (its deceptive part marked), a picture.
 * A message the content marks as the step's `clue` is highlighted, never greyed.
 */
import type { Message } from '../../story/index.js';
import type { UiText } from '../../story-station/ui-text.js';
import { richText } from '../../dom/emoji.js';
import { h } from '../../dom/dom.js';
import { artwork } from './artwork.js';
import { surfaceMessageElement } from './messages.js';
import { marked } from './parts.js';

/** One message as a thread shows it. */
export function bubble(message: Message, text: UiText): HTMLElement {
  const clue = message.clue === true ? ' story-msg--clue' : '';
  switch (message.kind) {
    case 'text':
      return h('div', { class: `story-msg story-msg--in${clue}` }, ...richText(message.text));
    case 'system':
      return h('div', { class: `story-msg story-msg--system${clue}` }, ...richText(message.text));
    case 'link':
      return h(
        'div',
        { class: `story-msg story-msg--in story-msg--link${clue}` },
        h('span', { class: 'story-link__title' }, ...richText(message.text)),
        // Looks like a link, goes nowhere: the visitor decides with the buttons beside the phone.
        h('span', { class: 'story-link__url' }, ...marked(message.url, message.mark)),
        h('span', { class: 'story-sr' }, ` (${text.phone.linkNote})`),
      );
    case 'image':
      return artwork(message.art, message.text, `story-msg story-msg--in story-msg--image${clue}`);
    case 'document':
    case 'place':
    case 'banner':
    case 'aside':
      return surfaceMessageElement(message);
  }
}
