/**
 * The "scam or safe?" check, `content/checks.<lang>.json`: two fixed parallel forms (A and B)
 * of short messages a visitor judges before and after playing (LEARNING-DESIGN §4, after the
 * ShieldUp! trial). Each form holds 6–8 items, half scam and half safe; every item of A has a
 * matched twin in B (same `pair`, answer, channel, link or not, request or not), so a session
 * that takes A before and B after (or the other way round) is measured on equal ground.
 */
import { z } from 'zod';
import {
  CHECK_FORMS,
  CheckFormSchema,
  ContentIdSchema,
  LanguageSchema,
  type CheckForm,
} from '../../../electron/bridge/contract.js';
import {
  baseName,
  CONTENT_PARSE_OPTIONS,
  ContentError,
  fromZodError,
  type ContentIssue,
} from '../content/content-error.js';
import { deepFreeze } from '../content/deep.js';
import { parseContentFileName } from '../content/file-name.js';
import { CHANNELS, visibleText } from './schema.js';

export const CHECK_ANSWERS = ['scam', 'safe'] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];

/** Items per form: enough that guessing rarely looks like learning, short enough for a minute. */
export const MIN_FORM_ITEMS = 6;
export const MAX_FORM_ITEMS = 8;

export { CHECK_FORMS, type CheckForm };

export const CheckItemSchema = z.strictObject({
  id: ContentIdSchema,
  /** The parallel form the item belongs to. */
  form: CheckFormSchema,
  /** The matched item of the other form carries the same pair id. */
  pair: ContentIdSchema,
  /**
   * The message asks the reader to do something (pay, send, click, come, call). Safe items
   * must ask too, or "it asks for something" would give the scams away.
   */
  asks: z.boolean(),
  /** Who the message seems to come from, and how it arrives. */
  sender: z.strictObject({
    name: visibleText(40),
    channel: z.enum(CHANNELS),
    avatar: z.string().min(1).max(32).optional(),
  }),
  text: visibleText(200),
  /** A link as shown in the message (display only, never opened). */
  link: z
    .string()
    .regex(/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i, 'must look like a web address')
    .optional(),
  answer: z.enum(CHECK_ANSWERS),
  /** One line: why it is a scam or why it is fine. */
  why: visibleText(160),
});
export type CheckItem = z.infer<typeof CheckItemSchema>;

export const CheckPoolFileSchema = z.strictObject({
  lang: LanguageSchema,
  items: z.array(CheckItemSchema).min(2 * MIN_FORM_ITEMS, `needs at least ${2 * MIN_FORM_ITEMS} items`),
});

/** The check items of both forms in one language. */
export interface CheckPool {
  readonly lang: 'vi' | 'en';
  readonly items: readonly CheckItem[];
}

/**
 * Validates a check pool file (`checks.<lang>.json`): schema, unique ids, and both answers present.
 * @throws ContentError naming the file and field
 */
export function loadCheckPool(json: unknown, fileName: string): CheckPool {
  const name = baseName(fileName);
  const expected = parseContentFileName(name);
  if (expected.id !== 'checks') {
    throw new ContentError(name, [{ path: '', message: 'a check pool must be named "checks.<vi|en>.json"' }]);
  }
  const parsed = CheckPoolFileSchema.safeParse(json, CONTENT_PARSE_OPTIONS);
  if (!parsed.success) throw new ContentError(name, fromZodError(parsed.error));
  const pool = parsed.data;
  const issues: ContentIssue[] = [];
  if (pool.lang !== expected.lang)
    issues.push({ path: 'lang', message: `"${pool.lang}" does not match the file name` });
  const seen = new Set<string>();
  pool.items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: `items[${i}].id`, message: `duplicate item id "${item.id}"` });
    seen.add(item.id);
  });
  issues.push(...formIssues(pool.items));
  if (issues.length > 0) throw new ContentError(name, issues);
  return deepFreeze(pool);
}

/** The items of one form, in file order (the order they are shown). */
export function formItems(pool: CheckPool, form: CheckForm): CheckItem[] {
  return pool.items.filter((item) => item.form === form);
}

/** The other form: the after round uses the form the before round did not. */
export function otherForm(form: CheckForm): CheckForm {
  return form === 'A' ? 'B' : 'A';
}

function formIssues(items: readonly CheckItem[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const sizes = CHECK_FORMS.map((form) => items.filter((item) => item.form === form).length);
  for (const [i, form] of CHECK_FORMS.entries()) {
    const mine = items.filter((item) => item.form === form);
    const size = sizes[i] ?? 0;
    if (size < MIN_FORM_ITEMS || size > MAX_FORM_ITEMS) {
      issues.push({
        path: 'items',
        message: `form ${form} has ${size} items; a form needs ${MIN_FORM_ITEMS}–${MAX_FORM_ITEMS}`,
      });
    }
    const scams = mine.filter((item) => item.answer === 'scam').length;
    if (2 * scams !== size)
      issues.push({ path: 'items', message: `form ${form} has ${scams} scams in ${size}: needs half` });
    issues.push(...cueIssues(form, mine));
  }
  if (sizes[0] !== sizes[1])
    issues.push({ path: 'items', message: `the forms differ in size (${sizes.join(' vs ')})` });
  const byPair = new Map<string, CheckItem[]>();
  for (const item of items) byPair.set(item.pair, [...(byPair.get(item.pair) ?? []), item]);
  for (const [pair, twins] of byPair) {
    const [a, b] = twins;
    if (twins.length !== 2 || !a || !b || a.form === b.form) {
      issues.push({ path: 'items', message: `pair "${pair}" needs exactly one item in each form` });
      continue;
    }
    const differs: string[] = [];
    if (a.answer !== b.answer) differs.push('answer');
    if (a.asks !== b.asks) differs.push('asks');
    if (a.sender.channel !== b.sender.channel) differs.push('channel');
    if ((a.link === undefined) !== (b.link === undefined)) differs.push('link');
    if (differs.length > 0) {
      issues.push({
        path: 'items',
        message: `pair "${pair}" is not matched: "${a.id}" and "${b.id}" differ in ${differs.join(', ')}`,
      });
    }
  }
  return issues;
}

/**
 * Surface cues that would give the answer away: in each form, links and requests must appear
 * in safe items as well as scams, and some scams must come without a link.
 */
function cueIssues(form: CheckForm, items: readonly CheckItem[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const some = (answer: CheckAnswer, test: (item: CheckItem) => boolean): boolean =>
    items.some((item) => item.answer === answer && test(item));
  const hasLink = (item: CheckItem): boolean => item.link !== undefined;
  if (!some('safe', hasLink))
    issues.push({
      path: 'items',
      message: `form ${form}: no safe item has a link ("link = scam" gives it away)`,
    });
  if (!some('scam', (item) => !hasLink(item)))
    issues.push({
      path: 'items',
      message: `form ${form}: every scam has a link ("link = scam" gives it away)`,
    });
  if (!some('safe', (item) => item.asks))
    issues.push({ path: 'items', message: `form ${form}: no safe item asks for anything` });
  return issues;
}

/**
 * Checks that both languages hold the same items (same ids, order, answers, channels and
 * links); only the wording may differ. Problems are reported against the English file.
 * @throws ContentError when they differ
 */
export function validateCheckPair(vi: CheckPool, en: CheckPool): void {
  const issues: ContentIssue[] = [];
  if (vi.lang !== 'vi')
    issues.push({ path: 'lang', message: `the first pool must be Vietnamese, got "${vi.lang}"` });
  if (en.lang !== 'en')
    issues.push({ path: 'lang', message: `the second pool must be English, got "${en.lang}"` });
  if (vi.items.length !== en.items.length) {
    issues.push({
      path: 'items',
      message: `has ${en.items.length} items but checks.vi.json has ${vi.items.length}`,
    });
  }
  en.items.forEach((item, i) => {
    const other = vi.items[i];
    if (!other) return;
    const at = `items[${i}]`;
    if (item.id !== other.id)
      issues.push({ path: `${at}.id`, message: `is "${item.id}" but checks.vi.json has "${other.id}"` });
    if (item.answer !== other.answer) {
      issues.push({
        path: `${at}.answer`,
        message: `is "${item.answer}" but checks.vi.json has "${other.answer}"`,
      });
    }
    if (item.sender.channel !== other.sender.channel) {
      issues.push({ path: `${at}.sender.channel`, message: `differs from checks.vi.json` });
    }
    if (item.sender.avatar !== other.sender.avatar) {
      issues.push({ path: `${at}.sender.avatar`, message: `differs from checks.vi.json` });
    }
    if (item.form !== other.form || item.pair !== other.pair || item.asks !== other.asks) {
      issues.push({ path: at, message: `form, pair or asks differ from checks.vi.json` });
    }
    if (item.link !== other.link) issues.push({ path: `${at}.link`, message: `differs from checks.vi.json` });
  });
  if (issues.length > 0) throw new ContentError('checks.en.json', issues);
}
