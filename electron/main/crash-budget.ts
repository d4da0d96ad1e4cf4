/**
 * How many automatic reloads the kiosk may spend in a sliding time window. Past that the
 * renderer is crashing in a loop, and reloading again would only flash a broken screen.
 */
export class CrashBudget {
  private readonly spent: number[] = [];

  /**
   * @param maxReloads reloads allowed inside any window of `windowMs`
   * @param windowMs length of the sliding window in milliseconds
   * @param now clock, injectable for tests
   */
  constructor(
    readonly maxReloads = 3,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one reload if the budget allows it; returns false (spending nothing) when exhausted. */
  tryReload(): boolean {
    const now = this.now();
    while (this.spent.length > 0 && now - (this.spent[0] ?? now) >= this.windowMs) this.spent.shift();
    if (this.spent.length >= this.maxReloads) return false;
    this.spent.push(now);
    return true;
  }

  /** Reloads spent inside the current window (for logs). */
  recent(): number {
    const now = this.now();
    return this.spent.filter((at) => now - at < this.windowMs).length;
  }
}
