import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../scenes/shared/content/content-error.js';
import { LANGUAGES, LIMITS, loadPledgeContent, syllables, word } from '../../../scenes/pledge/content.js';

const DIR = path.resolve('scenes/pledge/content');

/** The content files as the station's import.meta.glob gives them (path → parsed JSON). */
function files(): Record<string, unknown> {
  return Object.fromEntries(
    fs
      .readdirSync(DIR)
      .map((name) => [
        `./content/${name}`,
        JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as unknown,
      ]),
  );
}

describe('pledge content', () => {
  const content = loadPledgeContent(files());

  it('has at least 40 items per language, each tagged with a tactic or safe, both kinds of answer', () => {
    for (const lang of LANGUAGES) {
      const { items } = content[lang];
      expect(items.length).toBeGreaterThanOrEqual(40);
      const tags = new Set(items.map((item) => item.tactic));
      expect([...tags].sort()).toEqual(['luring', 'manipulation', 'safe', 'threat']);
      // A round needs a real mix: at least a quarter of each answer.
      const safe = items.filter((item) => item.tactic === 'safe').length;
      expect(safe).toBeGreaterThanOrEqual(items.length / 4);
      expect(items.length - safe).toBeGreaterThanOrEqual(items.length / 4);
    }
  });

  it('keeps every reason, item and card line within the §1 limits', () => {
    for (const lang of LANGUAGES) {
      for (const item of content[lang].items) {
        expect(syllables(item.reason, lang), item.reason).toBeLessThanOrEqual(LIMITS.reasonSyllables);
        expect(syllables(item.text, lang), item.text).toBeLessThanOrEqual(LIMITS.textSyllables);
      }
      for (const card of content[lang].cards)
        expect(syllables(card.line, lang), card.line).toBeLessThanOrEqual(LIMITS.cardSyllables);
    }
  });

  it('offers 8 to 10 pledge cards and a few lantern colours, the same in both languages', () => {
    expect(content.vi.cards.length).toBeGreaterThanOrEqual(8);
    expect(content.vi.cards.length).toBeLessThanOrEqual(10);
    expect(content.en.cards.map((card) => card.id)).toEqual(content.vi.cards.map((card) => card.id));
    expect(content.en.colours.map((c) => c.hex)).toEqual(content.vi.colours.map((c) => c.hex));
  });

  it('counts syllables: one per Vietnamese word, vowel groups in English', () => {
    expect(syllables('Công an không làm việc qua video call.', 'vi')).toBe(8);
    expect(syllables('Real police never handle a case', 'en')).toBe(9);
  });

  it('fills placeholders in the station words and names a missing word by its key', () => {
    expect(word(content.en.ui, 'finale.number', { n: 12 })).toBe('You are pledge number 12 at this festival');
    expect(word(content.vi.ui, 'kinds.call')).toBe('Cuộc gọi');
    expect(word(content.en.ui, 'finale.nope')).toBe('finale.nope');
  });

  it('refuses a reason that is too long, naming the file and the field', () => {
    const broken = files();
    const en = structuredClone(broken['./content/items.en.json']) as { items: { reason: string }[] };
    const first = en.items[0];
    if (!first) throw new Error('no items');
    first.reason = 'This reason goes on and on with far too many words for a child to read at a festival';
    broken['./content/items.en.json'] = en;
    expect(() => loadPledgeContent(broken)).toThrow(ContentError);
    expect(() => loadPledgeContent(broken)).toThrow(
      /items\.en\.json: items\[0\]\.reason: more than 15 syllables/,
    );
  });

  it('refuses languages that disagree on an item tag', () => {
    const broken = files();
    const vi = structuredClone(broken['./content/items.vi.json']) as { items: { tactic: string }[] };
    const first = vi.items[0];
    if (!first) throw new Error('no items');
    first.tactic = first.tactic === 'safe' ? 'threat' : 'safe';
    broken['./content/items.vi.json'] = vi;
    expect(() => loadPledgeContent(broken)).toThrow(/differ in ids, tags/);
  });

  it('refuses a missing file and an unknown picture', () => {
    const missing = files();
    delete missing['./content/pledges.en.json'];
    expect(() => loadPledgeContent(missing)).toThrow(/pledges\.en\.json: missing content file/);
    const badIcon = files();
    const cards = structuredClone(badIcon['./content/pledges.vi.json']) as { cards: { icon: string }[] };
    const first = cards.cards[0];
    if (!first) throw new Error('no cards');
    first.icon = 'selfie';
    badIcon['./content/pledges.vi.json'] = cards;
    expect(() => loadPledgeContent(badIcon)).toThrow(/pledges\.vi\.json: cards\.0\.icon/);
  });
});
