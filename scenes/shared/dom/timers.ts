/**
 * Every timeout the station starts goes through one `Timers`, so leaving the station (or a
 * view) can cancel all of them at once and nothing fires into a destroyed DOM.
 */
export class Timers {
  private readonly live = new Set<ReturnType<typeof setTimeout>>();

  /** Runs `fn` once after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void {
    const id = setTimeout(
      () => {
        this.live.delete(id);
        fn();
      },
      Math.max(0, ms),
    );
    this.live.add(id);
    return () => {
      if (this.live.delete(id)) clearTimeout(id);
    };
  }

  /** Runs `fn` every `ms` until cancelled (or `clear()`). */
  every(ms: number, fn: () => void): () => void {
    let cancel = (): void => undefined;
    const tick = (): void => {
      cancel = this.after(ms, tick);
      fn();
    };
    cancel = this.after(ms, tick);
    return () => {
      cancel();
    };
  }

  /** Timers still waiting to fire. */
  get pending(): number {
    return this.live.size;
  }

  /** Cancels every pending timer. */
  clear(): void {
    for (const id of this.live) clearTimeout(id);
    this.live.clear();
  }
}
