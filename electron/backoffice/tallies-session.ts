/**
 * What the tallies must remember about a visitor session while it is open, to count what
 * only a sequence of records shows: a story started and never finished (abandoned), and the
 * paired before/after learning figure (LEARNING-DESIGN §4: only sessions that finished both
 * rounds, each pair counted once, per station and per form of the before round).
 *
 * Plain data with one zod schema, so the replay checkpoint stores it as it is. A session's
 * state is dropped at its session-end record: memory follows the open sessions, not the journal.
 */
import { z } from 'zod';
import type { CheckForm, LearningSums, RoundSums } from '../bridge/contract.js';

const count = z.int().min(0);

export const AnswerTallySchema = z.object({
  correct: count,
  total: count,
  hits: count,
  scamItems: count,
  correctRejections: count,
  safeItems: count,
});
export type AnswerTally = z.infer<typeof AnswerTallySchema>;

const RoundResultSchema = AnswerTallySchema.extend({ form: z.string() });
type RoundResult = z.infer<typeof RoundResultSchema>;

const StationRoundsSchema = z.object({
  /** Answers of the round in progress, per phase. */
  open: z.object({ before: AnswerTallySchema, after: AnswerTallySchema }),
  before: RoundResultSchema.nullable(),
  after: RoundResultSchema.nullable(),
});
type StationRounds = z.infer<typeof StationRoundsSchema>;

export const SessionStateSchema = z.object({
  /** The story in progress (started, no ending yet), or null. */
  story: z.object({ sceneId: z.string(), scenarioId: z.string() }).nullable(),
  /** Check rounds per station. */
  rounds: z.record(z.string(), StationRoundsSchema),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

/** A fresh session's state. */
export function emptySession(): SessionState {
  return { story: null, rounds: {} };
}

function emptyAnswers(): AnswerTally {
  return { correct: 0, total: 0, hits: 0, scamItems: 0, correctRejections: 0, safeItems: 0 };
}

function roundsOf(state: SessionState, sceneId: string): StationRounds {
  let rounds = Object.hasOwn(state.rounds, sceneId) ? state.rounds[sceneId] : undefined;
  if (rounds === undefined) {
    rounds = { open: { before: emptyAnswers(), after: emptyAnswers() }, before: null, after: null };
    state.rounds[sceneId] = rounds;
  }
  return rounds;
}

/** Counts one answer into the session's open round of that station and phase. */
export function addAnswer(
  state: SessionState,
  sceneId: string,
  phase: 'before' | 'after',
  answer: 'scam' | 'safe',
  correct: boolean,
): void {
  const tally = roundsOf(state, sceneId).open[phase];
  tally.total += 1;
  if (correct) tally.correct += 1;
  // The item's truth follows from the answer and whether it was right.
  const scamItem = (answer === 'scam') === correct;
  if (scamItem) {
    tally.scamItems += 1;
    if (correct) tally.hits += 1;
  } else {
    tally.safeItems += 1;
    if (correct) tally.correctRejections += 1;
  }
}

/** A finished round's result, without per-item answers (records from before answers existed). */
function legacyResult(correct: number, total: number, form: string): RoundResult {
  return { ...emptyAnswers(), correct, total, form };
}

function addRound(sums: RoundSums, result: RoundResult): void {
  sums.score += result.correct / result.total;
  if (result.correct === result.total) sums.ceiling += 1;
  sums.hits += result.hits;
  sums.scamItems += result.scamItems;
  sums.correctRejections += result.correctRejections;
  sums.safeItems += result.safeItems;
}

/**
 * A round finished. The first before round and the first after round that follows it make
 * the session's pair; when the pair is complete it is added to `learningOf(form)` once.
 * Rounds without a form (older records) are never paired: their items were not parallel forms.
 */
export function finishRound(
  state: SessionState,
  sceneId: string,
  round: { phase: 'before' | 'after'; form?: CheckForm | undefined; correct: number; total: number },
  learningOf: (beforeForm: string) => LearningSums,
): void {
  const rounds = roundsOf(state, sceneId);
  const open = rounds.open[round.phase];
  rounds.open[round.phase] = emptyAnswers();
  if (round.form === undefined || round.total === 0) return;
  const result: RoundResult =
    open.total === round.total
      ? { ...open, form: round.form }
      : legacyResult(round.correct, round.total, round.form);
  if (round.phase === 'before') {
    rounds.before ??= result;
    return;
  }
  const before = rounds.before;
  if (before === null || rounds.after !== null) return;
  rounds.after = result;
  const sums = learningOf(before.form);
  sums.sessions += 1;
  addRound(sums.before, before);
  addRound(sums.after, result);
  const gain = result.correct / result.total - before.correct / before.total;
  sums.gain += gain;
  sums.gainSquares += gain * gain;
}
