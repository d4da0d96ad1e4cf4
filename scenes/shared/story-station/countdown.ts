/**
 * The pressure timer of a node with `countdownSeconds`: ticks a few times a second for the
 * display, and calls `expire` once when time is up. Fairness: it starts only when the
 * choices are on screen, and stops the moment the visitor chooses.
 */
import { Timers } from '../dom/timers.js';

/** How often the visible number is refreshed. */
export const COUNTDOWN_TICK_MS = 200;

export interface CountdownListener {
  /** `secondsLeft` rounds up (shows 1 until the very end); `fraction` goes 1 → 0. */
  tick(secondsLeft: number, fraction: number): void;
  expire(): void;
}

export class Countdown {
  private readonly timers = new Timers();
  private startedAt = 0;
  private running = false;

  constructor(
    readonly seconds: number,
    private readonly now: () => number,
    private readonly listener: CountdownListener,
  ) {
    if (!(seconds > 0)) throw new Error(`Countdown: seconds must be positive, got ${seconds}`);
  }

  /** Clock reading when it started, for the ring drawn by the scene. */
  get startedAtMs(): number {
    return this.startedAt;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    this.stop();
    this.running = true;
    this.startedAt = this.now();
    this.listener.tick(this.seconds, 1);
    this.timers.every(COUNTDOWN_TICK_MS, () => {
      this.emitTick();
    });
    this.timers.after(this.seconds * 1000, () => {
      this.stop();
      this.listener.tick(0, 0);
      this.listener.expire();
    });
  }

  stop(): void {
    this.running = false;
    this.timers.clear();
  }

  private emitTick(): void {
    const leftMs = Math.max(0, this.seconds * 1000 - (this.now() - this.startedAt));
    this.listener.tick(Math.ceil(leftMs / 1000), leftMs / (this.seconds * 1000));
  }
}
