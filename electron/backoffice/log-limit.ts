/**
 * A token bucket for lines the renderer asks the back office to log: a page stuck in an error
 * loop (or a hostile one) must not fill the disk through the `log` channel.
 */
export const LOG_BURST = 20;
export const LOG_PER_SECOND = 1;

export class LogRateLimit {
  private tokens: number;
  private lastMs: number;
  private dropped = 0;

  constructor(
    private readonly now: () => Date,
    private readonly burst = LOG_BURST,
    private readonly perSecond = LOG_PER_SECOND,
  ) {
    this.tokens = burst;
    this.lastMs = now().getTime();
  }

  /**
   * Takes one line's token.
   * @returns null when the line must be dropped; otherwise how many lines were dropped since
   * the last one let through (so the log can say so)
   */
  take(): number | null {
    const at = this.now().getTime();
    this.tokens = Math.min(this.burst, this.tokens + ((at - this.lastMs) / 1000) * this.perSecond);
    this.lastMs = at;
    if (this.tokens < 1) {
      this.dropped += 1;
      return null;
    }
    this.tokens -= 1;
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }
}
