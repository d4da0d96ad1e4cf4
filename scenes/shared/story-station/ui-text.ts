/**
 * The story station's words (headings, buttons, feedback titles), one file per language:
 * `scenes/shared/story-station/content/ui.<lang>.json`, shared by every story station; a
 * station may overlay some of them with its own `content/ui.<lang>.json`. Organisers fix
 * wording without touching code; a broken file names the file and the field.
 */
import { z } from 'zod';
import { LanguageSchema, type Language } from '../../../electron/bridge/contract.js';
import { baseName, CONTENT_PARSE_OPTIONS, ContentError, fromZodError } from '../content/content-error.js';
import { deepMerge } from '../content/deep.js';
import { parseContentFileName } from '../content/file-name.js';
import type { ContentFile } from '../story/bundle.js';
import { visibleText } from '../story/schema.js';

/** Button labels stay short so they fit a 64 px touch target on one or two lines. */
const label = visibleText(48);
const line = visibleText(120);

export const UiTextFileSchema = z.strictObject({
  lang: LanguageSchema,
  picker: z.strictObject({ title: line, lead: line, minutes: visibleText(20) }),
  check: z.strictObject({
    beforeTitle: line,
    beforeLead: line,
    afterTitle: line,
    afterLead: line,
    start: label,
    skip: label,
    progress: visibleText(40),
    question: line,
    scam: label,
    safe: label,
    /** After the before round: no score and no answers (the before round must not teach). */
    beforeDoneTitle: line,
    beforeDoneLead: line,
    resultTitle: line,
    compare: line,
    /** After the after round: every item of both rounds with its answer and why. */
    reviewTitle: line,
    reviewAfter: visibleText(40),
    reviewBefore: visibleText(40),
    youSaid: visibleText(40),
    correct: visibleText(40),
    wrong: visibleText(40),
    answerScam: line,
    answerSafe: line,
    play: label,
    tryAnother: label,
    done: label,
  }),
  phone: z.strictObject({
    messagesLabel: line,
    online: visibleText(40),
    incomingCall: visibleText(40),
    calling: visibleText(40),
    callEnded: visibleText(40),
    videoCall: visibleText(40),
    youDid: visibleText(30),
    address: visibleText(40),
    you: visibleText(20),
    typing: line,
    waiting: line,
    showNow: label,
    countdown: visibleText(40),
    timeUp: visibleText(40),
    lockHint: line,
    today: visibleText(30),
    ended: line,
    linkNote: line,
  }),
  play: z.strictObject({
    question: line,
    spotted: visibleText(40),
    missed: visibleText(40),
    alsoHere: visibleText(40),
    safeChoice: visibleText(40),
    riskyChoice: visibleText(40),
    neutralChoice: visibleText(40),
    timedOut: line,
    /** After a risky step in a sensitive story: calm, never "Careful!". */
    calmChoice: visibleText(40),
    continue: label,
  }),
  debrief: z.strictObject({
    outcomeSafe: visibleText(30),
    outcomeRescued: visibleText(30),
    outcomeHarmed: visibleText(30),
    score: visibleText(40),
    whatHappened: visibleText(60),
    flags: visibleText(60),
    spotted: visibleText(30),
    missed: visibleText(30),
    safeAction: visibleText(60),
    help: visibleText(60),
    hotline111: line,
    hotline113: line,
    /** The sign under a debrief that scrolls: there is more below the fold. */
    moreBelow: label,
    retry: label,
    another: label,
    checkAgain: label,
    done: label,
    /** "You spotted {{spotted}} of {{total}} signs". */
    count: line,
    more: label,
    less: label,
    /** The flags' heading in sensitive stories (no spotted/missed). */
    signs: visibleText(60),
    /** The first line of a sensitive story's debrief. */
    sensitiveLead: visibleText(200),
  }),
  /** The forewarning card before the first story: the three tactics, icon and one line each. */
  forewarn: z.strictObject({ title: line, lead: line, start: label }),
  /** The content note before a sensitive story, with a way back. */
  note: z.strictObject({ title: line, start: label, back: label }),
  errors: z.strictObject({ content: line }),
  /**
   * Care mode, for stories about kidnapping, grooming or sextortion (LEARNING-DESIGN §2): a
   * station that gives this section gets a content note before anything starts (with a way
   * back to the hub), no score, calm feedback on a risky step (no shake, no buzzer, no red
   * crosses), flags shown as "signs to remember", and a debrief that opens with `debriefLead`,
   * then the official advice, with 113 before 111. Absent: the station plays as before.
   */
  care: z
    .strictObject({
      noteTitle: visibleText(60),
      /** What the stories contain, one short line each. */
      note: z.array(visibleText(140)).min(1).max(5),
      noteStart: label,
      noteBack: label,
      /** The debrief's first line: real help at the stand, and that it is never the victim's fault. */
      debriefLead: visibleText(200),
      adviceTitle: visibleText(60),
      /** The official advice, one short line each. */
      advice: z.array(visibleText(140)).min(1).max(5),
    })
    .optional(),
});

export type UiText = z.infer<typeof UiTextFileSchema>;
export type UiTexts = Readonly<Record<Language, UiText>>;

/**
 * Validates one `ui.<lang>.json`.
 * @throws ContentError naming the file and every broken field
 */
export function loadUiText(json: unknown, fileName: string): UiText {
  const name = baseName(fileName);
  const expected = parseContentFileName(name);
  if (expected.id !== 'ui') {
    throw new ContentError(name, [{ path: '', message: 'station text must be named "ui.<vi|en>.json"' }]);
  }
  const parsed = UiTextFileSchema.safeParse(json, CONTENT_PARSE_OPTIONS);
  if (!parsed.success) throw new ContentError(name, fromZodError(parsed.error));
  if (parsed.data.lang !== expected.lang) {
    throw new ContentError(name, [
      { path: 'lang', message: `"${parsed.data.lang}" does not match the file name` },
    ]);
  }
  return parsed.data;
}

const UI_FILE = /(^|[\\/])ui\.(vi|en)\.json$/;

function uiFiles(files: readonly ContentFile[]): Partial<Record<Language, ContentFile>> {
  const found: Partial<Record<Language, ContentFile>> = {};
  for (const file of files) {
    const match = UI_FILE.exec(file.fileName);
    if (match?.[2] === 'vi' || match?.[2] === 'en') found[match[2]] = file;
  }
  return found;
}

/**
 * Both languages' station text: the shared words of every story station (`files`, from
 * scenes/shared/story-station/content), each overlaid by a station's own `ui.<lang>.json`
 * in `overrides`, which may give only the words it changes. Other files are ignored.
 * @throws ContentError for a broken or missing file (an override's error names the override)
 */
export function loadUiTexts(files: readonly ContentFile[], overrides: readonly ContentFile[] = []): UiTexts {
  const base = uiFiles(files);
  const own = uiFiles(overrides);
  const load = (lang: Language): UiText => {
    const file = base[lang];
    if (!file) throw new ContentError(`ui.${lang}.json`, [{ path: '', message: 'is missing' }]);
    const override = own[lang];
    if (!override) return loadUiText(file.json, file.fileName);
    return loadUiText(deepMerge(file.json, override.json), override.fileName);
  };
  const texts = { vi: load('vi'), en: load('en') };
  // Care mode changes how the station behaves, not just its words: both languages must agree.
  if ((texts.vi.care === undefined) !== (texts.en.care === undefined)) {
    const without = texts.vi.care === undefined ? 'vi' : 'en';
    throw new ContentError(`ui.${without}.json`, [
      { path: 'care', message: 'is given in one language only (give it in both ui files, or in neither)' },
    ]);
  }
  return texts;
}

/** Fills `{{name}}` placeholders; an unknown placeholder is left visible so a typo shows in review. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : match,
  );
}
