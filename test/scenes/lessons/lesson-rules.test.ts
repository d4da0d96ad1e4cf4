/**
 * The lesson rules of LEARNING-DESIGN §1–2 that a machine can check, over every scenario file
 * of every station (found on disk, so a new story station is checked without touching this
 * test), in both languages:
 * - no safe ending after a risky step left unresolved: a later choice must undo it (`undoes`:
 *   cancel, tell an adult), or the path ends "rescued" or "harmed";
 * - at least three real decisions (nodes with two or more choices) on every path;
 * - a countdown that runs out is never a failure (its choice is not risky, does not end harmed)
 *   and never the lesson (it does not end safe either: the scammer pushes again);
 * - text limits per panel, in syllables (Vietnamese) or words (English).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allPaths,
  countDecisions,
  getNode,
  loadScenario,
  type Scenario,
} from '../../../scenes/shared/story/index.js';
import { LIMITS, syllables } from '../../../scenes/shared/story/lesson-limits.js';

const SCENES = fileURLToPath(new URL('../../../scenes/', import.meta.url));

/** Every `scenes/<station>/content/scenarios/*.json`, as "station/file". */
function scenarioFiles(): { station: string; file: string; full: string }[] {
  const out: { station: string; file: string; full: string }[] = [];
  for (const station of fs.readdirSync(SCENES).sort()) {
    const dir = path.join(SCENES, station, 'content', 'scenarios');
    if (!fs.existsSync(dir)) continue;
    for (const file of fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort())
      out.push({ station, file, full: path.join(dir, file) });
  }
  return out;
}

const files = scenarioFiles();
const load = (full: string, file: string): Scenario =>
  loadScenario(JSON.parse(fs.readFileSync(full, 'utf8')) as unknown, file);

describe('the scenario files found', () => {
  it('include the four scam scenarios in both languages', () => {
    const scam = files.filter((entry) => entry.station === 'scam').map((entry) => entry.file);
    for (const id of ['otp-bank', 'task-scam', 'hacked-friend', 'grooming'])
      for (const lang of ['vi', 'en']) expect(scam).toContain(`${id}.${lang}.json`);
  });
});

describe.each(files.map((entry) => [`${entry.station}/${entry.file}`, entry] as const))('%s', (_, entry) => {
  const scenario = load(entry.full, entry.file);
  const paths = allPaths(scenario);
  const describePath = (p: (typeof paths)[number]): string =>
    `${p.steps.map((step) => `${step.nodeId}:${step.choiceId}`).join(' → ')} → ${p.endingId}`;

  it('reaches a safe ending only when no risky step is left unresolved', () => {
    const wrong = paths.filter((p) => {
      const end = getNode(scenario, p.endingId);
      // A risky step stays unresolved until a later choice undoes it (cancel, tell an adult).
      let unresolved = false;
      for (const step of p.steps) {
        const node = getNode(scenario, step.nodeId);
        const choice =
          node.kind === 'decision' ? node.choices.find((c) => c.id === step.choiceId) : undefined;
        if (choice?.risky) unresolved = true;
        if (choice?.undoes) unresolved = false;
      }
      return end.kind === 'ending' && end.ending.kind === 'safe' && unresolved;
    });
    expect(wrong.map(describePath)).toEqual([]);
  });

  it('has at least three real decisions on every path', () => {
    const short = paths.filter((p) => countDecisions(scenario, p) < 3);
    expect(short.map(describePath)).toEqual([]);
  });

  it('never scores a countdown that ran out as a failure', () => {
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision' || node.timeoutChoice === undefined) continue;
      const choice = node.choices.find((c) => c.id === node.timeoutChoice);
      expect(choice?.risky, `${node.id}: the timeout choice is risky`).toBe(false);
      const next = getNode(scenario, choice?.next ?? '');
      expect(
        next.kind === 'ending' && next.ending.kind === 'harmed',
        `${node.id}: time-out ends harmed`,
      ).toBe(false);
    }
  });

  it('keeps every panel within its reading limit', () => {
    const over: string[] = [];
    const check = (where: string, text: string, limit: number): void => {
      const n = syllables(text);
      if (n > limit) over.push(`${where}: ${n} > ${limit}`);
    };
    const limits = LIMITS[scenario.lang];
    for (const node of scenario.nodes) {
      if (node.kind === 'ending') {
        const { title, whatHappened, safeAction, help } = node.ending;
        check(`${node.id}.whatHappened`, whatHappened, limits.whatHappened);
        check(`${node.id}.safeAction`, safeAction, limits.safeAction);
        check(
          `${node.id} first debrief screen`,
          [title, whatHappened, safeAction, help].join(' '),
          limits.debriefFirstScreen,
        );
        continue;
      }
      for (const flag of node.redFlags) {
        check(`${node.id}.${flag.id}.label`, flag.label, limits.flagLabel);
        check(`${node.id}.${flag.id}.explanation`, flag.explanation, limits.flagExplanation);
      }
      for (const choice of node.choices) {
        if (choice.feedback) check(`${node.id}.${choice.id}.feedback`, choice.feedback, limits.feedback);
        // The instant-feedback panel: the labels of the flags it names and one sentence.
        const named = node.redFlags.map((flag) => flag.label).join(' ');
        check(
          `${node.id}.${choice.id} feedback panel`,
          `${named} ${choice.feedback ?? ''}`,
          limits.feedbackPanel,
        );
      }
    }
    expect(over).toEqual([]);
  });
});
