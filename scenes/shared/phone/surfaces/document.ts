/**
 * The phone's document viewer: a paper sent as a photo (a "warrant", a scholarship letter),
 * drawn as a page with its heading and lines as real text, so it is readable, translatable and
 * heard by a screen reader. The look (`doc`) tells a fake official paper from a letter; both
 * are forgeries in the stories, and the caption says so.
 */
import type { Message } from '../../story/index.js';
import { richText } from '../../dom/emoji.js';
import { h } from '../../dom/dom.js';
import { placeCardElement, type PlaceMessage } from './place-card.js';
import './surfaces.css';

export type DocumentMessage = Extract<Message, { kind: 'document' }>;

/** A document message as the phone shows it: a page in a bubble, with its caption under it. */
export function documentElement(message: DocumentMessage): HTMLElement {
  return h(
    'figure',
    { class: `story-msg story-msg--in story-doc story-doc--${message.doc}`, 'data-surface': 'document' },
    h(
      'div',
      { class: 'story-doc__page' },
      // A stamp and a crest drawn with CSS: decoration only.
      h('span', { class: 'story-doc__crest', 'aria-hidden': 'true' }),
      h('strong', { class: 'story-doc__title' }, message.title),
      h('ul', { class: 'story-doc__lines' }, ...message.lines.map((line) => h('li', {}, line))),
      h('span', { class: 'story-doc__stamp', 'aria-hidden': 'true' }),
    ),
    h('figcaption', { class: 'story-msg__caption' }, ...richText(message.text)),
  );
}

/**
 * The viewer over a video call: the caller "shares" a paper or a location, and it opens large
 * over the video, where a visitor can read it (the log below is short in a call). The log keeps
 * a short line; the viewer holds the card's words for screen readers.
 */
export class DocumentViewer {
  readonly element = h('div', { class: 'story-docview', hidden: true });

  /** Opens `message` in the viewer. */
  show(message: DocumentMessage): void {
    this.open(documentElement(message));
  }

  /** Opens a place card (a shared location) the same way. */
  showPlace(message: PlaceMessage): void {
    this.open(placeCardElement(message));
  }

  private open(card: HTMLElement): void {
    card.classList.remove('story-msg', 'story-msg--in');
    this.element.replaceChildren(card);
    this.element.hidden = false;
  }

  /** Closes it (a new node, or the lock screen). */
  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
