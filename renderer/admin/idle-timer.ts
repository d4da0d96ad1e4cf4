/**
 * The staff screens' own idle timer: the panel (and the PIN pad) close themselves after a
 * quiet period so a panel left open never stays reachable by visitors. Pure (time is passed
 * in) so it is unit-tested; the caller polls `expired()`.
 */
export class StaffIdleTimer {
  private last: number;

  constructor(
    private readonly limitMs: number,
    now: number,
  ) {
    if (!(limitMs > 0)) throw new RangeError('the staff idle limit must be positive');
    this.last = now;
  }

  /** Any touch or key press on the staff screen. */
  activity(now: number): void {
    // A clock that stepped backwards never extends the deadline into the past.
    this.last = Math.max(this.last, now);
  }

  /** Milliseconds left before the screen closes itself (0 once expired). */
  remaining(now: number): number {
    return Math.max(0, this.last + this.limitMs - now);
  }

  expired(now: number): boolean {
    return this.remaining(now) === 0;
  }
}
