import { describe, expect, it } from 'vitest';
import { ADMIN_IDLE_MS } from '../../../electron/bridge/admin-contract.js';
import { StaffIdleTimer } from '../../../renderer/admin/idle-timer.js';

describe('StaffIdleTimer', () => {
  it('expires exactly 2 minutes after the last input', () => {
    const timer = new StaffIdleTimer(ADMIN_IDLE_MS, 1_000);
    expect(timer.remaining(1_000)).toBe(120_000);
    expect(timer.expired(120_999)).toBe(false);
    expect(timer.expired(121_000)).toBe(true);
    expect(timer.remaining(500_000)).toBe(0);
  });

  it('input starts the wait again', () => {
    const timer = new StaffIdleTimer(ADMIN_IDLE_MS, 0);
    timer.activity(100_000);
    expect(timer.expired(200_000)).toBe(false);
    expect(timer.remaining(200_000)).toBe(20_000);
    expect(timer.expired(220_000)).toBe(true);
  });

  it('an earlier timestamp never shortens the wait', () => {
    const timer = new StaffIdleTimer(10_000, 5_000);
    timer.activity(1_000);
    expect(timer.remaining(5_000)).toBe(10_000);
  });

  it('rejects a non-positive limit', () => {
    expect(() => new StaffIdleTimer(0, 0)).toThrow(RangeError);
  });
});
