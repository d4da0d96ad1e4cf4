/**
 * The wording of the three A05 tactics, one file per language
 * (`content/tactics.<lang>.json`), so organisers can correct it without touching code.
 * Scenario red flags only reference the tactic key.
 */
import { z } from 'zod';
import { LanguageSchema } from '../../../electron/bridge/contract.js';
import { baseName, CONTENT_PARSE_OPTIONS, ContentError, fromZodError } from '../content/content-error.js';
import { deepFreeze } from '../content/deep.js';
import { parseContentFileName } from '../content/file-name.js';
import { visibleText, type Tactic } from './schema.js';

const TacticTextSchema = z.strictObject({
  /** A picture of the picture kit (scenes/shared/dom/pictures.ts) shown with the name. */
  icon: z.string().min(1).max(32),
  /** The tactic's name, e.g. "Đe dọa". */
  name: visibleText(30),
  /** One sentence: how the tactic works. */
  definition: visibleText(200),
});
export type TacticText = z.infer<typeof TacticTextSchema>;

export const TacticsFileSchema = z.strictObject({
  lang: LanguageSchema,
  tactics: z.strictObject({
    threat: TacticTextSchema,
    manipulation: TacticTextSchema,
    luring: TacticTextSchema,
  }),
});

/** The tactic wording in one language, keyed by tactic. */
export interface Tactics {
  readonly lang: 'vi' | 'en';
  readonly tactics: Readonly<Record<Tactic, TacticText>>;
}

/**
 * Validates a tactics file (`tactics.<lang>.json`).
 * @throws ContentError naming the file and field
 */
export function loadTactics(json: unknown, fileName: string): Tactics {
  const name = baseName(fileName);
  const expected = parseContentFileName(name);
  if (expected.id !== 'tactics') {
    throw new ContentError(name, [
      { path: '', message: 'a tactics file must be named "tactics.<vi|en>.json"' },
    ]);
  }
  const parsed = TacticsFileSchema.safeParse(json, CONTENT_PARSE_OPTIONS);
  if (!parsed.success) throw new ContentError(name, fromZodError(parsed.error));
  if (parsed.data.lang !== expected.lang) {
    throw new ContentError(name, [
      { path: 'lang', message: `"${parsed.data.lang}" does not match the file name` },
    ]);
  }
  return deepFreeze(parsed.data);
}
