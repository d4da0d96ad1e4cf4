/**
 * One playthrough of a scenario, as an immutable value: every call returns a new Run.
 * The state is only the list of choices made (plus clock readings the scene passes in);
 * the current node, spotted and missed red flags, ending and score are derived from it,
 * which makes "try again from your first mistake" a matter of cutting the list.
 */
import type { Choice, DecisionNode, Ending, RedFlag, Scenario, ScenarioNode } from './schema.js';

/** A choice the visitor made (or the countdown made for them). */
export interface Step {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly risky: boolean;
  /** True when the countdown ran out and chose for the visitor. */
  readonly timedOut: boolean;
  /** Red flags credited by this step (none when it timed out: nobody spotted anything). */
  readonly spotted: readonly string[];
  /** Scene clock when the choice was made, in ms. */
  readonly atMs: number;
}

export interface Run {
  readonly scenario: Scenario;
  readonly steps: readonly Step[];
  /** Scene clock at the start, in ms. */
  readonly startedAtMs: number;
  /** Latest scene clock reading seen, in ms. */
  readonly lastAtMs: number;
  /** How many times the visitor went back to their first mistake. */
  readonly retries: number;
}

/** A misuse of the engine (unknown choice, choosing after the end…), with a clear message. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}

/** The node with this id, or a clear error. */
export function getNode(scenario: Scenario, id: string): ScenarioNode {
  const node = scenario.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new RunError(`scenario "${scenario.id}": no node "${id}"`);
  return node;
}

/** Every red flag of the scenario, by id. */
export function findRedFlag(scenario: Scenario, id: string): RedFlag | undefined {
  for (const node of scenario.nodes) {
    if (node.kind !== 'decision') continue;
    const flag = node.redFlags.find((candidate) => candidate.id === id);
    if (flag) return flag;
  }
  return undefined;
}

/**
 * Starts a run at the scenario's first node.
 * @param startedAtMs the scene's clock now (any monotonic ms clock; 0 by default)
 */
export function createRun(scenario: Scenario, startedAtMs = 0): Run {
  return { scenario, steps: [], startedAtMs, lastAtMs: startedAtMs, retries: 0 };
}

/** The node the visitor is at now. */
export function currentNode(run: Run): ScenarioNode {
  const last = run.steps[run.steps.length - 1];
  if (!last) return getNode(run.scenario, run.scenario.start);
  const from = getNode(run.scenario, last.nodeId);
  const choice = from.kind === 'decision' ? from.choices.find((c) => c.id === last.choiceId) : undefined;
  if (!choice) throw new RunError(`scenario "${run.scenario.id}": step "${last.choiceId}" has no target`);
  return getNode(run.scenario, choice.next);
}

/** True once the run has reached an ending. */
export function isFinished(run: Run): boolean {
  return currentNode(run).kind === 'ending';
}

/** The ending reached, or null while the story goes on. */
export function endingOf(run: Run): Ending | null {
  const node = currentNode(run);
  return node.kind === 'ending' ? node.ending : null;
}

function decisionNode(run: Run, action: string): DecisionNode {
  const node = currentNode(run);
  if (node.kind === 'ending') {
    throw new RunError(`scenario "${run.scenario.id}": cannot ${action}, the run has ended at "${node.id}"`);
  }
  return node;
}

function clock(run: Run, atMs: number | undefined): number {
  if (atMs === undefined) return run.lastAtMs;
  if (!Number.isFinite(atMs) || atMs < run.lastAtMs) {
    throw new RunError(`clock went backwards or is not a number: ${atMs} < ${run.lastAtMs}`);
  }
  return atMs;
}

function advance(
  run: Run,
  node: DecisionNode,
  choice: Choice,
  timedOut: boolean,
  atMs: number | undefined,
): Run {
  const at = clock(run, atMs);
  const step: Step = {
    nodeId: node.id,
    choiceId: choice.id,
    risky: choice.risky,
    timedOut,
    spotted: timedOut ? [] : choice.spots,
    atMs: at,
  };
  return { ...run, steps: [...run.steps, step], lastAtMs: at };
}

/**
 * The visitor picks a choice at the current node.
 * @param atMs the scene's clock now; omitted, the last reading is reused
 * @throws RunError for an unknown choice id or a finished run
 */
export function choose(run: Run, choiceId: string, atMs?: number): Run {
  const node = decisionNode(run, `choose "${choiceId}"`);
  const choice = node.choices.find((candidate) => candidate.id === choiceId);
  if (!choice) {
    const known = node.choices.map((c) => c.id).join(', ');
    throw new RunError(
      `scenario "${run.scenario.id}", node "${node.id}": no choice "${choiceId}" (choices: ${known})`,
    );
  }
  return advance(run, node, choice, false, atMs);
}

/**
 * The countdown ran out: the node's `timeoutChoice` is taken, crediting no red flags.
 * @throws RunError when the current node has no countdown
 */
export function timeOut(run: Run, atMs?: number): Run {
  const node = decisionNode(run, 'time out');
  const choice = node.choices.find((candidate) => candidate.id === node.timeoutChoice);
  if (node.countdownSeconds === undefined || !choice) {
    throw new RunError(`scenario "${run.scenario.id}", node "${node.id}": has no countdown to run out`);
  }
  return advance(run, node, choice, true, atMs);
}

/**
 * The same run in the other language's version of its scenario, for a language switch
 * mid-story. Steps refer to ids only, and a validated pair shares every id.
 * @throws RunError when `scenario` is a different scenario
 */
export function switchScenarioLanguage(run: Run, scenario: Scenario): Run {
  if (scenario.id !== run.scenario.id) {
    throw new RunError(`cannot switch run of "${run.scenario.id}" to scenario "${scenario.id}"`);
  }
  return { ...run, scenario };
}

/** Index of the first risky step, or -1 when the visitor made no mistake. */
export function firstMistakeIndex(run: Run): number {
  return run.steps.findIndex((step) => step.risky);
}

/** Whether "try again from your first mistake" is available. */
export function canRetry(run: Run): boolean {
  return firstMistakeIndex(run) >= 0;
}

/**
 * The run as it was just before the first risky choice: the same node, choices and
 * spotted flags. The clock is not rewound (the result's duration is the visitor's real
 * time at the station) and `retries` counts the retry.
 * @throws RunError when there was no risky choice
 */
export function retryFromFirstMistake(run: Run, atMs?: number): Run {
  const index = firstMistakeIndex(run);
  if (index < 0) throw new RunError(`scenario "${run.scenario.id}": no risky choice to go back to`);
  return { ...run, steps: run.steps.slice(0, index), lastAtMs: clock(run, atMs), retries: run.retries + 1 };
}

/** Ids of the red flags the visitor spotted, in the order spotted. */
export function spottedFlags(run: Run): string[] {
  const out: string[] = [];
  for (const step of run.steps) for (const id of step.spotted) if (!out.includes(id)) out.push(id);
  return out;
}

/** Ids of red flags present in nodes the visitor has passed through but never spotted. */
export function missedFlags(run: Run): string[] {
  const spotted = new Set(spottedFlags(run));
  const out: string[] = [];
  for (const step of run.steps) {
    const node = getNode(run.scenario, step.nodeId);
    if (node.kind !== 'decision') continue;
    for (const flag of node.redFlags) if (!spotted.has(flag.id) && !out.includes(flag.id)) out.push(flag.id);
  }
  return out;
}

/** Time at the station so far: from the start to the latest clock reading (or `nowMs`). */
export function durationMs(run: Run, nowMs?: number): number {
  return Math.max(0, Math.round((nowMs ?? run.lastAtMs) - run.startedAtMs));
}

/** What the scene shows right after a choice: which flags it spotted, which it walked past. */
export interface Feedback {
  readonly step: Step;
  readonly choice: Choice;
  readonly spotted: readonly RedFlag[];
  /** Red flags of that node not spotted (yet): the ones to name after a risky choice. */
  readonly missed: readonly RedFlag[];
}

/** Feedback for the latest choice, or null before the first one. */
export function lastFeedback(run: Run): Feedback | null {
  const step = run.steps[run.steps.length - 1];
  if (!step) return null;
  const node = getNode(run.scenario, step.nodeId);
  if (node.kind !== 'decision') return null;
  const choice = node.choices.find((candidate) => candidate.id === step.choiceId);
  if (!choice) return null;
  const spottedSoFar = new Set(spottedFlags(run));
  return {
    step,
    choice,
    spotted: node.redFlags.filter((flag) => step.spotted.includes(flag.id)),
    missed: node.redFlags.filter((flag) => !spottedSoFar.has(flag.id)),
  };
}
