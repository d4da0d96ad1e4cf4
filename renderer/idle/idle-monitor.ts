/**
 * Decides when a visitor has walked away: after `idleMs` without input a warning counts
 * down `countdownMs`, then the session expires. Pure (time is passed in) so it is unit-tested.
 */
export type IdleState = { kind: 'active' } | { kind: 'warning'; secondsLeft: number } | { kind: 'expired' };

/** The "Are you still there?" countdown length (from the foundation issue). */
export const IDLE_COUNTDOWN_MS = 10_000;

export class IdleMonitor {
  private lastActivity: number;

  constructor(
    private readonly idleMs: number,
    now: number,
    private readonly countdownMs = IDLE_COUNTDOWN_MS,
  ) {
    if (!(idleMs > 0) || !(countdownMs > 0))
      throw new RangeError('idle and countdown times must be positive');
    this.lastActivity = now;
  }

  /** Any touch, click or key press. Ignored once expired (the session is over). */
  activity(now: number): void {
    if (this.state(now).kind !== 'expired') this.lastActivity = now;
  }

  /** Where the visitor stands at `now`. */
  state(now: number): IdleState {
    const quiet = now - this.lastActivity;
    if (quiet < this.idleMs) return { kind: 'active' };
    const left = this.idleMs + this.countdownMs - quiet;
    if (left <= 0) return { kind: 'expired' };
    return { kind: 'warning', secondsLeft: Math.ceil(left / 1000) };
  }
}
