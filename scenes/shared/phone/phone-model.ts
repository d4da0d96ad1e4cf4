/**
 * The one object the DOM side writes and the Phaser scene reads each frame: what the phone
 * shows and which effects to play. Keeps the two sides decoupled: the controller never waits
 * for Phaser to boot, and the scene never touches the DOM.
 */
import type { ScreenMode, StationLayout } from './layout.js';

/** One-shot effects: a red flag spotted (green burst), a risky choice (red shake), time up. */
export type PhoneEffect = 'spotted' | 'risky' | 'timeout';

export interface PhoneCountdown {
  /** `performance.now()` when it started. */
  readonly startedAtMs: number;
  readonly durationMs: number;
}

export class PhoneModel {
  /** Bumped whenever the drawn screen must be rebuilt (layout or mode changed). */
  version = 0;
  mode: ScreenMode = 'lock';
  /** Someone is typing (threads) or talking (calls). */
  typing = false;
  /** An incoming call is ringing. */
  ringing = false;
  countdown: PhoneCountdown | null = null;
  private readonly effects: PhoneEffect[] = [];

  constructor(public layout: StationLayout) {}

  setLayout(layout: StationLayout): void {
    this.layout = layout;
    this.version += 1;
  }

  setMode(mode: ScreenMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.version += 1;
  }

  /** Queues a one-shot effect for the next frame. Bounded: a burst of taps cannot pile up. */
  play(effect: PhoneEffect): void {
    if (this.effects.length < 4) this.effects.push(effect);
  }

  /** Effects queued since the last call (the scene calls this once a frame). */
  takeEffects(): PhoneEffect[] {
    return this.effects.splice(0, this.effects.length);
  }
}
