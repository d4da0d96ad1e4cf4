import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FollowUp, Message } from '../../../../scenes/shared/story/index.js';
import { MessageFeed, type FeedItem } from '../../../../scenes/shared/story-station/message-feed.js';

const text = (t: string, delayMs: number): Message => ({ kind: 'text', text: t, delayMs });
const system = (t: string, delayMs: number): Message => ({ kind: 'system', text: t, delayMs });

function recorder() {
  const events: string[] = [];
  const shown: FeedItem[] = [];
  const feed = new MessageFeed({
    typing: (on) => events.push(on ? 'typing' : 'idle'),
    show: (item) => {
      shown.push(item);
      events.push(`show:${item.message.text}`);
    },
    settled: () => events.push('settled'),
  });
  return { feed, events, shown };
}

describe('MessageFeed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('types for each bubble’s delay, then shows it; system notices arrive without typing', () => {
    const { feed, events } = recorder();
    feed.start({
      messages: [system('Incoming call', 500), text('Hello', 1000), text('Read me the code', 800)],
      followUps: [],
    });
    expect(events).toEqual([]);
    vi.advanceTimersByTime(499);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['show:Incoming call', 'typing']);
    vi.advanceTimersByTime(1000);
    expect(events.slice(2)).toEqual(['idle', 'show:Hello', 'typing']);
    expect(feed.isSettled).toBe(false);
    vi.advanceTimersByTime(800);
    expect(events.slice(5)).toEqual(['idle', 'show:Read me the code', 'settled']);
    expect(feed.messagesShown).toBe(3);
  });

  it('hurry shows every pending message at once, settles once, and cancels the typing timers', () => {
    const { feed, events } = recorder();
    feed.start({ messages: [text('a', 1000), text('b', 1000), text('c', 1000)], followUps: [] });
    vi.advanceTimersByTime(1000);
    expect(feed.hurry()).toBe(true);
    expect(events).toEqual(['typing', 'idle', 'show:a', 'typing', 'idle', 'show:b', 'show:c', 'settled']);
    expect(feed.hurry()).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(events.filter((e) => e === 'settled')).toHaveLength(1);
    expect(events.filter((e) => e.startsWith('show:'))).toHaveLength(3);
  });

  it('sends follow-ups only after the node settled, timed from that moment', () => {
    const { feed, shown, events } = recorder();
    const followUps: FollowUp[] = [{ afterSeconds: 10, message: text('Hurry up!', 1000) }];
    feed.start({ messages: [text('a', 500)], followUps });
    vi.advanceTimersByTime(500);
    expect(events.at(-1)).toBe('settled');
    vi.advanceTimersByTime(8_999);
    expect(events.at(-1)).toBe('settled');
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('typing');
    vi.advanceTimersByTime(1000);
    expect(shown.at(-1)).toMatchObject({ source: 'followUp', index: 0 });
    expect(feed.followUpsShown).toBe(1);
  });

  it('stop cancels everything pending, including follow-ups, and turns the typing dots off', () => {
    const { feed, events } = recorder();
    feed.start({ messages: [text('a', 500)], followUps: [{ afterSeconds: 2, message: text('b', 100) }] });
    vi.advanceTimersByTime(100);
    feed.stop();
    expect(events).toEqual(['typing', 'idle']);
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual(['typing', 'idle']);
  });

  it('continues where it was when restarted with messages already shown (a language switch)', () => {
    const { feed, shown } = recorder();
    feed.start({ messages: [text('a', 100), text('b', 100)], followUps: [] }, 1);
    vi.advanceTimersByTime(100);
    expect(shown.map((item) => item.message.text)).toEqual(['b']);
  });

  it('retarget swaps the wording without restarting the clock', () => {
    const { feed, shown } = recorder();
    feed.start({ messages: [text('xin chào', 300)], followUps: [] });
    vi.advanceTimersByTime(200);
    feed.retarget({ messages: [text('hello', 300)], followUps: [] });
    vi.advanceTimersByTime(100);
    expect(shown.map((item) => item.message.text)).toEqual(['hello']);
  });

  it('settles at once for a node without messages (an ending with no last words)', () => {
    const { feed, events } = recorder();
    feed.start({ messages: [], followUps: [] });
    expect(events).toEqual(['settled']);
  });
});
