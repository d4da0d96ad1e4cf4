import { describe, expect, it } from 'vitest';
import {
  cornerOf,
  DEFAULT_GESTURE,
  UnlockGesture,
  type GestureVerdict,
} from '../../../renderer/admin/unlock-gesture.js';

const VIEW = { width: 1920, height: 1080 };
const BL = { x: 40, y: 1050 };
const BR = { x: 1890, y: 1050 };

/** Presses and releases at `at`…`at + holdMs`; returns the verdict of the release. */
function touch(
  gesture: UnlockGesture,
  where: { x: number; y: number },
  at: number,
  holdMs: number,
  pointerId = 1,
): GestureVerdict {
  gesture.down({ pointerId, ...where, at }, VIEW);
  return gesture.up({ pointerId, ...where, at: at + holdMs }, VIEW);
}

/** The full gesture starting at t = 0; returns every verdict in order. */
function fullGesture(gesture: UnlockGesture, tapGapMs = 300): GestureVerdict[] {
  const verdicts = [touch(gesture, BL, 0, 2_100)];
  let t = 2_100 + 200;
  for (let i = 0; i < 3; i++) {
    verdicts.push(touch(gesture, BR, t, 80));
    t += tapGapMs;
  }
  return verdicts;
}

describe('cornerOf', () => {
  it('finds the two bottom corner squares and nothing else', () => {
    expect(cornerOf(0, 1080, VIEW, 120)).toBe('bottom-left');
    expect(cornerOf(120, 960, VIEW, 120)).toBe('bottom-left');
    expect(cornerOf(121, 1000, VIEW, 120)).toBeNull();
    expect(cornerOf(1800, 1079, VIEW, 120)).toBe('bottom-right');
    expect(cornerOf(1799, 1079, VIEW, 120)).toBeNull();
    expect(cornerOf(40, 959, VIEW, 120)).toBeNull(); // just above the square
    expect(cornerOf(40, 20, VIEW, 120)).toBeNull(); // top-left is the brand, not a hot zone
    expect(cornerOf(1890, 20, VIEW, 120)).toBeNull(); // top-right is the help button
  });
});

describe('UnlockGesture', () => {
  it('unlocks on a 2 s hold bottom-left, then three quick taps bottom-right', () => {
    expect(fullGesture(new UnlockGesture())).toEqual(['consume', 'consume', 'consume', 'unlock']);
  });

  it('works in portrait too (corners follow the viewport)', () => {
    const gesture = new UnlockGesture();
    const portrait = { width: 1080, height: 1920 };
    gesture.down({ pointerId: 1, x: 30, y: 1900, at: 0 }, portrait);
    expect(gesture.up({ pointerId: 1, x: 30, y: 1900, at: 2_000 }, portrait)).toBe('consume');
    const verdicts: GestureVerdict[] = [];
    for (let i = 0; i < 3; i++) {
      gesture.down({ pointerId: 1, x: 1060, y: 1900, at: 2_500 + i * 200 }, portrait);
      verdicts.push(gesture.up({ pointerId: 1, x: 1060, y: 1900, at: 2_550 + i * 200 }, portrait));
    }
    expect(verdicts).toEqual(['consume', 'consume', 'unlock']);
  });

  it('lets ordinary touches through, including a short press in the corner', () => {
    const gesture = new UnlockGesture();
    expect(touch(gesture, { x: 960, y: 540 }, 0, 100)).toBe('pass');
    expect(touch(gesture, BL, 1_000, 1_999)).toBe('pass'); // 1 ms short of the long press
    expect(touch(gesture, BR, 3_100, 80)).toBe('pass'); // not armed: a visitor's tap
  });

  it('a long press released outside the corner does not arm it', () => {
    const gesture = new UnlockGesture();
    gesture.down({ pointerId: 1, ...BL, at: 0 }, VIEW);
    expect(gesture.up({ pointerId: 1, x: 600, y: 600, at: 2_500 }, VIEW)).toBe('pass');
    expect(touch(gesture, BR, 2_700, 80)).toBe('pass');
  });

  it('all three taps must land within 4 s of the long press', () => {
    const gesture = new UnlockGesture();
    expect(touch(gesture, BL, 0, 2_000)).toBe('consume');
    expect(touch(gesture, BR, 2_100, 80)).toBe('consume');
    expect(touch(gesture, BR, 4_000, 80)).toBe('consume');
    // The third tap comes up at 6 001 ms: 4 001 ms after the release.
    expect(touch(gesture, BR, 5_921, 80)).toBe('pass');
    expect(gesture.isArmed(6_100)).toBe(false);
  });

  it('a touch anywhere else between the taps starts over', () => {
    const gesture = new UnlockGesture();
    touch(gesture, BL, 0, 2_000);
    touch(gesture, BR, 2_200, 80);
    expect(touch(gesture, { x: 960, y: 540 }, 2_500, 80)).toBe('pass');
    expect(touch(gesture, BR, 2_800, 80)).toBe('pass');
    expect(touch(gesture, BR, 3_000, 80)).toBe('pass');
  });

  it('a slow "tap" (held too long) breaks the pattern', () => {
    const gesture = new UnlockGesture();
    touch(gesture, BL, 0, 2_000);
    expect(touch(gesture, BR, 2_100, DEFAULT_GESTURE.maxTapMs + 1)).toBe('pass');
    expect(gesture.isArmed(3_000)).toBe(false);
  });

  it('a second finger or a cancelled pointer resets it', () => {
    const gesture = new UnlockGesture();
    gesture.down({ pointerId: 1, ...BL, at: 0 }, VIEW);
    gesture.down({ pointerId: 2, x: 900, y: 500, at: 500 }, VIEW);
    expect(gesture.up({ pointerId: 1, ...BL, at: 2_500 }, VIEW)).toBe('pass');

    touch(gesture, BL, 3_000, 2_000);
    expect(gesture.isArmed(5_100)).toBe(true);
    gesture.cancel();
    expect(gesture.isArmed(5_100)).toBe(false);
    expect(touch(gesture, BR, 5_200, 80)).toBe('pass');
  });

  it('can be done again after a success, and a failed try can be retried at once', () => {
    const gesture = new UnlockGesture();
    touch(gesture, BL, 0, 500); // too short
    const verdicts = [touch(gesture, BL, 1_000, 2_000)];
    for (let i = 0; i < 3; i++) verdicts.push(touch(gesture, BR, 3_100 + i * 200, 60));
    expect(verdicts.at(-1)).toBe('unlock');
    expect(gesture.isArmed(3_800)).toBe(false);
  });
});
