import { describe, expect, it } from 'vitest';
import { emojiIn, emojiUrl } from '../../../../scenes/shared/dom/emoji.js';
import { allContentFiles } from '../story/helpers.js';

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

describe('emoji in content text', () => {
  it('finds emoji as whole graphemes, with or without the variation selector', () => {
    expect(emojiIn('Hi 👋 there ❤️!')).toEqual(['👋', '❤️']);
    expect(emojiIn('no emoji, 100% text')).toEqual([]);
    expect(emojiUrl('❤️')).toBe(emojiUrl('❤'));
    expect(emojiUrl('❤')).not.toBeNull();
  });

  it('has a bundled picture for every emoji the content uses (kiosks may lack an emoji font)', () => {
    const used = new Set(allContentFiles().flatMap((file) => strings(file.json).flatMap(emojiIn)));
    expect(used.size).toBeGreaterThan(0);
    const missing = [...used].filter((emoji) => emojiUrl(emoji) === null);
    expect(missing, 'add these to scenes/scam/station/emoji.ts').toEqual([]);
  });
});
