/**
 * The "scam or safe?" check pool, `content/checks.<lang>.json`: short messages a visitor
 * judges before and after playing (the ShieldUp! design: a quick test before and after).
 */
import { z } from 'zod';
import { ContentIdSchema, LanguageSchema } from '../../../electron/bridge/contract.js';
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

/** A pool needs enough items for a before and an after round that never repeat. */
export const MIN_CHECK_POOL = 20;

export const CheckItemSchema = z.strictObject({
  id: ContentIdSchema,
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
  items: z.array(CheckItemSchema).min(MIN_CHECK_POOL, `needs at least ${MIN_CHECK_POOL} items`),
});

/** The check items in one language. */
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
  for (const answer of CHECK_ANSWERS) {
    if (!pool.items.some((item) => item.answer === answer)) {
      issues.push({ path: 'items', message: `needs at least one "${answer}" item` });
    }
  }
  if (issues.length > 0) throw new ContentError(name, issues);
  return deepFreeze(pool);
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
    if (item.link !== other.link) issues.push({ path: `${at}.link`, message: `differs from checks.vi.json` });
  });
  if (issues.length > 0) throw new ContentError('checks.en.json', issues);
}
