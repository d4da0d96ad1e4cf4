/**
 * Turns runs and check rounds into the anonymous records a story station reports (contract
 * VisitorEventSchema, minus the session and station ids the shell stamps): ids, counts and
 * enums only. The engine knows no station.
 */
import type { StationEvent } from '../../station.js';
import { durationMs, endingOf, missedFlags, spottedFlags, type Run, type Step } from './run.js';
import { scoreOf } from './score.js';
import type { CheckAnswer, CheckForm, CheckItem } from './checks.js';

export type StoryStartEvent = Extract<StationEvent, { type: 'story-start' }>;
export type ChoiceEvent = Extract<StationEvent, { type: 'choice' }>;
export type TimeoutEvent = Extract<StationEvent, { type: 'timeout' }>;
export type ResultEvent = Extract<StationEvent, { type: 'result' }>;
export type CheckEvent = Extract<StationEvent, { type: 'check' }>;
export type CheckAnswerEvent = Extract<StationEvent, { type: 'check-answer' }>;

/** The contract caps a result's duration at one day. */
const MAX_DURATION_MS = 24 * 3600 * 1000;

/** The record that a story began (so stories left before an ending can be counted). */
export function storyStartEvent(run: Run): StoryStartEvent {
  return { type: 'story-start', scenarioId: run.scenario.id };
}

/**
 * The record for one step (the latest one by default): the choice made, or a timeout when
 * the countdown ran out (recorded as itself, not as the choice the story then takes).
 * @throws Error before the first choice
 */
export function stepEvent(
  run: Run,
  step: Step | undefined = run.steps[run.steps.length - 1],
): ChoiceEvent | TimeoutEvent {
  if (!step) throw new Error(`scenario "${run.scenario.id}": no choice made yet`);
  if (step.timedOut) return { type: 'timeout', scenarioId: run.scenario.id, nodeId: step.nodeId };
  return { type: 'choice', scenarioId: run.scenario.id, nodeId: step.nodeId, choiceId: step.choiceId };
}

/**
 * The record for a finished run: outcome, score, duration, red flags spotted and missed.
 * @param nowMs the scene clock now (defaults to the last reading)
 * @throws Error while the run has not ended
 */
export function resultEvent(run: Run, nowMs?: number): ResultEvent {
  const ending = endingOf(run);
  if (!ending) throw new Error(`scenario "${run.scenario.id}": the run has not ended yet`);
  return {
    type: 'result',
    scenarioId: run.scenario.id,
    outcome: ending.kind,
    score: scoreOf(run),
    durationMs: Math.min(MAX_DURATION_MS, durationMs(run, nowMs)),
    redFlagsSpotted: spottedFlags(run),
    redFlagsMissed: missedFlags(run),
  };
}

/** The record of one answer in a "scam or safe?" round (content ids and enums only). */
export function checkAnswerEvent(
  phase: 'before' | 'after',
  form: CheckForm,
  item: CheckItem,
  answer: CheckAnswer,
): CheckAnswerEvent {
  return { type: 'check-answer', phase, form, itemId: item.id, answer, correct: answer === item.answer };
}

/** The record for a finished "scam or safe?" round of one form. */
export function checkEvent(
  phase: 'before' | 'after',
  form: CheckForm,
  result: { correct: number; total: number },
  scenarioId?: string,
): CheckEvent {
  return {
    type: 'check',
    ...(scenarioId === undefined ? {} : { scenarioId }),
    phase,
    form,
    correct: result.correct,
    total: result.total,
  };
}
