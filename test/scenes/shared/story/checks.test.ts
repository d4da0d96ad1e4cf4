/** The "scam or safe?" parallel forms: content rules, validation, translation and scoring. */
import { describe, expect, it } from 'vitest';
import {
  CHECK_FORMS,
  ContentError,
  formItems,
  loadCheckPool,
  MAX_FORM_ITEMS,
  MIN_FORM_ITEMS,
  otherForm,
  scoreCheck,
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

describe('check forms content', () => {
  it.each([vi, en])('$lang: two forms of 6–8 items, half scam and half safe, of equal size', (pool) => {
    const [a, b] = CHECK_FORMS.map((form) => formItems(pool, form));
    expect(a?.length).toBe(b?.length);
    for (const items of [a ?? [], b ?? []]) {
      expect(items.length).toBeGreaterThanOrEqual(MIN_FORM_ITEMS);
      expect(items.length).toBeLessThanOrEqual(MAX_FORM_ITEMS);
      expect(items.filter((item) => item.answer === 'scam')).toHaveLength(items.length / 2);
    }
  });

  it.each([vi, en])('$lang: no surface cue gives the answer away', (pool) => {
    for (const form of CHECK_FORMS) {
      const items = formItems(pool, form);
      const scams = items.filter((item) => item.answer === 'scam');
      const safe = items.filter((item) => item.answer === 'safe');
      // Links and requests appear on both sides; some scams have no link at all.
      expect(safe.some((item) => item.link !== undefined)).toBe(true);
      expect(scams.some((item) => item.link === undefined)).toBe(true);
      expect(safe.some((item) => item.asks)).toBe(true);
      // "Has a link" predicts the answer no better than a coin: links are within one item of even.
      const linkedScams = scams.filter((item) => item.link !== undefined).length;
      const linkedSafe = safe.filter((item) => item.link !== undefined).length;
      expect(Math.abs(linkedScams - linkedSafe)).toBeLessThanOrEqual(1);
      // Every channel that carries a scam also carries a safe message, and the other way round.
      const channels = (list: typeof items) => new Set(list.map((item) => item.sender.channel));
      expect(channels(scams)).toEqual(channels(safe));
    }
  });

  it('matches every item of form A with a twin in form B', () => {
    for (const item of formItems(en, 'A')) {
      const twin = formItems(en, 'B').find((other) => other.pair === item.pair);
      expect(twin, item.id).toBeDefined();
      expect(twin?.answer).toBe(item.answer);
      expect(twin?.sender.channel).toBe(item.sender.channel);
      expect(twin?.link === undefined).toBe(item.link === undefined);
    }
  });

  it('has the same items in both languages, translated', () => {
    expect(() => {
      validateCheckPair(vi, en);
    }).not.toThrow();
    vi.items.forEach((item, i) => {
      expect(item.text).not.toBe(at(en.items, i).text);
      expect(item.why).not.toBe(at(en.items, i).why);
    });
  });

  it('names the other form', () => {
    expect(otherForm('A')).toBe('B');
    expect(otherForm('B')).toBe('A');
  });
});

describe('check forms validation', () => {
  it('names the file and field for a missing "why"', () => {
    const json = poolCopy('en');
    Reflect.deleteProperty(at(json.items, 3), 'why');
    expect(poolError(json)).toContain('checks.en.json: items[3].why: is required');
  });

  it('rejects an answer other than scam/safe, and an item without a form', () => {
    const json = poolCopy('en');
    at(json.items, 0).answer = 'maybe';
    Reflect.deleteProperty(at(json.items, 1), 'form');
    const message = poolError(json);
    expect(message).toMatch(/^checks\.en\.json: items\[0\]\.answer: /m);
    expect(message).toMatch(/^checks\.en\.json: items\[1\]\.form: /m);
  });

  it('rejects duplicate ids and forms that are too small', () => {
    const dup = poolCopy('en');
    at(dup.items, 5).id = at(dup.items, 4).id;
    expect(poolError(dup)).toContain(
      `checks.en.json: items[5].id: duplicate item id "${String(at(dup.items, 4).id)}"`,
    );
    const small = poolCopy('en');
    small.items = small.items.slice(0, 4);
    expect(poolError(small)).toContain('checks.en.json: items: needs at least 12 items');
  });

  it('rejects a form that is not half scam', () => {
    const json = poolCopy('en');
    const safeA = json.items.find((item) => item.form === 'A' && item.answer === 'safe');
    if (!safeA) throw new Error('fixture: no safe item in form A');
    safeA.answer = 'scam';
    expect(poolError(json)).toMatch(/form A has 5 scams in 8: needs half/);
  });

  it('rejects a form whose links all point to scams', () => {
    const json = poolCopy('en');
    for (const item of json.items)
      if (item.form === 'B' && item.answer === 'safe') Reflect.deleteProperty(item, 'link');
    expect(poolError(json)).toContain('form B: no safe item has a link ("link = scam" gives it away)');
  });

  it('rejects unmatched twins', () => {
    const json = poolCopy('en');
    const item = json.items.find(
      (candidate) => candidate.form === 'A' && candidate.answer === 'scam' && candidate.link === undefined,
    );
    if (!item) throw new Error('fixture: no scam without a link in form A');
    item.link = 'example.vn';
    expect(poolError(json)).toMatch(/pair "[a-z0-9-]+" is not matched: .* differ in link/);
    const lonely = poolCopy('en');
    at(lonely.items, 0).pair = 'alone';
    expect(poolError(lonely)).toContain('pair "alone" needs exactly one item in each form');
  });

  it('rejects a pool under the wrong file name', () => {
    expect(poolError(poolCopy('en'), 'quiz.en.json')).toContain('must be named "checks.<vi|en>.json"');
    expect(poolError(poolCopy('en'), 'checks.vi.json')).toContain(
      'checks.vi.json: lang: "en" does not match',
    );
  });

  it('rejects a language pair whose answers differ', () => {
    const changed: CheckPool = {
      lang: 'en',
      items: en.items.map((item, i) =>
        i === 0 ? { ...item, answer: item.answer === 'scam' ? 'safe' : 'scam' } : item,
      ),
    };
    expect(() => {
      validateCheckPair(vi, changed);
    }).toThrow(/checks\.en\.json: items\[0\]\.answer: is "(scam|safe)" but checks\.vi\.json has/);
  });
});

describe('translateItems', () => {
  it('returns the same items in the other language', () => {
    const items = formItems(vi, 'B');
    const translated = translateItems(items, en);
    expect(translated.map((i) => i.id)).toEqual(items.map((i) => i.id));
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
  const items = formItems(vi, 'A');
  const right = Object.fromEntries(items.map((i) => [i.id, i.answer])) as Record<string, CheckAnswer>;
  const flip = (answer: CheckAnswer): CheckAnswer => (answer === 'scam' ? 'safe' : 'scam');
  const firstScam = items.find((item) => item.answer === 'scam');
  const firstSafe = items.find((item) => item.answer === 'safe');
  if (!firstScam || !firstSafe) throw new Error('fixture: form A needs both kinds');

  it('counts correct answers, hits and correct rejections apart', () => {
    expect(scoreCheck(items, right)).toEqual({
      correct: 8,
      total: 8,
      hits: 4,
      scamItems: 4,
      correctRejections: 4,
      safeItems: 4,
    });
    const twoWrong = {
      ...right,
      [firstScam.id]: flip(firstScam.answer),
      [firstSafe.id]: flip(firstSafe.answer),
    };
    expect(scoreCheck(items, twoWrong)).toMatchObject({ correct: 6, hits: 3, correctRejections: 3 });
    const allScam = Object.fromEntries(items.map((i) => [i.id, 'scam'])) as Record<string, CheckAnswer>;
    // Over-suspicion: every scam caught, every real message rejected.
    expect(scoreCheck(items, allScam)).toMatchObject({ correct: 4, hits: 4, correctRejections: 0 });
  });

  it('counts an unanswered item as wrong', () => {
    expect(scoreCheck(items, { [firstSafe.id]: 'safe' })).toMatchObject({ correct: 1, total: 8 });
  });

  it('rejects answers for items not in the round, and an empty round', () => {
    expect(() => scoreCheck(items, { ...right, 'not-shown': 'scam' })).toThrow(/not-shown/);
    expect(() => scoreCheck([], {})).toThrow(/at least one item/);
  });
});
