import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from '../../../../scenes/shared/story-station/countdown.js';

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function make(seconds: number) {
    const ticks: [number, number][] = [];
    const expire = vi.fn();
    const countdown = new Countdown(seconds, () => Date.now(), {
      tick: (left, fraction) => ticks.push([left, fraction]),
      expire,
    });
    return { countdown, ticks, expire };
  }

  it('counts whole seconds down (rounding up) and expires exactly once at the end', () => {
    const { countdown, ticks, expire } = make(3);
    countdown.start();
    expect(ticks[0]).toEqual([3, 1]);
    vi.advanceTimersByTime(1000);
    expect(ticks.at(-1)?.[0]).toBe(2);
    vi.advanceTimersByTime(1999);
    expect(expire).not.toHaveBeenCalled();
    expect(ticks.at(-1)?.[0]).toBe(1);
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledTimes(1);
    expect(ticks.at(-1)).toEqual([0, 0]);
    expect(countdown.isRunning).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('never expires once stopped (the visitor chose in time)', () => {
    const { countdown, expire } = make(2);
    countdown.start();
    vi.advanceTimersByTime(1500);
    countdown.stop();
    vi.advanceTimersByTime(10_000);
    expect(expire).not.toHaveBeenCalled();
  });

  it('rejects a non-positive duration', () => {
    expect(() => make(0)).toThrow(/must be positive/);
  });
});
