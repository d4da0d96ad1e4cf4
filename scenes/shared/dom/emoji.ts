/**
 * Emoji in content text (a "Hi 👋", a crying face) drawn with the bundled Twemoji pictures, as
 * the rest of the exhibit does: a kiosk without a colour-emoji font would otherwise show empty
 * boxes. Each picture keeps the emoji as its alt text, so accessible names and screen readers
 * are unchanged. Emoji not in this list fall back to the system font; a unit test lists any
 * the content uses that are missing here.
 */
import e2728 from '@twemoji/svg/2728.svg?url';
import e1f62d from '@twemoji/svg/1f62d.svg?url';
import e1f60a from '@twemoji/svg/1f60a.svg?url';
import e1f622 from '@twemoji/svg/1f622.svg?url';
import e1f612 from '@twemoji/svg/1f612.svg?url';
import e1f648 from '@twemoji/svg/1f648.svg?url';
import e1f625 from '@twemoji/svg/1f625.svg?url';
import e1f64f from '@twemoji/svg/1f64f.svg?url';
import e1f618 from '@twemoji/svg/1f618.svg?url';
import e1f631 from '@twemoji/svg/1f631.svg?url';
import e1f44b from '@twemoji/svg/1f44b.svg?url';
import e1f4b8 from '@twemoji/svg/1f4b8.svg?url';
import e1f389 from '@twemoji/svg/1f389.svg?url';
import e1f600 from '@twemoji/svg/1f600.svg?url';
import e1f642 from '@twemoji/svg/1f642.svg?url';
import e1f44d from '@twemoji/svg/1f44d.svg?url';
import e2764 from '@twemoji/svg/2764.svg?url';
import e1f60d from '@twemoji/svg/1f60d.svg?url';
import e1f602 from '@twemoji/svg/1f602.svg?url';
import e1f97a from '@twemoji/svg/1f97a.svg?url';
import e26a0 from '@twemoji/svg/26a0.svg?url';
import e1f4b0 from '@twemoji/svg/1f4b0.svg?url';
import e1f525 from '@twemoji/svg/1f525.svg?url';
import e1f609 from '@twemoji/svg/1f609.svg?url';
import e1f914 from '@twemoji/svg/1f914.svg?url';
import e1f61f from '@twemoji/svg/1f61f.svg?url';
import e1f973 from '@twemoji/svg/1f973.svg?url';
import e1f4f8 from '@twemoji/svg/1f4f8.svg?url';
import e1f48c from '@twemoji/svg/1f48c.svg?url';

/** Twemoji pictures by emoji (without the U+FE0F variation selector). */
const EMOJI: Readonly<Record<string, string>> = {
  '✨': e2728,
  '😭': e1f62d,
  '😊': e1f60a,
  '😢': e1f622,
  '😒': e1f612,
  '🙈': e1f648,
  '😥': e1f625,
  '🙏': e1f64f,
  '😘': e1f618,
  '😱': e1f631,
  '👋': e1f44b,
  '💸': e1f4b8,
  '🎉': e1f389,
  '😀': e1f600,
  '🙂': e1f642,
  '👍': e1f44d,
  '❤': e2764,
  '😍': e1f60d,
  '😂': e1f602,
  '🥺': e1f97a,
  '⚠': e26a0,
  '💰': e1f4b0,
  '🔥': e1f525,
  '😉': e1f609,
  '🤔': e1f914,
  '😟': e1f61f,
  '🥳': e1f973,
  '📸': e1f4f8,
  '💌': e1f48c,
};

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The picture for one emoji, or null when it is not bundled. */
export function emojiUrl(emoji: string): string | null {
  const key = emoji.replace(/\uFE0F/g, '');
  return Object.hasOwn(EMOJI, key) ? (EMOJI[key] ?? null) : null;
}

/** The emoji (grapheme clusters) in `text`, in order. */
export function emojiIn(text: string): string[] {
  return [...segmenter.segment(text)].map((part) => part.segment).filter((part) => PICTOGRAPHIC.test(part));
}

/** `text` as DOM nodes: plain text, with each bundled emoji as an inline picture. */
export function richText(text: string): Node[] {
  const nodes: Node[] = [];
  let run = '';
  for (const { segment } of segmenter.segment(text)) {
    const url = PICTOGRAPHIC.test(segment) ? emojiUrl(segment) : null;
    if (!url) {
      run += segment;
      continue;
    }
    if (run) nodes.push(document.createTextNode(run));
    run = '';
    const image = document.createElement('img');
    image.src = url;
    image.alt = segment;
    image.className = 'story-emoji';
    image.draggable = false;
    nodes.push(image);
  }
  if (run) nodes.push(document.createTextNode(run));
  return nodes;
}
