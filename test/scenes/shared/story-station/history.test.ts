import { describe, expect, it } from 'vitest';
import {
  choose,
  createRun,
  loadContent,
  switchScenarioLanguage,
  type Scenario,
} from '../../../../scenes/shared/story/index.js';
import { currentThread, type LogEntry } from '../../../../scenes/shared/story-station/history.js';
import { allContentFiles } from '../story/helpers.js';

const content = loadContent(allContentFiles());
function pair(id: string): { vi: Scenario; en: Scenario } {
  const found = content.scenarios.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

const texts = (entries: readonly LogEntry[]): string[] =>
  entries.map((entry) =>
    entry.kind === 'message'
      ? entry.message.text
      : entry.kind === 'choice'
        ? `> ${entry.label}`
        : '(time up)',
  );

describe('currentThread', () => {
  const otp = pair('otp-bank').en;

  it('shows only the messages already delivered in the current node', () => {
    const run = createRun(otp);
    expect(currentThread(run, new Map(), 0).entries).toEqual([]);
    const thread = currentThread(run, new Map(), 2);
    expect(thread.speaker?.channel).toBe('sms');
    expect(thread.entries).toHaveLength(2);
  });

  it('keeps the feedback moment on the thread where the choice was made, then moves to the new one', () => {
    const run = choose(createRun(otp), 'check-app');
    // The next node is a call: while the feedback shows, the phone still shows the SMS and the choice.
    const pending = currentThread(run, new Map(), 0, true);
    expect(pending.speaker?.channel).toBe('sms');
    expect(texts(pending.entries).at(-1)).toBe("> Check in the bank's official app");
    const call = currentThread(run, new Map(), 1);
    expect(call.speaker?.channel).toBe('call');
    // The call's log does not carry the SMS thread.
    expect(call.entries).toHaveLength(1);
  });

  it('includes follow-ups the visitor waited for, in order, before their choice', () => {
    const run = choose(createRun(otp), 'check-app');
    const thread = currentThread(run, new Map([['sms-prize', 1]]), 0, true);
    const shown = texts(thread.entries);
    expect(shown.at(-2)).toBe("Only a few hours left! Don't miss your gift.");
  });

  it('comes back to a thread as it was (chat → video call → chat with the same friend)', () => {
    const friend = pair('hacked-friend').en;
    let run = createRun(friend);
    run = choose(run, 'secret-question');
    run = choose(run, 'take-video');
    const video = currentThread(run, new Map(), 1);
    expect(video.speaker?.channel).toBe('video');
    run = choose(run, 'ask-what-happened');
    const chat = currentThread(run, new Map(), 0);
    expect(chat.speaker?.channel).toBe('chat');
    // The earlier chat (both nodes and their choices) is still there; the video call is not.
    const labels = texts(chat.entries).filter((line) => line.startsWith('> '));
    expect(labels).toEqual(['> Ask something only Minh Anh would know', '> Answer the video call']);
  });

  it('has the same shape in both languages (a language switch only changes the words)', () => {
    const both = pair('grooming');
    let run = createRun(both.vi);
    run = choose(run, 'accept');
    run = choose(run, 'stay-here');
    const vi = currentThread(run, new Map(), 1);
    const en = currentThread(switchScenarioLanguage(run, both.en), new Map(), 1);
    expect(en.entries.map((entry) => entry.kind)).toEqual(vi.entries.map((entry) => entry.kind));
    expect(texts(en.entries)).not.toEqual(texts(vi.entries));
  });
});
