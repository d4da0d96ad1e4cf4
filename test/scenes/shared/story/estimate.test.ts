/** The play-time estimate used to keep scenarios within 2–4 minutes. */
import { describe, expect, it } from 'vitest';
import {
  allPaths,
  DECIDE_MS,
  ENDING_PAUSE_MS,
  estimatePathMs,
  estimatePlayTime,
  IMAGE_LOOK_MS,
  loadScenario,
  MIN_READ_MS,
  readMs,
  READ_CHARS_PER_SECOND,
} from '../../../../scenes/shared/story/index.js';
import { fixture, FIXTURE_JSON } from './fixture.js';
import { at } from './helpers.js';

describe('readMs', () => {
  it('reads at the kiosk speed, with a floor for short bubbles', () => {
    expect(readMs('ok')).toBe(MIN_READ_MS);
    const long = 'x'.repeat(READ_CHARS_PER_SECOND * 6);
    expect(readMs(long)).toBe(6000);
  });
});

describe('estimatePathMs', () => {
  const scenario = fixture();
  const shortest = allPaths(scenario).find(
    (p) => p.steps.map((s) => s.choiceId).join() === 'spot-f1,spot-f3',
  );
  if (!shortest) throw new Error('fixture path missing');

  it('adds up messages, decisions, red-flag feedback and the debrief', () => {
    const a = at(scenario.nodes, 0);
    const b = at(scenario.nodes, 1);
    const end = scenario.nodes.find((n) => n.id === 'end-safe');
    if (a.kind !== 'decision' || b.kind !== 'decision' || end?.kind !== 'ending')
      throw new Error('fixture shape');
    const node = (n: typeof a) =>
      n.messages.reduce((sum, m) => sum + m.delayMs + readMs(m.text), 0) +
      DECIDE_MS +
      readMs(n.choices.map((c) => c.label).join(' ')) +
      n.redFlags.reduce((sum, f) => sum + readMs(f.label), 0);
    const { title, whatHappened, safeAction, help } = end.ending;
    const debrief =
      readMs(title) + readMs(whatHappened) + readMs(safeAction) + readMs(help) + ENDING_PAUSE_MS;
    expect(estimatePathMs(scenario, shortest)).toBe(Math.round(node(a) + node(b) + debrief));
  });

  it('grows with an extra picture', () => {
    const json = structuredClone(FIXTURE_JSON);
    at(json.nodes, 0).messages?.push({ kind: 'image', art: 'prize-card', text: 'A prize card.', delayMs: 0 });
    const longer = loadScenario(json, 'fixture.en.json');
    const extra = estimatePathMs(longer, shortest) - estimatePathMs(scenario, shortest);
    expect(extra).toBe(readMs('A prize card.') + IMAGE_LOOK_MS);
  });

  it('summarises every path as min ≤ mean ≤ max', () => {
    const time = estimatePlayTime(scenario);
    expect(time.minMs).toBeLessThanOrEqual(time.meanMs);
    expect(time.meanMs).toBeLessThanOrEqual(time.maxMs);
    expect(time.minMs).toBeGreaterThan(0);
  });
});
