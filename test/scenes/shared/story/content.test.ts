/**
 * The real scenario content: every file loads, every node is reachable, every path ends,
 * both languages match, and each scenario is long and varied enough for the station.
 * Graph checks here are written independently of the engine's own validator, so a bug in
 * one cannot hide a content problem.
 */
import { describe, expect, it } from 'vitest';
import { ContentIdSchema } from '../../../../electron/bridge/contract.js';
import {
  allPaths,
  countDecisions,
  estimatePlayTime,
  loadContent,
  TACTICS,
  validateScenarioPair,
  type DecisionNode,
  type Scenario,
  type ScenarioNode,
} from '../../../../scenes/shared/story/index.js';
import { allContentFiles, loadFile, REQUIRED_SCENARIOS, scenarioFileNames, scenarioIds } from './helpers.js';

function byId(scenario: Scenario): Map<string, ScenarioNode> {
  return new Map(scenario.nodes.map((node) => [node.id, node]));
}

function decisions(scenario: Scenario): DecisionNode[] {
  return scenario.nodes.filter((node): node is DecisionNode => node.kind === 'decision');
}

/** Independent bounded DFS: every complete path's ending id; fails on a cycle or a dead end. */
function walkAllPaths(scenario: Scenario, maxDepth = 30): string[][] {
  const nodes = byId(scenario);
  const paths: string[][] = [];
  const walk = (id: string, trail: string[]): void => {
    if (trail.includes(id)) throw new Error(`cycle: ${[...trail, id].join(' > ')}`);
    if (trail.length > maxDepth) throw new Error(`path deeper than ${maxDepth}: ${trail.join(' > ')}`);
    const node = nodes.get(id);
    if (!node) throw new Error(`dead end: "${id}" does not exist (after ${trail.join(' > ')})`);
    if (node.kind === 'ending') {
      paths.push([...trail, id]);
      return;
    }
    if (node.choices.length === 0) throw new Error(`dead end: "${id}" has no choices`);
    for (const choice of node.choices) walk(choice.next, [...trail, id]);
  };
  walk(scenario.start, []);
  return paths;
}

const files = scenarioFileNames();
const ids = scenarioIds();

describe('scenario files', () => {
  it('include the four required scenarios, each in vi and en', () => {
    for (const id of REQUIRED_SCENARIOS) {
      expect(files).toContain(`${id}.vi.json`);
      expect(files).toContain(`${id}.en.json`);
    }
    expect(files).toHaveLength(ids.length * 2);
  });

  it.each(files)('%s loads and validates', (fileName) => {
    const scenario = loadFile(fileName);
    expect(fileName.startsWith(`${scenario.id}.${scenario.lang}.`)).toBe(true);
  });

  it('load together with tactics and checks through the bundle loader', () => {
    const content = loadContent(allContentFiles());
    expect(content.scenarios.map((pair) => pair.id).sort()).toEqual(ids);
  });
});

describe.each(files)('%s structure', (fileName) => {
  const scenario = loadFile(fileName);
  const nodes = byId(scenario);

  it('uses valid, unique content ids', () => {
    const all = [scenario.id, ...scenario.nodes.map((node) => node.id)];
    for (const node of decisions(scenario)) {
      all.push(...node.choices.map((c) => c.id), ...node.redFlags.map((f) => f.id));
    }
    for (const id of all) expect(ContentIdSchema.safeParse(id).success, id).toBe(true);
    expect(new Set(scenario.nodes.map((n) => n.id)).size).toBe(scenario.nodes.length);
  });

  it('has no dangling references', () => {
    expect(nodes.has(scenario.start)).toBe(true);
    for (const node of decisions(scenario)) {
      const flagIds = node.redFlags.map((flag) => flag.id);
      for (const choice of node.choices) {
        expect(nodes.has(choice.next), `${node.id}.${choice.id} -> ${choice.next}`).toBe(true);
        for (const spot of choice.spots) expect(flagIds).toContain(spot);
      }
      if (node.countdownSeconds !== undefined) {
        expect(node.choices.map((c) => c.id)).toContain(node.timeoutChoice);
      }
    }
  });

  it('reaches every node from the start', () => {
    const seen = new Set<string>();
    const queue = [scenario.start];
    while (queue.length > 0) {
      const id = queue.shift() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      const node = nodes.get(id);
      if (node?.kind === 'decision') queue.push(...node.choices.map((c) => c.next));
    }
    expect([...seen].sort()).toEqual(scenario.nodes.map((n) => n.id).sort());
  });

  it('ends every path (bounded DFS, no cycles, no dead ends)', () => {
    const paths = walkAllPaths(scenario);
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) expect(nodes.get(path[path.length - 1] ?? '')?.kind).toBe('ending');
    // The engine's own enumeration agrees with the independent one.
    expect(allPaths(scenario)).toHaveLength(paths.length);
  });

  it('has at least three decisions on its longest path and two kinds of ending', () => {
    const most = Math.max(...allPaths(scenario).map((path) => countDecisions(scenario, path)));
    expect(most).toBeGreaterThanOrEqual(3);
    const kinds = new Set(
      walkAllPaths(scenario).map((path) => {
        const end = nodes.get(path[path.length - 1] ?? '');
        return end?.kind === 'ending' ? end.ending.kind : 'none';
      }),
    );
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    expect(kinds.has('none')).toBe(false);
  });

  it('offers a way out and a mistake: a safe ending and at least one risky choice', () => {
    const endings = scenario.nodes.flatMap((n) => (n.kind === 'ending' ? [n.ending.kind] : []));
    expect(endings).toContain('safe');
    expect(decisions(scenario).some((node) => node.choices.some((c) => c.risky))).toBe(true);
  });

  it('points every debrief to help (111 or 113) and names the safe action', () => {
    for (const node of scenario.nodes) {
      if (node.kind !== 'ending') continue;
      expect(node.ending.help).toMatch(/\b11[13]\b/);
      expect(node.ending.whatHappened.length).toBeGreaterThan(30);
      expect(node.ending.safeAction.length).toBeGreaterThan(30);
    }
  });

  it('tags red flags with the A05 tactics, using at least two of them', () => {
    const used = new Set(decisions(scenario).flatMap((node) => node.redFlags.map((flag) => flag.tactic)));
    for (const tactic of used) expect(TACTICS).toContain(tactic);
    expect(used.size).toBeGreaterThanOrEqual(2);
  });

  // At a child's pace (8 characters a second), with the push-again steps of §2; the picker
  // shows each story's own range from the same estimate, so what it says stays true.
  it('is estimated at 2–4.5 minutes on average, no path over 6 or under 1', () => {
    const time = estimatePlayTime(scenario);
    expect(time.meanMs).toBeGreaterThanOrEqual(120_000);
    expect(time.meanMs).toBeLessThanOrEqual(270_000);
    expect(time.maxMs).toBeLessThanOrEqual(360_000);
    expect(time.minMs).toBeGreaterThanOrEqual(60_000);
  });
});

describe.each(ids)('%s in both languages', (id) => {
  const vi = loadFile(`${id}.vi.json`);
  const en = loadFile(`${id}.en.json`);

  it('has the same structure (engine check)', () => {
    expect(() => {
      validateScenarioPair(vi, en);
    }).not.toThrow();
  });

  it('has the same nodes, choices and targets (independent check)', () => {
    const shape = (scenario: Scenario) =>
      scenario.nodes.map((node) =>
        node.kind === 'ending'
          ? [node.id, node.ending.kind]
          : [
              node.id,
              node.choices.map((c) => [c.id, c.next, c.risky, c.spots.join()]),
              node.redFlags.map((f) => f.tactic),
            ],
      );
    expect(shape(en)).toEqual(shape(vi));
  });

  it('is actually translated: Vietnamese has diacritics, English text differs', () => {
    const texts = (scenario: Scenario) =>
      scenario.nodes.flatMap((node) =>
        node.kind === 'ending'
          ? [node.ending.title, node.ending.whatHappened, node.ending.safeAction]
          : [...node.messages.map((m) => m.text), ...node.choices.map((c) => c.label)],
      );
    const viTexts = texts(vi);
    const enTexts = texts(en);
    const same = viTexts.filter((text, i) => text === enTexts[i]).length;
    expect(same / viTexts.length).toBeLessThan(0.05);
    const withDiacritics = viTexts.filter((text) => /[à-ỹđ]/i.test(text)).length;
    expect(withDiacritics / viTexts.length).toBeGreaterThan(0.9);
  });
});

describe('the set of scenarios', () => {
  it('covers all three A05 tactics', () => {
    const used = new Set(
      ids.flatMap((id) =>
        decisions(loadFile(`${id}.en.json`)).flatMap((n) => n.redFlags.map((f) => f.tactic)),
      ),
    );
    expect([...used].sort()).toEqual([...TACTICS].sort());
  });

  it('never blames the visitor in a harmed or rescued ending (wording check, vi and en)', () => {
    for (const file of files) {
      const scenario = loadFile(file);
      for (const node of scenario.nodes) {
        if (node.kind !== 'ending' || node.ending.kind === 'safe') continue;
        const text = `${node.ending.whatHappened} ${node.ending.safeAction}`;
        const lang = scenario.lang;
        const notYourFault =
          lang === 'vi'
            ? /(không phải (lỗi )?của bạn|bạn không có lỗi|lỗi là của)/i
            : /(not yours|not your fault|to blame)/i;
        expect(text, `${file} ${node.id}`).toMatch(notYourFault);
      }
    }
  });
});
