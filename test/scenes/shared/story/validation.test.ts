/**
 * Broken copies of real content must be rejected with an error that names the file and the
 * exact field, so an organiser editing JSON by hand knows what to fix.
 */
import { describe, expect, it } from 'vitest';
import {
  ContentBundleError,
  ContentError,
  loadContent,
  loadScenario,
  loadTactics,
  validateScenarioPair,
} from '../../../../scenes/shared/story/index.js';
import { allContentFiles, at, loadFile, readJson, scenarioCopy, type ScenarioJson } from './helpers.js';

const FILE = 'otp-bank.en.json';

/** Loads a broken copy and returns the error it raised (failing if it loads). */
function errorFor(json: unknown, fileName = FILE): ContentError {
  try {
    loadScenario(json, fileName);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the broken copy to be rejected');
}

function decisionAt(json: ScenarioJson, index: number) {
  const node = at(json.nodes, index);
  if (!node.choices) throw new Error(`fixture node ${index} is not a decision`);
  return { node, choices: node.choices };
}

describe('scenario validation names the file and the field', () => {
  it('accepts the untouched file', () => {
    expect(() => loadScenario(scenarioCopy(FILE), FILE)).not.toThrow();
  });

  it('rejects a dangling "next"', () => {
    const json = scenarioCopy(FILE);
    at(decisionAt(json, 0).choices, 1).next = 'nowhere';
    expect(errorFor(json).message).toContain(`${FILE}: nodes[0].choices[1].next: unknown node "nowhere"`);
  });

  it('rejects a message with its text missing', () => {
    const json = scenarioCopy(FILE);
    Reflect.deleteProperty(at(at(json.nodes, 0).messages, 1), 'text');
    const error = errorFor(json);
    expect(error.message).toContain(`${FILE}: nodes[0].messages[1].text: is required`);
    expect(error.issues).toEqual([{ path: 'nodes[0].messages[1].text', message: 'is required' }]);
  });

  it('rejects empty text', () => {
    const json = scenarioCopy(FILE);
    at(decisionAt(json, 1).choices, 0).label = '   ';
    expect(errorFor(json).message).toContain(`${FILE}: nodes[1].choices[0].label: must not be empty`);
  });

  it('rejects an unknown tactic', () => {
    const json = scenarioCopy(FILE);
    Object.assign(at(at(json.nodes, 0).redFlags, 2), { tactic: 'bribery' });
    expect(errorFor(json).message).toMatch(
      /^otp-bank\.en\.json: nodes\[0\]\.redFlags\[2\]\.tactic: .*threat/m,
    );
  });

  it('rejects an unknown field (typo protection)', () => {
    const json = scenarioCopy(FILE);
    Object.assign(at(json.nodes, 0), { choises: [] });
    expect(errorFor(json).message).toContain(`${FILE}: nodes[0]: Unrecognized key: "choises"`);
  });

  it('rejects a bubble that is too long for the screen', () => {
    const json = scenarioCopy(FILE);
    const message = at(at(json.nodes, 0).messages, 1);
    Object.assign(message, { text: 'x'.repeat(400) });
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[0].messages[1].text: must be at most 160 characters`,
    );
  });

  it('rejects duplicate node ids', () => {
    const json = scenarioCopy(FILE);
    at(json.nodes, 2).id = at(json.nodes, 1).id;
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[2].id: duplicate node id "fake-site" (first used at nodes[1])`,
    );
  });

  it('rejects duplicate choice ids within a node', () => {
    const json = scenarioCopy(FILE);
    const { choices } = decisionAt(json, 0);
    at(choices, 2).id = at(choices, 1).id;
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[0].choices[2].id: duplicate choice id "check-app"`,
    );
  });

  it('rejects an unreachable node', () => {
    const json = scenarioCopy(FILE);
    const lastEnding = at(json.nodes, json.nodes.length - 1).ending;
    if (!lastEnding) throw new Error('fixture: the last node should be an ending');
    json.nodes.push({ id: 'orphan', ending: { ...lastEnding } });
    expect(errorFor(json).message).toContain(`nodes[${json.nodes.length - 1}]: node "orphan" is unreachable`);
  });

  it('rejects a cycle (a path that never ends)', () => {
    const json = scenarioCopy(FILE);
    // call-pressure (nodes[4]) -> scam-call (nodes[3]) -> call-pressure …
    at(decisionAt(json, 4).choices, 3).next = 'scam-call';
    expect(errorFor(json).message).toMatch(/nodes\[3\]: cycle scam-call → call-pressure → scam-call/);
  });

  it('rejects a choice that spots a red flag the node does not have', () => {
    const json = scenarioCopy(FILE);
    at(decisionAt(json, 0).choices, 2).spots = ['rf-made-up'];
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[0].choices[2].spots[0]: unknown red flag "rf-made-up"`,
    );
  });

  it('rejects a red flag no choice can spot (it would always count as missed)', () => {
    const json = scenarioCopy(FILE);
    at(decisionAt(json, 0).choices, 2).spots = [];
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[0].redFlags[0]: no choice spots "rf-free-prize"`,
    );
  });

  it('rejects a risky choice that also spots a flag', () => {
    const json = scenarioCopy(FILE);
    const choice = at(decisionAt(json, 0).choices, 0);
    choice.spots = ['rf-free-prize'];
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[0].choices[0]: a risky choice cannot also spot red flags`,
    );
  });

  it('rejects a countdown without a timeout choice, and a timeout choice that does not exist', () => {
    const json = scenarioCopy(FILE);
    Reflect.deleteProperty(at(json.nodes, 2), 'timeoutChoice');
    at(json.nodes, 4).timeoutChoice = 'ghost';
    const message = errorFor(json).message;
    expect(message).toContain(`${FILE}: nodes[2].timeoutChoice: is required when "countdownSeconds" is set`);
    expect(message).toContain(`${FILE}: nodes[4].timeoutChoice: unknown choice "ghost"`);
  });

  it('rejects a follow-up that would arrive after the countdown ends', () => {
    const json = scenarioCopy(FILE);
    at(json.nodes, 2).followUps = [{ afterSeconds: 40, message: { kind: 'text', text: 'Too late' } }];
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[2].followUps[0].afterSeconds: must be less than`,
    );
  });

  it('rejects an ending whose help text gives no help line', () => {
    const json = scenarioCopy(FILE);
    const end = at(json.nodes, 5).ending;
    if (!end) throw new Error('fixture node 5 is not an ending');
    end.help = 'Tell someone.';
    expect(errorFor(json).message).toContain(
      `${FILE}: nodes[5].ending.help: must mention a help line (111 or 113)`,
    );
  });

  it('rejects a node that is both a decision and an ending, and one that is neither', () => {
    const json = scenarioCopy(FILE);
    Object.assign(at(json.nodes, 1), { ending: at(json.nodes, 5).ending });
    Reflect.deleteProperty(at(json.nodes, 2), 'choices');
    const message = errorFor(json).message;
    expect(message).toContain(
      `${FILE}: nodes[1]: a node has either "choices" (a decision) or "ending", not both`,
    );
    expect(message).toContain(`${FILE}: nodes[2]: needs "choices" (a decision) or "ending"`);
  });

  it('rejects a file whose name does not match its id or language', () => {
    expect(errorFor(scenarioCopy(FILE), 'task-scam.en.json').message).toContain(
      'task-scam.en.json: id: "otp-bank" does not match the file name',
    );
    expect(errorFor(scenarioCopy(FILE), 'otp-bank.vi.json').message).toContain(
      'otp-bank.vi.json: lang: "en" does not match the file name',
    );
    expect(errorFor(scenarioCopy(FILE), 'otp-bank.json').message).toContain(
      'otp-bank.json: file name must look like',
    );
  });

  it('uses the base name when given a path, and reports non-objects plainly', () => {
    expect(errorFor('not json', '../content/scenarios/otp-bank.en.json').message).toMatch(
      /^otp-bank\.en\.json: Invalid input: expected object/,
    );
  });

  it('lists every problem at once, one per line', () => {
    const json = scenarioCopy(FILE);
    at(decisionAt(json, 0).choices, 0).next = 'x';
    at(decisionAt(json, 1).choices, 0).next = 'y';
    const error = errorFor(json);
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    expect(error.message.split('\n').every((line) => line.startsWith(`${FILE}: `))).toBe(true);
  });
});

describe('language pairs', () => {
  const vi = loadFile('otp-bank.vi.json');

  function pairError(en: unknown): string {
    try {
      validateScenarioPair(vi, loadScenario(en, FILE));
    } catch (error) {
      if (error instanceof ContentError) return error.message;
      throw error;
    }
    throw new Error('expected the pair to be rejected');
  }

  it('rejects a different choice target in one language', () => {
    const en = scenarioCopy(FILE);
    at(decisionAt(en, 0).choices, 1).next = 'fake-site';
    expect(pairError(en)).toContain(
      `${FILE}: nodes[0].choices[1].next: is "fake-site" but otp-bank.vi.json has "scam-call"`,
    );
  });

  it('rejects a different tactic, timer or delay', () => {
    const en = scenarioCopy(FILE);
    Object.assign(at(at(en.nodes, 0).redFlags, 0), { tactic: 'threat' });
    at(en.nodes, 2).countdownSeconds = 25;
    Object.assign(at(at(en.nodes, 1).messages, 0), { delayMs: 100 });
    const message = pairError(en);
    expect(message).toContain('nodes[0].redFlags[0].tactic: is "threat" but otp-bank.vi.json has "luring"');
    expect(message).toContain('nodes[2].countdownSeconds: is 25');
    expect(message).toContain('nodes[1].messages[0].delayMs: is 100');
  });

  it('rejects a missing message in one language', () => {
    const en = scenarioCopy(FILE);
    at(en.nodes, 0).messages?.pop();
    expect(pairError(en)).toContain(`${FILE}: nodes[0].messages: has 3 items but otp-bank.vi.json has 4`);
  });

  it('accepts different wording', () => {
    const en = scenarioCopy(FILE);
    at(decisionAt(en, 0).choices, 0).label = 'Something else entirely';
    expect(() => {
      validateScenarioPair(vi, loadScenario(en, FILE));
    }).not.toThrow();
  });

  it('rejects swapped languages', () => {
    const en = loadFile(FILE);
    expect(() => {
      validateScenarioPair(en, vi);
    }).toThrow(/must be Vietnamese/);
  });
});

describe('tactics files', () => {
  it('load, and reject a missing tactic with file and field', () => {
    expect(loadTactics(readJson('tactics.vi.json'), 'tactics.vi.json').tactics.threat.name).toBe('Đe dọa');
    const broken = structuredClone(readJson('tactics.en.json')) as { tactics: Record<string, unknown> };
    Reflect.deleteProperty(broken.tactics, 'luring');
    expect(() => loadTactics(broken, 'tactics.en.json')).toThrow(
      'tactics.en.json: tactics.luring: is required',
    );
  });
});

describe('the content bundle', () => {
  it('reports every broken or missing file at once and loses nothing else', () => {
    const files = allContentFiles().filter((file) => !file.fileName.endsWith('task-scam.en.json'));
    const broken = files.map((file) => {
      if (!file.fileName.endsWith('grooming.vi.json')) return file;
      const json = structuredClone(file.json) as ScenarioJson;
      at(decisionAt(json, 0).choices, 0).next = 'nowhere';
      return { ...file, json };
    });
    let caught: unknown;
    try {
      loadContent(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContentBundleError);
    const error = caught as ContentBundleError;
    expect(error.errors.map((e) => e.fileName).sort()).toEqual(['grooming.vi.json', 'task-scam.en.json']);
    expect(error.message).toContain('grooming.vi.json: nodes[0].choices[0].next: unknown node "nowhere"');
    expect(error.message).toContain('task-scam.en.json: is missing');
    // The input was not modified by the failed load.
    expect(allContentFiles().find((f) => f.fileName.endsWith('grooming.vi.json'))?.json).toEqual(
      files.find((f) => f.fileName.endsWith('grooming.vi.json'))?.json,
    );
  });

  it('requires the tactics and check files', () => {
    const files = allContentFiles().filter((file) => !file.fileName.startsWith('checks.'));
    expect(() => loadContent(files)).toThrow(
      /checks\.vi\.json: is missing[\s\S]*checks\.en\.json: is missing/,
    );
  });
});
