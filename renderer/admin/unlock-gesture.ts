/**
 * The hidden staff gesture, as a pure state machine (positions and times are passed in, so it
 * is unit-tested without a DOM): hold the bottom-LEFT corner for 2 s, release, then within
 * 4 s tap the bottom-RIGHT corner three times. The bottom corners are used because the top
 * bar's brand, language and help buttons live in the top ones.
 *
 * A visitor will not find it by chance: it needs a deliberate long press in an empty corner
 * followed by a quick pattern in the opposite one; any other touch in between starts over.
 */

export interface GestureOptions {
  /** Side of the square hot zone in each corner, CSS px. */
  readonly cornerPx: number;
  /** How long the first press must be held. */
  readonly longPressMs: number;
  /** Time after the long press's release in which all taps must be done. */
  readonly tapWindowMs: number;
  /** Taps needed in the second corner. */
  readonly taps: number;
  /** A press longer than this is not a tap. */
  readonly maxTapMs: number;
}

export const DEFAULT_GESTURE: GestureOptions = {
  cornerPx: 120,
  longPressMs: 2_000,
  tapWindowMs: 4_000,
  taps: 3,
  maxTapMs: 800,
};

export type Corner = 'bottom-left' | 'bottom-right';

/** A pointer event reduced to what the recogniser needs. */
export interface GesturePoint {
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
  /** Milliseconds on any monotonic clock. */
  readonly at: number;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * What the caller should do with the release:
 * - `pass`: an ordinary touch, let it through untouched;
 * - `consume`: part of the staff gesture, swallow the click it would cause;
 * - `unlock`: the gesture is complete, swallow the click and open the PIN pad.
 */
export type GestureVerdict = 'pass' | 'consume' | 'unlock';

type State =
  | { kind: 'idle' }
  | { kind: 'pressing'; pointerId: number; since: number }
  | { kind: 'armed'; until: number; taps: number; tap: { pointerId: number; since: number } | null };

/** Which bottom corner hot zone (x, y) falls in, if any. */
export function cornerOf(x: number, y: number, viewport: Viewport, size: number): Corner | null {
  if (y < viewport.height - size || y > viewport.height) return null;
  if (x >= 0 && x <= size) return 'bottom-left';
  if (x >= viewport.width - size && x <= viewport.width) return 'bottom-right';
  return null;
}

export class UnlockGesture {
  private state: State = { kind: 'idle' };

  constructor(private readonly options: GestureOptions = DEFAULT_GESTURE) {}

  /** A finger (or the mouse) went down. */
  down(point: GesturePoint, viewport: Viewport): void {
    const corner = cornerOf(point.x, point.y, viewport, this.options.cornerPx);
    const state = this.state;
    if (
      state.kind === 'armed' &&
      point.at <= state.until &&
      state.tap === null &&
      corner === 'bottom-right'
    ) {
      state.tap = { pointerId: point.pointerId, since: point.at };
      return;
    }
    // Anything else (a second finger, a touch elsewhere, a late tap) starts over; a press in
    // the first corner may itself begin a new attempt.
    this.state =
      corner === 'bottom-left'
        ? { kind: 'pressing', pointerId: point.pointerId, since: point.at }
        : { kind: 'idle' };
  }

  /** The finger came up; says whether the touch belonged to the gesture. */
  up(point: GesturePoint, viewport: Viewport): GestureVerdict {
    const corner = cornerOf(point.x, point.y, viewport, this.options.cornerPx);
    const state = this.state;
    if (state.kind === 'pressing' && state.pointerId === point.pointerId) {
      if (point.at - state.since >= this.options.longPressMs && corner === 'bottom-left') {
        this.state = { kind: 'armed', until: point.at + this.options.tapWindowMs, taps: 0, tap: null };
        return 'consume';
      }
      this.state = { kind: 'idle' };
      return 'pass';
    }
    if (state.kind === 'armed' && state.tap?.pointerId === point.pointerId) {
      const quick = point.at - state.tap.since <= this.options.maxTapMs;
      if (point.at > state.until || !quick || corner !== 'bottom-right') {
        this.state = { kind: 'idle' };
        return 'pass';
      }
      state.taps += 1;
      state.tap = null;
      if (state.taps >= this.options.taps) {
        this.state = { kind: 'idle' };
        return 'unlock';
      }
      return 'consume';
    }
    return 'pass';
  }

  /** The browser cancelled the pointer (scroll, palm rejection): start over. */
  cancel(): void {
    this.state = { kind: 'idle' };
  }

  /** True between a completed long press and the end of its tap window (for a subtle hint). */
  isArmed(now: number): boolean {
    return this.state.kind === 'armed' && now <= this.state.until;
  }
}
