/**
 * The run score, 0–1000, so results compare across scenarios of different lengths:
 * 600 for the share of red flags spotted among those met, 400 for the ending
 * (safe 400, rescued 200, harmed 0), minus 50 per retry.
 */
import { endingOf, missedFlags, spottedFlags, type Run } from './run.js';
import type { EndingKind } from './schema.js';

export const MAX_SCORE = 1000;
const FLAGS_POINTS = 600;
const ENDING_POINTS = 400;
const RETRY_PENALTY = 50;

/** Share of the ending points each ending earns. */
export const ENDING_WEIGHT: Readonly<Record<EndingKind, number>> = { safe: 1, rescued: 0.5, harmed: 0 };

/**
 * The run's score so far (the ending part counts once the run has ended).
 * A run that met no red flags gets the full flag share: nothing was missed.
 */
export function scoreOf(run: Run): number {
  const spotted = spottedFlags(run).length;
  const met = spotted + missedFlags(run).length;
  const flagShare = met === 0 ? 1 : spotted / met;
  const ending = endingOf(run);
  const endingShare = ending ? ENDING_WEIGHT[ending.kind] : 0;
  const raw = FLAGS_POINTS * flagShare + ENDING_POINTS * endingShare - RETRY_PENALTY * run.retries;
  return Math.min(MAX_SCORE, Math.max(0, Math.round(raw)));
}
