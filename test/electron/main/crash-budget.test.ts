import { describe, expect, it } from 'vitest';
import { CrashBudget } from '../../../electron/main/crash-budget.js';

function clock(start = 0): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

describe('CrashBudget', () => {
  it('allows 3 reloads within 60 s, then refuses', () => {
    const c = clock();
    const budget = new CrashBudget(3, 60_000, c.now);
    expect(budget.tryReload()).toBe(true);
    c.advance(1_000);
    expect(budget.tryReload()).toBe(true);
    c.advance(1_000);
    expect(budget.tryReload()).toBe(true);
    c.advance(10_000);
    expect(budget.tryReload()).toBe(false);
    expect(budget.recent()).toBe(3);
  });

  it('allows reloads again after 60 s without any', () => {
    const c = clock();
    const budget = new CrashBudget(3, 60_000, c.now);
    for (let i = 0; i < 3; i++) budget.tryReload();
    expect(budget.tryReload()).toBe(false);
    c.advance(60_000);
    expect(budget.tryReload()).toBe(true);
    expect(budget.recent()).toBe(1);
  });

  it('slides: each reload expires 60 s after it was spent', () => {
    const c = clock();
    const budget = new CrashBudget(3, 60_000, c.now);
    budget.tryReload(); // t=0
    c.advance(30_000);
    budget.tryReload(); // t=30
    budget.tryReload(); // t=30
    c.advance(29_999); // t=59.999: all three still count
    expect(budget.tryReload()).toBe(false);
    c.advance(1); // t=60: the first expired, one slot free
    expect(budget.tryReload()).toBe(true);
    expect(budget.tryReload()).toBe(false);
  });

  it('does not spend anything when refusing, so refusals do not extend the lockout', () => {
    const c = clock();
    const budget = new CrashBudget(3, 60_000, c.now);
    for (let i = 0; i < 3; i++) budget.tryReload();
    for (let i = 0; i < 10; i++) {
      c.advance(5_000);
      budget.tryReload();
    }
    c.advance(10_000); // t=60 s after the first three
    expect(budget.tryReload()).toBe(true);
  });
});
