/**
 * Loading scenarios: parsed JSON + file name in, a validated, frozen Scenario out.
 * Free of Vite-isms on purpose: the phone scene loads the JSON with `import.meta.glob`,
 * the tests with `fs`, and both hand it here.
 */
import {
  baseName,
  CONTENT_PARSE_OPTIONS,
  ContentError,
  fromZodError,
  type ContentIssue,
} from '../content/content-error.js';
import { deepFreeze, skeleton, structuralDiff } from '../content/deep.js';
import { parseContentFileName } from '../content/file-name.js';
import { ScenarioFileSchema, type NodeFile, type Scenario, type ScenarioNode } from './schema.js';
import { checkScenarioFile } from './validate.js';

function toNode(node: NodeFile): ScenarioNode {
  if (node.ending) {
    return {
      kind: 'ending',
      id: node.id,
      ...(node.speaker ? { speaker: node.speaker } : {}),
      messages: node.messages,
      ending: node.ending,
    };
  }
  // validate.ts has already rejected decision nodes without a speaker or choices.
  if (!node.speaker || !node.choices) throw new Error(`node "${node.id}" was not validated`);
  return {
    kind: 'decision',
    id: node.id,
    speaker: node.speaker,
    messages: node.messages,
    followUps: node.followUps,
    ...(node.countdownSeconds === undefined ? {} : { countdownSeconds: node.countdownSeconds }),
    ...(node.timeoutChoice === undefined ? {} : { timeoutChoice: node.timeoutChoice }),
    redFlags: node.redFlags,
    choices: node.choices,
  };
}

/**
 * Validates one scenario file and returns it as a Scenario.
 * @param json the parsed JSON of the file
 * @param fileName its name or path; must be `<scenario-id>.<vi|en>.json` and match the content
 * @throws ContentError listing every problem as `file: field.path: message`
 */
export function loadScenario(json: unknown, fileName: string): Scenario {
  const name = baseName(fileName);
  const expected = parseContentFileName(name);
  const parsed = ScenarioFileSchema.safeParse(json, CONTENT_PARSE_OPTIONS);
  if (!parsed.success) throw new ContentError(name, fromZodError(parsed.error));
  const file = parsed.data;
  const issues: ContentIssue[] = [];
  if (file.id !== expected.id)
    issues.push({ path: 'id', message: `"${file.id}" does not match the file name` });
  if (file.lang !== expected.lang)
    issues.push({ path: 'lang', message: `"${file.lang}" does not match the file name` });
  issues.push(...checkScenarioFile(file));
  if (issues.length > 0) throw new ContentError(name, issues);
  return deepFreeze({
    id: file.id,
    lang: file.lang,
    icon: file.icon,
    accent: file.accent,
    order: file.order,
    title: file.title,
    summary: file.summary,
    ...(file.contentNote === undefined ? {} : { contentNote: file.contentNote }),
    start: file.start,
    nodes: file.nodes.map(toNode),
  });
}

/** Fields that are translated text; everything else must be identical in both languages. */
const TEXT_KEYS: ReadonlySet<string> = new Set([
  'name',
  'detail',
  'text',
  'label',
  'explanation',
  'feedback',
  'title',
  'summary',
  'contentNote',
  'whatHappened',
  'safeAction',
  'help',
  // A parallel thread's sender, and a document's lines (surfaces of the phone).
  'from',
  'lines',
]);
const LANGUAGE_KEYS: ReadonlySet<string> = new Set(['lang']);

/**
 * Checks that the Vietnamese and English versions of a scenario have the same structure:
 * same nodes in the same order, same choice ids and targets, red flags, tactics, timers,
 * delays and endings. Only text may differ. Problems are reported against the English file.
 * @throws ContentError when they differ or the languages are mixed up
 */
export function validateScenarioPair(vi: Scenario, en: Scenario): void {
  const enName = `${en.id}.en.json`;
  const viName = `${vi.id}.vi.json`;
  const issues: ContentIssue[] = [];
  if (vi.lang !== 'vi')
    issues.push({ path: 'lang', message: `the first scenario must be Vietnamese, got "${vi.lang}"` });
  if (en.lang !== 'en')
    issues.push({ path: 'lang', message: `the second scenario must be English, got "${en.lang}"` });
  issues.push(
    ...structuralDiff(skeleton(en, TEXT_KEYS, LANGUAGE_KEYS), skeleton(vi, TEXT_KEYS, LANGUAGE_KEYS), viName),
  );
  if (issues.length > 0) throw new ContentError(enName, issues);
}
