/**
 * A tiny hand-made scenario whose scores and paths are easy to work out by hand,
 * so engine tests can assert exact numbers.
 *
 *   a ─ spot-f1 ──► b ─ spot-f3 ─► end-safe
 *     ├ spot-f2 ──► b ├ wait (timeout; spots f3 if pressed) ─► end-rescued
 *     └ risky-1 ─► c  └ bad (risky) ─► end-harmed
 *                  c ─ recover ─► end-rescued
 *                    └ worse (risky) ─► end-harmed
 */
import { loadScenario, type EndingKind, type Scenario } from '../../../../scenes/shared/story/index.js';
import type { ScenarioJson } from './helpers.js';

const speaker = { name: 'Tester', avatar: '🙂', channel: 'chat' } as const;
const help = 'Call 111 or 113.';
const ending = (kind: EndingKind) => ({
  kind,
  title: `Ending ${kind}`,
  whatHappened: 'Something happened.',
  safeAction: 'Do the safe thing.',
  help,
});

export const FIXTURE_JSON: ScenarioJson = {
  id: 'fixture',
  lang: 'en',
  icon: 'phone',
  accent: 'sun',
  order: 1,
  title: 'Fixture',
  summary: 'A test scenario.',
  start: 'a',
  nodes: [
    {
      id: 'a',
      speaker,
      messages: [{ kind: 'text', text: 'Hello there.' }],
      redFlags: [
        { id: 'f1', tactic: 'threat', label: 'Flag one', explanation: 'Why one.' },
        { id: 'f2', tactic: 'luring', label: 'Flag two', explanation: 'Why two.' },
      ],
      choices: [
        { id: 'spot-f1', label: 'Spot one', next: 'b', spots: ['f1'] },
        { id: 'spot-f2', label: 'Spot two', next: 'b', spots: ['f2'] },
        { id: 'risky-1', label: 'Fall for it', next: 'c', risky: true },
      ],
    },
    {
      id: 'b',
      speaker,
      messages: [{ kind: 'text', text: 'Hurry up!', delayMs: 500 }],
      countdownSeconds: 10,
      timeoutChoice: 'wait',
      redFlags: [{ id: 'f3', tactic: 'manipulation', label: 'Flag three', explanation: 'Why three.' }],
      choices: [
        { id: 'spot-f3', label: 'Spot three', next: 'end-safe', spots: ['f3'] },
        { id: 'wait', label: 'Wait', next: 'end-rescued', spots: ['f3'] },
        { id: 'bad', label: 'Do the bad thing', next: 'end-harmed', risky: true },
      ],
    },
    {
      id: 'c',
      speaker,
      messages: [{ kind: 'system', text: 'Oh no.' }],
      redFlags: [{ id: 'f4', tactic: 'threat', label: 'Flag four', explanation: 'Why four.' }],
      choices: [
        { id: 'recover', label: 'Get help', next: 'end-rescued', spots: ['f4'] },
        { id: 'worse', label: 'Make it worse', next: 'end-harmed', risky: true },
      ],
    },
    { id: 'end-safe', ending: ending('safe') },
    { id: 'end-rescued', ending: ending('rescued') },
    { id: 'end-harmed', ending: ending('harmed') },
  ],
};

/** The fixture, loaded through the engine. */
export function fixture(): Scenario {
  return loadScenario(structuredClone(FIXTURE_JSON), 'fixture.en.json');
}
