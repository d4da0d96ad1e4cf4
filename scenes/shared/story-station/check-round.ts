/**
 * One "scam or safe?" round as a value: the form's items, the answers so far, and which item
 * is on screen. Items are kept by id so a language switch mid-round only swaps the wording.
 */
import {
  formItems,
  scoreCheck,
  translateItems,
  type CheckAnswer,
  type CheckForm,
  type CheckItem,
  type CheckPool,
  type CheckScore,
} from '../story/index.js';

export type CheckPhase = 'before' | 'after';

export interface CheckRound {
  readonly phase: CheckPhase;
  /** The parallel form shown (the after round shows the form the before round did not). */
  readonly form: CheckForm;
  readonly items: readonly CheckItem[];
  readonly answers: Readonly<Record<string, CheckAnswer>>;
  /** Index of the item on screen. */
  readonly index: number;
}

/**
 * A round of one fixed form, its items in the file's order.
 * @throws Error when the pool has no item of that form
 */
export function startRound(phase: CheckPhase, pool: CheckPool, form: CheckForm): CheckRound {
  const items = formItems(pool, form);
  if (items.length === 0) throw new Error(`check round: form ${form} has no items`);
  return { phase, form, items, answers: {}, index: 0 };
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

/** Correct answers out of the items, hits and correct rejections apart. */
export function roundResult(round: CheckRound): CheckScore {
  return scoreCheck(round.items, round.answers);
}

/** The same round with the other language's wording. */
export function translateRound(round: CheckRound, pool: CheckPool): CheckRound {
  return { ...round, items: translateItems(round.items, pool) };
}
