/**
 * Turns runs and check rounds into the anonymous records the station reports
 * (contract VisitorEventSchema, minus the session id the shell adds): ids, counts and enums only.
 */
import type { StationEvent } from '../../station.js';
import { durationMs, endingOf, missedFlags, spottedFlags, type Run, type Step } from './run.js';
import { scoreOf } from './score.js';

/** The scene id this station reports under. */
export const SCAM_SCENE_ID = 'scam';

export type ChoiceEvent = Extract<StationEvent, { type: 'choice' }>;
export type ResultEvent = Extract<StationEvent, { type: 'result' }>;
export type CheckEvent = Extract<StationEvent, { type: 'check' }>;

/** The contract caps a result's duration at one day. */
const MAX_DURATION_MS = 24 * 3600 * 1000;

/**
 * The record for one choice (the latest one by default).
 * @throws Error before the first choice
 */
export function choiceEvent(run: Run, step: Step | undefined = run.steps[run.steps.length - 1]): ChoiceEvent {
  if (!step) throw new Error(`scenario "${run.scenario.id}": no choice made yet`);
  return {
    type: 'choice',
    sceneId: SCAM_SCENE_ID,
    scenarioId: run.scenario.id,
    nodeId: step.nodeId,
    choiceId: step.choiceId,
  };
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
    sceneId: SCAM_SCENE_ID,
    scenarioId: run.scenario.id,
    outcome: ending.kind,
    score: scoreOf(run),
    durationMs: Math.min(MAX_DURATION_MS, durationMs(run, nowMs)),
    redFlagsSpotted: spottedFlags(run),
    redFlagsMissed: missedFlags(run),
  };
}

/** The record for a "scam or safe?" round. */
export function checkEvent(
  phase: 'before' | 'after',
  result: { correct: number; total: number },
  scenarioId?: string,
): CheckEvent {
  return {
    type: 'check',
    sceneId: SCAM_SCENE_ID,
    ...(scenarioId === undefined ? {} : { scenarioId }),
    phase,
    correct: result.correct,
    total: result.total,
  };
}
