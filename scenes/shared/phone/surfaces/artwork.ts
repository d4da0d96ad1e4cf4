/** Picture messages, drawn with CSS shapes (no text inside) and described by their caption. */
import { richText } from '../../dom/emoji.js';
import { h } from '../../dom/dom.js';

const PARTS: Readonly<Record<string, readonly string[]>> = {
  'fake-login': ['bar', 'logo', 'field', 'field', 'button'],
  'payout-screenshots': ['slip', 'slip', 'slip'],
  'blurry-video': ['face'],
  generic: ['sun', 'hill'],
};

/**
 * A picture named `art` with its `description` as the caption.
 * @param className the figure's classes (a bubble in a thread, the page in a browser)
 */
export function artwork(art: string, description: string, className: string): HTMLElement {
  const known = art in PARTS ? art : 'generic';
  return h(
    'figure',
    { class: className },
    h(
      'div',
      { class: `story-art story-art--${known}`, role: 'img', 'aria-label': description },
      ...(PARTS[known] ?? []).map((part) => h('span', { class: `story-art__${part}` })),
    ),
    h('figcaption', { class: 'story-msg__caption' }, ...richText(description)),
  );
}
