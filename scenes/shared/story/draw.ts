/** The items of a "scam or safe?" round and its score. Pure. */
import type { CheckAnswer, CheckItem, CheckPool } from './checks.js';

export { seededRng, type Rng } from '../seeded-rng.js';

/** The same items (by id and order) in another language's pool, for a mid-round language switch. */
export function translateItems(items: readonly CheckItem[], pool: CheckPool): CheckItem[] {
  return items.map((item) => {
    const match = pool.items.find((candidate) => candidate.id === item.id);
    if (!match) throw new Error(`translateItems: "${item.id}" is not in the ${pool.lang} pool`);
    return match;
  });
}

/** A round's score, with scams and safe items apart (hits and correct rejections). */
export interface CheckScore {
  correct: number;
  total: number;
  hits: number;
  scamItems: number;
  correctRejections: number;
  safeItems: number;
}

/**
 * Scores a round: an unanswered item counts as wrong.
 * @param answers the visitor's answer per item id
 * @throws Error for an empty round or answers to items that were not in it
 */
export function scoreCheck(
  items: readonly CheckItem[],
  answers: Readonly<Record<string, CheckAnswer>>,
): CheckScore {
  if (items.length === 0) throw new Error('scoreCheck: a round needs at least one item');
  const ids = new Set(items.map((item) => item.id));
  const stray = Object.keys(answers).filter((id) => !ids.has(id));
  if (stray.length > 0)
    throw new Error(`scoreCheck: answers for items not in this round: ${stray.join(', ')}`);
  const right = (item: CheckItem): boolean => answers[item.id] === item.answer;
  const scams = items.filter((item) => item.answer === 'scam');
  const safe = items.filter((item) => item.answer === 'safe');
  return {
    correct: items.filter(right).length,
    total: items.length,
    hits: scams.filter(right).length,
    scamItems: scams.length,
    correctRejections: safe.filter(right).length,
    safeItems: safe.length,
  };
}
