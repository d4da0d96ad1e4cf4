/**
 * Cross-reference checks on a scenario file that zod alone cannot do: unique ids, known
 * targets, red flags that can be spotted, countdowns with a timeout choice, every node
 * reachable and every path ending. Returns every problem, so organisers fix a file in one go.
 */
import { HELP_LINES as CONTRACT_HELP_LINES } from '../../../electron/bridge/contract.js';
import type { ContentIssue } from '../content/content-error.js';
import { findCycle, reachableFrom } from './graph.js';
import type { NodeFile, ScenarioFile } from './schema.js';

/** Help lines every debrief must point to (child protection, police). */
/** The help line numbers an ending must name (one source: the bridge contract). */
export const HELP_LINES = Object.values(CONTRACT_HELP_LINES);

type Report = (path: string, message: string) => void;

/** All cross-reference problems in a parsed scenario file (empty when it is sound). */
export function checkScenarioFile(file: ScenarioFile): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });

  const firstIndex = new Map<string, number>();
  file.nodes.forEach((node, i) => {
    const first = firstIndex.get(node.id);
    if (first === undefined) firstIndex.set(node.id, i);
    else report(`nodes[${i}].id`, `duplicate node id "${node.id}" (first used at nodes[${first}])`);
  });
  if (!firstIndex.has(file.start)) report('start', `unknown node "${file.start}"`);

  const flagOwner = new Map<string, string>();
  file.nodes.forEach((node, i) => {
    checkNode(node, `nodes[${i}]`, firstIndex, flagOwner, report);
  });
  if (!file.nodes.some((node) => node.ending)) report('nodes', 'the scenario has no ending node');

  if (firstIndex.has(file.start)) {
    const reachable = reachableFrom(file.nodes, file.start);
    file.nodes.forEach((node, i) => {
      if (!reachable.has(node.id))
        report(`nodes[${i}]`, `node "${node.id}" is unreachable from "${file.start}"`);
    });
    const cycle = findCycle(file.nodes, file.start);
    if (cycle) {
      const at = firstIndex.get(cycle[0] ?? '') ?? 0;
      report(`nodes[${at}]`, `cycle ${cycle.join(' → ')}: every path must reach an ending`);
    }
  }
  return issues;
}

function checkNode(
  node: NodeFile,
  at: string,
  nodeIndex: ReadonlyMap<string, number>,
  flagOwner: Map<string, string>,
  report: Report,
): void {
  checkMarks(node, at, report);
  if (node.choices && node.ending) {
    report(at, 'a node has either "choices" (a decision) or "ending", not both');
    return;
  }
  if (node.ending) {
    checkEnding(node, at, report);
    return;
  }
  if (!node.choices) {
    report(at, 'needs "choices" (a decision) or "ending"');
    return;
  }
  if (!node.speaker) report(`${at}.speaker`, 'is required for a decision node');
  if (node.messages.length === 0) report(`${at}.messages`, 'a decision node needs at least one message');
  if (node.choices.length === 0) report(`${at}.choices`, 'needs at least one choice');

  const flagIds = new Set<string>();
  node.redFlags.forEach((flag, j) => {
    const owner = flagOwner.get(flag.id);
    if (owner !== undefined)
      report(`${at}.redFlags[${j}].id`, `duplicate red flag id "${flag.id}" (also in "${owner}")`);
    else flagOwner.set(flag.id, node.id);
    flagIds.add(flag.id);
  });

  const choiceIds = new Set<string>();
  node.choices.forEach((choice, j) => {
    const cat = `${at}.choices[${j}]`;
    if (choiceIds.has(choice.id))
      report(`${cat}.id`, `duplicate choice id "${choice.id}" in node "${node.id}"`);
    choiceIds.add(choice.id);
    if (!nodeIndex.has(choice.next)) report(`${cat}.next`, `unknown node "${choice.next}"`);
    if (choice.risky && choice.spots.length > 0) report(cat, 'a risky choice cannot also spot red flags');
    if (choice.risky && choice.undoes)
      report(`${cat}.undoes`, 'a risky choice cannot undo the risky steps before it');
    choice.spots.forEach((flagId, k) => {
      if (!flagIds.has(flagId)) {
        const known = [...flagIds].join(', ') || 'none';
        report(`${cat}.spots[${k}]`, `unknown red flag "${flagId}" (this node's red flags: ${known})`);
      } else if (choice.spots.indexOf(flagId) !== k) {
        report(`${cat}.spots[${k}]`, `"${flagId}" is listed twice`);
      }
    });
  });

  node.redFlags.forEach((flag, j) => {
    if (!node.choices?.some((choice) => choice.spots.includes(flag.id))) {
      report(`${at}.redFlags[${j}]`, `no choice spots "${flag.id}", so it would always count as missed`);
    }
  });

  checkCountdown(node, at, choiceIds, report);
}

function checkCountdown(node: NodeFile, at: string, choiceIds: ReadonlySet<string>, report: Report): void {
  if (node.countdownSeconds === undefined) {
    if (node.timeoutChoice !== undefined)
      report(`${at}.timeoutChoice`, 'is only allowed with "countdownSeconds"');
    return;
  }
  if (node.timeoutChoice === undefined) {
    report(
      `${at}.timeoutChoice`,
      'is required when "countdownSeconds" is set (what happens when time runs out?)',
    );
  } else if (!choiceIds.has(node.timeoutChoice)) {
    report(`${at}.timeoutChoice`, `unknown choice "${node.timeoutChoice}"`);
  }
  const countdown = node.countdownSeconds;
  node.followUps.forEach((followUp, j) => {
    if (followUp.afterSeconds >= countdown) {
      report(
        `${at}.followUps[${j}].afterSeconds`,
        `must be less than countdownSeconds (${countdown}), or it never shows`,
      );
    }
  });
}

function checkEnding(node: NodeFile, at: string, report: Report): void {
  if (node.redFlags.length > 0)
    report(`${at}.redFlags`, 'an ending cannot have red flags (nothing can spot them)');
  if (node.followUps.length > 0) report(`${at}.followUps`, 'an ending cannot have follow-ups');
  if (node.countdownSeconds !== undefined)
    report(`${at}.countdownSeconds`, 'an ending cannot have a countdown');
  if (node.timeoutChoice !== undefined)
    report(`${at}.timeoutChoice`, 'an ending cannot have a timeout choice');
  if (node.messages.length > 0 && !node.speaker)
    report(`${at}.speaker`, 'is required when an ending shows messages');
  const help = node.ending?.help ?? '';
  if (!HELP_LINES.some((line) => help.includes(line))) {
    report(`${at}.ending.help`, `must mention a help line (${HELP_LINES.join(' or ')})`);
  }
}

/** A mark names a part of the text it marks (so a typo cannot silently mark nothing). */
function checkMarks(node: NodeFile, at: string, report: Report): void {
  const { speaker } = node;
  if (speaker?.mark !== undefined && !speaker.name.includes(speaker.mark))
    report(`${at}.speaker.mark`, `"${speaker.mark}" is not part of the name "${speaker.name}"`);
  node.messages.forEach((message, j) => {
    if (message.kind === 'link' && message.mark !== undefined && !message.url.includes(message.mark))
      report(`${at}.messages[${j}].mark`, `"${message.mark}" is not part of the address "${message.url}"`);
  });
}
