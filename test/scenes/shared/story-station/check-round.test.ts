import { describe, expect, it } from 'vitest';
import { loadContent, seededRng } from '../../../../scenes/shared/story/index.js';
import {
  advance,
  answer,
  CHECK_SIZE,
  currentAnswer,
  currentItem,
  hasNext,
  isComplete,
  roundResult,
  startRound,
  translateRound,
} from '../../../../scenes/shared/story-station/check-round.js';
import { allContentFiles } from '../story/helpers.js';

const content = loadContent(allContentFiles());
const pool = content.checks.vi;

describe('check rounds', () => {
  it('draws three items the visitor has not seen yet', () => {
    const seen = new Set(pool.items.slice(0, 10).map((item) => item.id));
    for (let seed = 1; seed <= 20; seed++) {
      const round = startRound('before', pool, seededRng(seed), seen);
      expect(round.items).toHaveLength(CHECK_SIZE);
      for (const item of round.items) expect(seen.has(item.id)).toBe(false);
    }
  });

  it('when nearly everything was seen, still never repeats the before-round items', () => {
    const before = startRound('before', pool, seededRng(7), new Set());
    const beforeIds = before.items.map((item) => item.id);
    const allButTwo = new Set(pool.items.slice(2).map((item) => item.id));
    for (let seed = 1; seed <= 20; seed++) {
      const after = startRound('after', pool, seededRng(seed), allButTwo, beforeIds);
      expect(after.items).toHaveLength(CHECK_SIZE);
      for (const item of after.items) expect(beforeIds).not.toContain(item.id);
    }
  });

  it('records one answer per item, scores against the data, and walks to the end', () => {
    let round = startRound('before', pool, seededRng(3), new Set());
    expect(currentAnswer(round)).toBeUndefined();
    const first = currentItem(round);
    round = answer(round, first.answer);
    // A second tap on the other button does not change a given answer.
    round = answer(round, first.answer === 'scam' ? 'safe' : 'scam');
    expect(currentAnswer(round)).toBe(first.answer);
    expect(hasNext(round)).toBe(true);
    round = advance(round);
    const second = currentItem(round);
    round = answer(round, second.answer === 'scam' ? 'safe' : 'scam');
    round = advance(round);
    expect(isComplete(round)).toBe(false);
    round = answer(round, currentItem(round).answer);
    expect(hasNext(round)).toBe(false);
    expect(advance(round)).toBe(round);
    expect(isComplete(round)).toBe(true);
    expect(roundResult(round)).toEqual({ correct: 2, total: 3 });
  });

  it('keeps ids, answers and position across a language switch; only the wording changes', () => {
    let round = startRound('after', pool, seededRng(11), new Set());
    round = advance(answer(round, 'scam'));
    const english = translateRound(round, content.checks.en);
    expect(english.items.map((item) => item.id)).toEqual(round.items.map((item) => item.id));
    expect(english.index).toBe(1);
    expect(english.answers).toEqual(round.answers);
    expect(english.items[0]?.text).not.toBe(round.items[0]?.text);
  });
});
