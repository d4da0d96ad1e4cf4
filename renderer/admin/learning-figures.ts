/**
 * The staff panel's learning figures for one station and form, exactly as the tallies compute
 * them (electron/bridge/learning.ts): sessions with both rounds, mean right before → after,
 * the mean paired gain with its 95% interval, hits and correct rejections apart, and the share
 * at ceiling. The check is per station and form, never per scenario, so nothing here is split
 * by scenario. Pure (no DOM, no i18n): the view words the labels.
 */
import type { Language } from '../../electron/bridge/contract.js';
import type { LearningSummary, RoundSummary } from '../../electron/bridge/learning.js';
import { formatCount } from './format.js';

/** The figures in the order the panel lists them (also their locale keys and test ids). */
export const LEARNING_FIGURES = ['sessions', 'mean', 'gain', 'hits', 'rejections', 'ceiling'] as const;
export type LearningFigure = (typeof LEARNING_FIGURES)[number];

/** A share 0–1 as a whole percentage, "—" when unknown. */
function share(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** A gain −1…1 as signed whole percentage points ("+25", "-8", "0"), "—" when unknown. */
function points(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100);
  return `${rounded > 0 ? '+' : ''}${rounded}`;
}

function beforeAfter(summary: LearningSummary, pick: (round: RoundSummary) => number | null): string {
  return `${share(pick(summary.before))} → ${share(pick(summary.after))}`;
}

/**
 * Each figure's text for one summary ("—" for every figure when no session took both
 * rounds). The gain reads "+25 (+12…+38)", the interval "—…—" below two sessions.
 */
export function learningFigures(
  summary: LearningSummary | null,
  language: Language,
): Record<LearningFigure, string> {
  if (summary === null) {
    return { sessions: '0', mean: '—', gain: '—', hits: '—', rejections: '—', ceiling: '—' };
  }
  return {
    sessions: formatCount(summary.sessions, language),
    mean: beforeAfter(summary, (round) => round.mean),
    gain: `${points(summary.gain)} (${points(summary.gainLow)}…${points(summary.gainHigh)})`,
    hits: beforeAfter(summary, (round) => round.hitRate),
    rejections: beforeAfter(summary, (round) => round.correctRejectionRate),
    ceiling: beforeAfter(summary, (round) => round.ceilingShare),
  };
}
