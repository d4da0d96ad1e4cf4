/**
 * Graph helpers over scenario nodes: reachability, cycles, every complete path.
 * They work on the loose file shape and on validated scenarios alike.
 */
import type { Scenario, ScenarioNode } from './schema.js';

/** The least a graph node needs: an id and, unless it is an ending, choices with targets. */
export interface GraphNode {
  readonly id: string;
  readonly choices?: readonly { readonly id: string; readonly next: string }[] | undefined;
}

function successors(node: GraphNode): string[] {
  return (node.choices ?? []).map((choice) => choice.next);
}

function indexById<N extends GraphNode>(nodes: readonly N[]): Map<string, N> {
  const byId = new Map<string, N>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

/** Ids of every node reachable from `start` (including it), ignoring unknown targets. */
export function reachableFrom(nodes: readonly GraphNode[], start: string): Set<string> {
  const byId = indexById(nodes);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    const node = byId.get(id);
    if (!node) continue;
    seen.add(id);
    stack.push(...successors(node));
  }
  return seen;
}

/**
 * One cycle reachable from `start`, as the list of node ids around it (first id repeated
 * at the end), or null. Scenarios must be acyclic so that every playthrough ends and its
 * length can be estimated.
 */
export function findCycle(nodes: readonly GraphNode[], start: string): string[] | null {
  const byId = indexById(nodes);
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (id: string): string[] | null => {
    const loopAt = onPath.indexOf(id);
    if (loopAt >= 0) return [...onPath.slice(loopAt), id];
    const node = byId.get(id);
    if (done.has(id) || !node) return null;
    onPath.push(id);
    for (const next of successors(node)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(id);
    return null;
  };
  return visit(start);
}

/** One step of a path: the node and the choice made there. */
export interface PathStep {
  readonly nodeId: string;
  readonly choiceId: string;
}

/** A complete playthrough: the choices made and the ending reached. */
export interface ScenarioPath {
  readonly steps: readonly PathStep[];
  readonly endingId: string;
}

/**
 * Every complete path from the start to an ending, by depth-first search.
 * Bounded on purpose: a path deeper than `maxDepth` means a cycle slipped through,
 * and it is reported instead of looping forever.
 */
export function allPaths(scenario: Scenario, maxDepth = 64, maxPaths = 10_000): ScenarioPath[] {
  const byId = indexById<ScenarioNode>(scenario.nodes);
  const paths: ScenarioPath[] = [];
  const walk = (id: string, steps: PathStep[]): void => {
    const node = byId.get(id);
    if (!node) throw new Error(`${scenario.id}: path reaches unknown node "${id}"`);
    if (node.kind === 'ending') {
      if (paths.length >= maxPaths) throw new Error(`${scenario.id}: more than ${maxPaths} paths`);
      paths.push({ steps, endingId: node.id });
      return;
    }
    if (steps.length >= maxDepth) {
      throw new Error(`${scenario.id}: a path is longer than ${maxDepth} steps (a cycle?) at "${id}"`);
    }
    for (const choice of node.choices)
      walk(choice.next, [...steps, { nodeId: node.id, choiceId: choice.id }]);
  };
  walk(scenario.start, []);
  return paths;
}

/** Decisions on a path: steps at nodes offering two or more choices ("continue" is not a decision). */
export function countDecisions(scenario: Scenario, path: ScenarioPath): number {
  const byId = indexById<ScenarioNode>(scenario.nodes);
  return path.steps.filter((step) => {
    const node = byId.get(step.nodeId);
    return node?.kind === 'decision' && node.choices.length >= 2;
  }).length;
}
