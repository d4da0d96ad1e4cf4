import { describe, expect, it } from 'vitest';
import { formItems, loadContent } from '../../../../scenes/shared/story/index.js';
import {
  advance,
  answer,
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
  it('shows a fixed form, its items in file order, the same every time', () => {
    const a = startRound('before', pool, 'A');
    expect(a.form).toBe('A');
    expect(a.items.map((item) => item.id)).toEqual(formItems(pool, 'A').map((item) => item.id));
    expect(startRound('before', pool, 'A').items).toEqual(a.items);
    const b = startRound('after', pool, 'B');
    expect(b.items.some((item) => a.items.includes(item))).toBe(false);
  });

  it('records one answer per item, scores against the data, and walks to the end', () => {
    let round = startRound('before', pool, 'A');
    expect(currentAnswer(round)).toBeUndefined();
    const first = currentItem(round);
    round = answer(round, first.answer);
    // A second tap on the other button does not change a given answer.
    round = answer(round, first.answer === 'scam' ? 'safe' : 'scam');
    expect(currentAnswer(round)).toBe(first.answer);
    round = advance(round);
    round = answer(round, currentItem(round).answer === 'scam' ? 'safe' : 'scam');
    while (hasNext(round)) {
      round = advance(round);
      expect(isComplete(round)).toBe(false);
      round = answer(round, currentItem(round).answer);
    }
    expect(advance(round)).toBe(round);
    expect(isComplete(round)).toBe(true);
    expect(roundResult(round)).toMatchObject({ correct: round.items.length - 1, total: round.items.length });
  });

  it('keeps ids, answers and position across a language switch; only the wording changes', () => {
    let round = startRound('after', pool, 'B');
    round = advance(answer(round, 'scam'));
    const english = translateRound(round, content.checks.en);
    expect(english.items.map((item) => item.id)).toEqual(round.items.map((item) => item.id));
    expect(english.index).toBe(1);
    expect(english.answers).toEqual(round.answers);
    expect(english.items[0]?.text).not.toBe(round.items[0]?.text);
  });
});
