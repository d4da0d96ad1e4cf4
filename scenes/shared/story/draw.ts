/** Drawing and scoring a "scam or safe?" round. Pure: randomness comes in as a function. */
import type { Rng } from '../seeded-rng.js';
import type { CheckAnswer, CheckItem, CheckPool } from './checks.js';

export { seededRng, type Rng } from '../seeded-rng.js';

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * Draws `count` distinct items, skipping the ids in `exclude` (the after-check passes the
 * before-check's ids so nothing repeats). When `count` ≥ 2 and both kinds are available the
 * draw holds at least one scam and one safe item, so "always answer scam" cannot score full marks.
 * @throws Error when `count` is not a positive integer or the pool is too small
 */
export function drawCheck(
  pool: CheckPool,
  count = 3,
  rng: Rng = Math.random,
  exclude: readonly string[] = [],
): CheckItem[] {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`drawCheck: count must be a positive integer, got ${count}`);
  const excluded = new Set(exclude);
  const candidates = shuffled(
    pool.items.filter((item) => !excluded.has(item.id)),
    rng,
  );
  if (candidates.length < count) {
    throw new Error(
      `drawCheck: asked for ${count} items but only ${candidates.length} are left after excluding ${excluded.size}`,
    );
  }
  const picked = candidates.slice(0, count);
  if (count >= 2 && picked.every((item) => item.answer === picked[0]?.answer)) {
    const other = candidates.slice(count).find((item) => item.answer !== picked[0]?.answer);
    if (other) picked[Math.floor(rng() * count)] = other;
  }
  return picked;
}

/** The same items (by id and order) in another language's pool, for a mid-round language switch. */
export function translateItems(items: readonly CheckItem[], pool: CheckPool): CheckItem[] {
  return items.map((item) => {
    const match = pool.items.find((candidate) => candidate.id === item.id);
    if (!match) throw new Error(`translateItems: "${item.id}" is not in the ${pool.lang} pool`);
    return match;
  });
}

/**
 * Scores a round: an unanswered item counts as wrong.
 * @param answers the visitor's answer per item id
 * @throws Error for an empty round or answers to items that were not drawn
 */
export function scoreCheck(
  items: readonly CheckItem[],
  answers: Readonly<Record<string, CheckAnswer>>,
): { correct: number; total: number } {
  if (items.length === 0) throw new Error('scoreCheck: a round needs at least one item');
  const ids = new Set(items.map((item) => item.id));
  const stray = Object.keys(answers).filter((id) => !ids.has(id));
  if (stray.length > 0)
    throw new Error(`scoreCheck: answers for items not in this round: ${stray.join(', ')}`);
  const correct = items.filter((item) => answers[item.id] === item.answer).length;
  return { correct, total: items.length };
}
