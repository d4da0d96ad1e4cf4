/**
 * One "scam or safe?" round as a value: the drawn items, the answers so far, and which item
 * is on screen. Items are kept by id so a language switch mid-round only swaps the wording.
 */
import {
  drawCheck,
  scoreCheck,
  translateItems,
  type CheckAnswer,
  type CheckItem,
  type CheckPool,
  type Rng,
} from '../story/index.js';

export type CheckPhase = 'before' | 'after';

/** Items per round (the issue: a three-question check). */
export const CHECK_SIZE = 3;

export interface CheckRound {
  readonly phase: CheckPhase;
  readonly items: readonly CheckItem[];
  readonly answers: Readonly<Record<string, CheckAnswer>>;
  /** Index of the item on screen. */
  readonly index: number;
}

/**
 * Draws a round, avoiding every id in `seen` (all items this visitor has already judged). When
 * too few unseen items are left it only avoids `mustAvoid` (the before-round's items), so the
 * after-check never repeats the before-check.
 */
export function startRound(
  phase: CheckPhase,
  pool: CheckPool,
  rng: Rng,
  seen: ReadonlySet<string>,
  mustAvoid: readonly string[] = [],
): CheckRound {
  const unseen = pool.items.filter((item) => !seen.has(item.id)).length;
  const exclude = unseen >= CHECK_SIZE ? [...seen] : [...mustAvoid];
  return { phase, items: drawCheck(pool, CHECK_SIZE, rng, exclude), answers: {}, index: 0 };
}

/** The item on screen. */
export function currentItem(round: CheckRound): CheckItem {
  const item = round.items[round.index];
  if (!item) throw new Error(`check round: no item at ${round.index}`);
  return item;
}

/** The visitor's answer to the item on screen, if given. */
export function currentAnswer(round: CheckRound): CheckAnswer | undefined {
  return round.answers[currentItem(round).id];
}

/** Records the answer to the item on screen; a second answer to the same item is ignored. */
export function answer(round: CheckRound, value: CheckAnswer): CheckRound {
  const item = currentItem(round);
  if (round.answers[item.id] !== undefined) return round;
  return { ...round, answers: { ...round.answers, [item.id]: value } };
}

/** Moves to the next item; false when this was the last one. */
export function hasNext(round: CheckRound): boolean {
  return round.index + 1 < round.items.length;
}

export function advance(round: CheckRound): CheckRound {
  return hasNext(round) ? { ...round, index: round.index + 1 } : round;
}

/** True once every item has an answer. */
export function isComplete(round: CheckRound): boolean {
  return round.items.every((item) => round.answers[item.id] !== undefined);
}

/** Correct answers out of the items. */
export function roundResult(round: CheckRound): { correct: number; total: number } {
  return scoreCheck(round.items, round.answers);
}

/** The same round with the other language's wording. */
export function translateRound(round: CheckRound, pool: CheckPool): CheckRound {
  return { ...round, items: translateItems(round.items, pool) };
}
