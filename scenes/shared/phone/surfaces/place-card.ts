/**
 * A place card: where someone is being sent (a guesthouse), as a small map with a pin and the
 * place's name and address line from the content. The map is CSS shapes, no text inside.
 */
import type { Message } from '../../story/index.js';
import { richText } from '../../dom/emoji.js';
import { h } from '../../dom/dom.js';
import './surfaces.css';

export type PlaceMessage = Extract<Message, { kind: 'place' }>;

/** A place message as the phone shows it. */
export function placeCardElement(message: PlaceMessage): HTMLElement {
  return h(
    'div',
    { class: 'story-msg story-msg--in story-place', 'data-surface': 'place' },
    h(
      'div',
      { class: 'story-place__map', 'aria-hidden': 'true' },
      h('span', { class: 'story-place__road story-place__road--a' }),
      h('span', { class: 'story-place__road story-place__road--b' }),
      h('span', { class: 'story-place__pin' }),
    ),
    h('strong', { class: 'story-place__name' }, ...richText(message.title)),
    h('span', { class: 'story-place__address' }, ...richText(message.text)),
  );
}
