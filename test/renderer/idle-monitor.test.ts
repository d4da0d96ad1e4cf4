import { describe, expect, it } from 'vitest';
import { IDLE_COUNTDOWN_MS, IdleMonitor } from '../../renderer/idle/idle-monitor.js';

describe('IdleMonitor', () => {
  it('stays active until the idle time has passed without input', () => {
    const monitor = new IdleMonitor(60_000, 0);
    expect(monitor.state(59_999)).toEqual({ kind: 'active' });
    expect(monitor.state(60_000)).toEqual({ kind: 'warning', secondsLeft: 10 });
  });

  it('counts the warning down in whole seconds, then expires', () => {
    const monitor = new IdleMonitor(60_000, 0);
    expect(monitor.state(60_001)).toEqual({ kind: 'warning', secondsLeft: 10 });
    expect(monitor.state(65_500)).toEqual({ kind: 'warning', secondsLeft: 5 });
    expect(monitor.state(69_999)).toEqual({ kind: 'warning', secondsLeft: 1 });
    expect(monitor.state(60_000 + IDLE_COUNTDOWN_MS)).toEqual({ kind: 'expired' });
  });

  it('input during the idle time or the warning starts the wait again', () => {
    const monitor = new IdleMonitor(60_000, 0);
    monitor.activity(30_000);
    expect(monitor.state(89_999)).toEqual({ kind: 'active' });
    expect(monitor.state(95_000).kind).toBe('warning');
    monitor.activity(95_000);
    expect(monitor.state(100_000)).toEqual({ kind: 'active' });
  });

  it('once expired, late input does not revive the session', () => {
    const monitor = new IdleMonitor(5_000, 0);
    monitor.activity(20_000);
    expect(monitor.state(20_000)).toEqual({ kind: 'expired' });
  });

  it('rejects non-positive durations', () => {
    expect(() => new IdleMonitor(0, 0)).toThrow(RangeError);
  });
});
