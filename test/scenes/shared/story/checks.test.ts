/** The "scam or safe?" pool, draws and scoring. */
import { describe, expect, it } from 'vitest';
import {
  ContentError,
  drawCheck,
  loadCheckPool,
  MIN_CHECK_POOL,
  scoreCheck,
  seededRng,
  translateItems,
  validateCheckPair,
  type CheckAnswer,
  type CheckPool,
} from '../../../../scenes/shared/story/index.js';
import { at, readJson } from './helpers.js';

const vi = loadCheckPool(readJson('checks.vi.json'), 'checks.vi.json');
const en = loadCheckPool(readJson('checks.en.json'), 'checks.en.json');

type PoolJson = { lang: string; items: Record<string, unknown>[] };
const poolCopy = (lang: 'vi' | 'en') => structuredClone(readJson(`checks.${lang}.json`)) as PoolJson;

function poolError(json: unknown, fileName = 'checks.en.json'): string {
  try {
    loadCheckPool(json, fileName);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('expected the pool to be rejected');
}

describe('check pool content', () => {
  it('has at least 20 items per language', () => {
    expect(vi.items.length).toBeGreaterThanOrEqual(MIN_CHECK_POOL);
    expect(en.items.length).toBeGreaterThanOrEqual(MIN_CHECK_POOL);
  });

  it('has the same ids and answers in both languages', () => {
    expect(en.items.map((i) => [i.id, i.answer])).toEqual(vi.items.map((i) => [i.id, i.answer]));
    expect(() => {
      validateCheckPair(vi, en);
    }).not.toThrow();
  });

  it('is about half scam, half safe', () => {
    const scams = vi.items.filter((item) => item.answer === 'scam').length;
    expect(scams / vi.items.length).toBeGreaterThanOrEqual(0.4);
    expect(scams / vi.items.length).toBeLessThanOrEqual(0.6);
  });

  it('is translated (Vietnamese text differs from English)', () => {
    vi.items.forEach((item, i) => {
      expect(item.text).not.toBe(at(en.items, i).text);
      expect(item.why).not.toBe(at(en.items, i).why);
    });
  });
});

describe('check pool validation', () => {
  it('names the file and field for a missing "why"', () => {
    const json = poolCopy('en');
    Reflect.deleteProperty(at(json.items, 3), 'why');
    expect(poolError(json)).toContain('checks.en.json: items[3].why: is required');
  });

  it('rejects an answer other than scam/safe', () => {
    const json = poolCopy('en');
    at(json.items, 0).answer = 'maybe';
    expect(poolError(json)).toMatch(/^checks\.en\.json: items\[0\]\.answer: /m);
  });

  it('rejects duplicate ids and a pool that is too small', () => {
    const dup = poolCopy('en');
    at(dup.items, 5).id = at(dup.items, 4).id;
    expect(poolError(dup)).toContain(
      `checks.en.json: items[5].id: duplicate item id "${String(at(dup.items, 4).id)}"`,
    );
    const small = poolCopy('en');
    small.items = small.items.slice(0, 5);
    expect(poolError(small)).toContain('checks.en.json: items: needs at least 20 items');
  });

  it('rejects a pool under the wrong file name', () => {
    expect(poolError(poolCopy('en'), 'quiz.en.json')).toContain('must be named "checks.<vi|en>.json"');
    expect(poolError(poolCopy('en'), 'checks.vi.json')).toContain(
      'checks.vi.json: lang: "en" does not match',
    );
  });

  it('rejects a pair whose answers differ', () => {
    const json = poolCopy('en');
    const first = at(json.items, 0);
    first.answer = first.answer === 'scam' ? 'safe' : 'scam';
    const changed = loadCheckPool(json, 'checks.en.json');
    expect(() => {
      validateCheckPair(vi, changed);
    }).toThrow(/checks\.en\.json: items\[0\]\.answer: is "(scam|safe)" but checks\.vi\.json has/);
  });
});

describe('drawCheck', () => {
  it('draws distinct items, three by default', () => {
    const items = drawCheck(vi, undefined, seededRng(1));
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const ids = (seed: number) => drawCheck(vi, 3, seededRng(seed)).map((i) => i.id);
    expect(ids(42)).toEqual(ids(42));
    const distinct = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ids(seed).join()));
    expect(distinct.size).toBeGreaterThan(4);
  });

  it('never repeats the before-check in the after-check', () => {
    for (let seed = 0; seed < 200; seed++) {
      const rng = seededRng(seed);
      const before = drawCheck(vi, 3, rng);
      const after = drawCheck(
        vi,
        3,
        rng,
        before.map((i) => i.id),
      );
      const beforeIds = new Set(before.map((i) => i.id));
      expect(after.some((item) => beforeIds.has(item.id))).toBe(false);
    }
  });

  it('always mixes scam and safe items when drawing two or more', () => {
    for (let seed = 0; seed < 300; seed++) {
      const answers = new Set(drawCheck(vi, 3, seededRng(seed)).map((i) => i.answer));
      expect(answers.size).toBe(2);
    }
  });

  it('can draw the whole pool, and refuses more than is left', () => {
    expect(drawCheck(vi, vi.items.length, seededRng(3))).toHaveLength(vi.items.length);
    const exclude = vi.items.slice(0, vi.items.length - 2).map((i) => i.id);
    expect(() => drawCheck(vi, 3, seededRng(3), exclude)).toThrow('asked for 3 items but only 2 are left');
  });

  it('rejects a count that is not a positive integer', () => {
    expect(() => drawCheck(vi, 0)).toThrow(/count must be a positive integer/);
    expect(() => drawCheck(vi, 1.5)).toThrow(/count must be a positive integer/);
  });

  it('does not modify the pool', () => {
    const snapshot = vi.items.map((i) => i.id);
    drawCheck(vi, 5, seededRng(9));
    expect(vi.items.map((i) => i.id)).toEqual(snapshot);
  });
});

describe('translateItems', () => {
  it('returns the same items in the other language', () => {
    const drawn = drawCheck(vi, 3, seededRng(5));
    const translated = translateItems(drawn, en);
    expect(translated.map((i) => i.id)).toEqual(drawn.map((i) => i.id));
    expect(translated.every((item) => en.items.includes(item))).toBe(true);
  });

  it('fails clearly for an item the other pool lacks', () => {
    const pool: CheckPool = { lang: 'en', items: en.items.slice(1) };
    expect(() => translateItems([at(vi.items, 0)], pool)).toThrow(
      `"${at(vi.items, 0).id}" is not in the en pool`,
    );
  });
});

describe('scoreCheck', () => {
  const items = drawCheck(vi, 3, seededRng(11));
  const right = Object.fromEntries(items.map((i) => [i.id, i.answer])) as Record<string, CheckAnswer>;
  const flip = (answer: CheckAnswer): CheckAnswer => (answer === 'scam' ? 'safe' : 'scam');

  it('counts correct answers', () => {
    expect(scoreCheck(items, right)).toEqual({ correct: 3, total: 3 });
    const oneWrong = { ...right, [at(items, 0).id]: flip(at(items, 0).answer) };
    expect(scoreCheck(items, oneWrong)).toEqual({ correct: 2, total: 3 });
  });

  it('counts an unanswered item as wrong', () => {
    const partial = { [at(items, 1).id]: at(items, 1).answer };
    expect(scoreCheck(items, partial)).toEqual({ correct: 1, total: 3 });
  });

  it('rejects answers for items not in the round, and an empty round', () => {
    expect(() => scoreCheck(items, { ...right, 'not-drawn': 'scam' })).toThrow(/not-drawn/);
    expect(() => scoreCheck([], {})).toThrow(/at least one item/);
  });
});
