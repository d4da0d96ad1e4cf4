/**
 * The learning figure organisers defend: from the paired sums in the tallies, the mean share
 * right before and right after playing, the mean paired gain with its 95% interval, hit and
 * correct-rejection rates apart (over-suspicion of real messages is a known side effect), and
 * the share of sessions already at ceiling. Immediate only: nothing here measures retention.
 *
 * Isomorphic and pure: the staff panel, the CSV, the HTML report and the merge all call it.
 */
import type { LearningSums, RoundSums } from './tallies-contract.js';

/** Two-sided 97.5% quantiles of Student's t for 1–30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
] as const;

/** The t quantile for a 95% interval with `df` degrees of freedom (1.96 beyond 120). */
export function tQuantile95(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= T_975.length) return T_975[df - 1] ?? 1.96;
  if (df <= 60) return 2.0;
  if (df <= 120) return 1.98;
  return 1.96;
}

export interface RoundSummary {
  /** Mean share of items answered right, 0–1. */
  mean: number;
  /** Scam items recognised as scams, 0–1 (null without scam items). */
  hitRate: number | null;
  /** Safe items recognised as safe, 0–1 (null without safe items). */
  correctRejectionRate: number | null;
  /** Share of sessions with every item right. */
  ceilingShare: number;
}

export interface LearningSummary {
  /** Sessions with both rounds. */
  sessions: number;
  before: RoundSummary;
  after: RoundSummary;
  /** Mean paired gain (after − before), as a share, −1 to 1. */
  gain: number;
  /** 95% interval of the mean gain; null with fewer than two sessions. */
  gainLow: number | null;
  gainHigh: number | null;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function round(sums: RoundSums, sessions: number): RoundSummary {
  return {
    mean: sums.score / sessions,
    hitRate: ratio(sums.hits, sums.scamItems),
    correctRejectionRate: ratio(sums.correctRejections, sums.safeItems),
    ceilingShare: sums.ceiling / sessions,
  };
}

/** The summary of paired sums, or null when no session took both rounds. */
export function summarizeLearning(sums: LearningSums): LearningSummary | null {
  const n = sums.sessions;
  if (n === 0) return null;
  const gain = sums.gain / n;
  let gainLow: number | null = null;
  let gainHigh: number | null = null;
  if (n >= 2) {
    const variance = Math.max(0, (sums.gainSquares - n * gain * gain) / (n - 1));
    const half = tQuantile95(n - 1) * Math.sqrt(variance / n);
    gainLow = gain - half;
    gainHigh = gain + half;
  }
  return { sessions: n, before: round(sums.before, n), after: round(sums.after, n), gain, gainLow, gainHigh };
}

/** Empty sums, to start counting. */
export function emptyLearningSums(): LearningSums {
  const empty = (): RoundSums => ({
    score: 0,
    ceiling: 0,
    hits: 0,
    scamItems: 0,
    correctRejections: 0,
    safeItems: 0,
  });
  return { sessions: 0, before: empty(), after: empty(), gain: 0, gainSquares: 0 };
}

/** A share 0–1 as a whole-percent number with one decimal (for tables), or null. */
export function sharePct(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}
