/**
 * The pledge station's content: the drifting items of the game, the pledge cards and lantern
 * colours, and the station's words, in both languages. Validated here (zod), with the text
 * limits of LEARNING-DESIGN §1 (one short sentence of at most ~15 syllables), and the two
 * languages must agree on everything but the words. No DOM: tests load it in Node.
 */
import { z } from 'zod';
import { ContentError } from '../shared/content/content-error.js';
import { PICTURE_NAMES } from '../shared/dom/pictures.js';

export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const ITEM_TACTICS = ['threat', 'manipulation', 'luring', 'safe'] as const;
export type ItemTactic = (typeof ITEM_TACTICS)[number];
export const ITEM_KINDS = ['message', 'chat', 'link', 'call', 'friend'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** §1: a feedback sentence has at most about 15 syllables. */
export const LIMITS = {
  reasonSyllables: 15,
  textSyllables: 15,
  cardSyllables: 14,
  fromChars: 28,
  minItems: 40,
  cards: [8, 10] as const,
} as const;

/**
 * Syllables of a line: Vietnamese writes one syllable per word; English is estimated by
 * vowel groups (a silent final "e" does not count), at least one per word.
 */
export function syllables(text: string, lang: Lang): number {
  const words = text.split(/[\s/]+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (lang === 'vi') return words.length;
  let total = 0;
  for (const raw of words) {
    const word = raw.toLowerCase().replace(/[^a-z]/g, '');
    if (word === '') {
      total += 1;
      continue;
    }
    const groups = word.replace(/(?:[^laeiouy]e)$/, 'x').match(/[aeiouy]+/g)?.length ?? 0;
    total += Math.max(1, groups);
  }
  return total;
}

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by "-"')
  .max(48);
const picture = z.string().refine((name) => PICTURE_NAMES.includes(name), 'not a picture of the picture kit');
const line = z.string().trim().min(1).max(90);

const ItemSchema = z.strictObject({
  id,
  kind: z.enum(ITEM_KINDS),
  icon: picture,
  tactic: z.enum(ITEM_TACTICS),
  from: z.string().trim().min(1).max(LIMITS.fromChars),
  text: line,
  reason: line,
});
export type PledgeItem = z.infer<typeof ItemSchema>;

const ItemsFileSchema = z.strictObject({ lang: z.enum(LANGUAGES), items: z.array(ItemSchema).min(1) });

const CardSchema = z.strictObject({ id, icon: picture, line });
export type PledgeCard = z.infer<typeof CardSchema>;
const ColourSchema = z.strictObject({
  id,
  hex: z.string().regex(/^#[0-9a-f]{6}$/, 'a colour like "#ffc94d"'),
  name: z.string().trim().min(1).max(24),
});
export type LanternColour = z.infer<typeof ColourSchema>;

const PledgesFileSchema = z.strictObject({
  lang: z.enum(LANGUAGES),
  cards: z.array(CardSchema).min(LIMITS.cards[0]).max(LIMITS.cards[1]),
  colours: z.array(ColourSchema).min(3).max(8),
});

const words = z.record(z.string(), z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]));
const UiFileSchema = z.strictObject({ lang: z.enum(LANGUAGES) }).catchall(words);
export type UiWords = Readonly<
  Record<string, Readonly<Record<string, string | Readonly<Record<string, string>>>>>
>;

export interface LanguageContent {
  items: readonly PledgeItem[];
  cards: readonly PledgeCard[];
  colours: readonly LanternColour[];
  ui: UiWords;
}
export type PledgeContent = Readonly<Record<Lang, LanguageContent>>;

function parse<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ContentError(file, [{ path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' }]);
}

function checkLimits(file: string, lang: Lang, content: LanguageContent): void {
  content.items.forEach((item, index) => {
    if (syllables(item.reason, lang) > LIMITS.reasonSyllables)
      throw new ContentError(file, [
        { path: `items[${index}].reason`, message: `more than ${LIMITS.reasonSyllables} syllables` },
      ]);
    if (syllables(item.text, lang) > LIMITS.textSyllables)
      throw new ContentError(file, [
        { path: `items[${index}].text`, message: `more than ${LIMITS.textSyllables} syllables` },
      ]);
  });
  content.cards.forEach((card, index) => {
    if (syllables(card.line, lang) > LIMITS.cardSyllables)
      throw new ContentError(file, [
        { path: `cards[${index}].line`, message: `more than ${LIMITS.cardSyllables} syllables` },
      ]);
  });
  const ids = content.items.map((item) => item.id);
  const duplicate = ids.find((value, index) => ids.indexOf(value) !== index);
  if (duplicate !== undefined)
    throw new ContentError(file, [{ path: 'items', message: `item "${duplicate}" appears twice` }]);
  if (ids.length < LIMITS.minItems)
    throw new ContentError(file, [
      { path: 'items', message: `${ids.length} items; a round needs at least ${LIMITS.minItems}` },
    ]);
}

/** The two languages must have the same items, tags, icons, cards and colours. */
function checkPair(content: PledgeContent): void {
  const shape = (c: LanguageContent): string =>
    JSON.stringify([
      c.items.map((item) => [item.id, item.kind, item.icon, item.tactic]),
      c.cards.map((card) => [card.id, card.icon]),
      c.colours.map((colour) => [colour.id, colour.hex]),
    ]);
  if (shape(content.vi) !== shape(content.en))
    throw new ContentError('pledge content', [
      { path: 'vi/en', message: 'the vi and en files differ in ids, tags, icons or colours' },
    ]);
}

/**
 * Loads the station's content from `import.meta.glob` modules (path → JSON).
 * @throws ContentError naming the file and field of the first problem
 */
export function loadPledgeContent(files: Readonly<Record<string, unknown>>): PledgeContent {
  const found: Partial<Record<string, unknown>> = {};
  for (const [path, json] of Object.entries(files)) {
    const name = path.split('/').pop() ?? path;
    found[name] = json;
  }
  const need = (name: string): unknown => {
    if (!(name in found)) throw new ContentError(name, [{ path: '', message: 'missing content file' }]);
    return found[name];
  };
  const byLang = {} as Record<Lang, LanguageContent>;
  for (const lang of LANGUAGES) {
    const itemsFile = `items.${lang}.json`;
    const pledgesFile = `pledges.${lang}.json`;
    const uiFile = `ui.${lang}.json`;
    const items = parse(ItemsFileSchema, need(itemsFile), itemsFile);
    const pledges = parse(PledgesFileSchema, need(pledgesFile), pledgesFile);
    const ui = parse(UiFileSchema, need(uiFile), uiFile);
    for (const [file, declared] of [
      [itemsFile, items.lang],
      [pledgesFile, pledges.lang],
      [uiFile, ui.lang],
    ] as const) {
      if (declared !== lang)
        throw new ContentError(file, [
          { path: 'lang', message: `says "${declared}", the file name says "${lang}"` },
        ]);
    }
    const words: Record<string, unknown> = { ...ui };
    delete words.lang;
    byLang[lang] = {
      items: items.items,
      cards: pledges.cards,
      colours: pledges.colours,
      ui: words as UiWords,
    };
    checkLimits(itemsFile, lang, byLang[lang]);
  }
  checkPair(byLang);
  return byLang;
}

/** A word of the station's UI (`section.key`), with `{{name}}` placeholders filled in. */
export function word(
  ui: UiWords,
  key: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const [section, name, sub] = key.split('.');
  const group = section === undefined ? undefined : ui[section];
  let found: unknown = name === undefined ? undefined : group?.[name];
  if (sub !== undefined && typeof found === 'object' && found !== null)
    found = (found as Record<string, string>)[sub];
  if (typeof found !== 'string') return key;
  return found.replace(/\{\{(\w+)\}\}/g, (_, placeholder: string) => String(values[placeholder] ?? ''));
}
