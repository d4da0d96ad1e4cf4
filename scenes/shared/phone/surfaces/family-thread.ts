/**
 * A parallel thread: while one contact talks, another keeps writing (the family asking where
 * you are while the "officer" demands silence). Each of its messages shows as that thread's
 * notification card, with its own avatar and name, so the visitor sees both conversations.
 */
import type { Message } from '../../story/index.js';
import { avatarUrl } from '../art.js';
import { richText } from '../../dom/emoji.js';
import { h, picture } from '../../dom/dom.js';
import './surfaces.css';

export type AsideMessage = Extract<Message, { kind: 'aside' }>;

/** A message of the parallel thread as the phone shows it. */
export function asideElement(message: AsideMessage): HTMLElement {
  const url = avatarUrl(message.avatar);
  return h(
    'div',
    { class: 'story-msg story-aside', 'data-surface': 'family-thread' },
    h(
      'span',
      { class: 'story-aside__head' },
      url
        ? picture(url, 'story-aside__avatar')
        : h('span', { class: 'story-aside__avatar', 'aria-hidden': 'true' }),
      h('strong', { class: 'story-aside__from' }, ...richText(message.from)),
    ),
    h('span', { class: 'story-aside__text' }, ...richText(message.text)),
  );
}
