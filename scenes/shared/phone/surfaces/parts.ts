/**
 * DOM pieces that several surfaces share: the avatar, a name with its deceptive part marked,
 * and the thread header (avatar, name, small print).
 */
import { richText } from '../../dom/emoji.js';
import { h, picture } from '../../dom/dom.js';
import { avatarUrl } from '../art.js';
import type { SurfaceContact } from './types.js';

/** The contact's picture, an emoji written in the content, or else the name's first letter. */
export function avatar(contact: SurfaceContact, className: string): HTMLElement {
  const url = avatarUrl(contact.avatar);
  if (url) return picture(url, className);
  const glyph = /\p{Extended_Pictographic}/u.test(contact.avatar)
    ? contact.avatar
    : (contact.name.trim()[0] ?? '?').toUpperCase();
  return h('span', { class: `${className} story-avatar--glyph`, 'aria-hidden': 'true' }, glyph);
}

/**
 * `text` with its first `mark` wrapped in a <mark> (the part a visitor should notice, e.g. the
 * ".top" of a lookalike address). Without a mark, or when it is not found, plain text.
 */
export function marked(text: string, mark: string | undefined): (Node | string)[] {
  const at = mark ? text.indexOf(mark) : -1;
  if (!mark || at < 0) return richText(text);
  return [
    ...richText(text.slice(0, at)),
    h('mark', { class: 'story-mark' }, mark),
    ...richText(text.slice(at + mark.length)),
  ];
}

/** The header of a thread: avatar over the drawn circle, then the name and its small print. */
export function threadHeader(contact: SurfaceContact, detail: string | undefined): HTMLElement[] {
  return [
    avatar(contact, 'story-phone__avatar'),
    h(
      'span',
      { class: 'story-phone__who' },
      h('strong', { class: 'story-phone__name' }, ...marked(contact.name, contact.mark)),
      detail ? h('span', { class: 'story-phone__detail' }, ...richText(detail)) : '',
    ),
  ];
}

/** The block of a call: big portrait, name, small print (the state is the overlay's). */
export function callerBlock(contact: SurfaceContact, withPortrait: boolean): HTMLElement[] {
  return [
    withPortrait ? avatar(contact, 'story-phone__portrait') : '',
    h('strong', { class: 'story-phone__name' }, ...marked(contact.name, contact.mark)),
    contact.detail ? h('span', { class: 'story-phone__detail' }, ...richText(contact.detail)) : '',
  ].filter((part): part is HTMLElement => part !== '');
}
