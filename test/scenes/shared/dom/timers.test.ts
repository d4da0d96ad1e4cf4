import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Timers } from '../../../../scenes/shared/dom/timers.js';

describe('Timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('clear() cancels every pending timeout and interval, so nothing fires after leaving', () => {
    const timers = new Timers();
    const once = vi.fn();
    const repeated = vi.fn();
    timers.after(100, once);
    timers.every(50, repeated);
    vi.advanceTimersByTime(120);
    expect(once).toHaveBeenCalledTimes(1);
    expect(repeated).toHaveBeenCalledTimes(2);
    timers.clear();
    expect(timers.pending).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(repeated).toHaveBeenCalledTimes(2);
  });

  it('a cancel function stops just its own timer, and forgets fired ones', () => {
    const timers = new Timers();
    const a = vi.fn();
    const b = vi.fn();
    const cancelA = timers.after(100, a);
    timers.after(100, b);
    cancelA();
    vi.advanceTimersByTime(100);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    expect(timers.pending).toBe(0);
  });
});
