/**
 * The quality governor trades detail before sharpness, never goes below its floor, and gives
 * sharpness back first when frames are fast again.
 */
import { describe, expect, it } from 'vitest';
import {
  isSoftwareRenderer,
  QUALITY,
  QualityGovernor,
} from '../../../../scenes/shared/three/render-quality.js';

/** Feeds one whole decision window of frames of `ms` each; returns the last answer. */
function window(governor: QualityGovernor, ms: number): number | null {
  let answer: number | null = null;
  for (let i = 0; i < QUALITY.windowFrames; i++) answer = governor.sample(ms);
  return answer;
}

const SLOW = QUALITY.slowFrameMs + 5;
const FAST = QUALITY.fastFrameMs - 2;
const STEADY = (QUALITY.slowFrameMs + QUALITY.fastFrameMs) / 2;

describe('isSoftwareRenderer', () => {
  it('recognises CPU rasterisers and not GPUs', () => {
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)')).toBe(false);
  });
});

describe('QualityGovernor', () => {
  it('decides only once per window of frames', () => {
    const governor = new QualityGovernor(1);
    for (let i = 0; i < QUALITY.windowFrames - 1; i++) governor.sample(100);
    expect(governor.detail).toBe(QUALITY.maxDetail);
    governor.sample(100);
    expect(governor.detail).toBe(QUALITY.maxDetail - 1);
  });

  it('starts at full detail and keeps the resolution it was given while frames are fine', () => {
    const governor = new QualityGovernor(1);
    for (let i = 0; i < 10; i++) expect(window(governor, STEADY)).toBeNull();
    expect(governor.detail).toBe(QUALITY.maxDetail);
    expect(governor.pixelRatio).toBe(1);
  });

  it('drops every detail level before it touches the resolution', () => {
    const governor = new QualityGovernor(1);
    for (let level = QUALITY.maxDetail - 1; level >= 0; level--) {
      expect(window(governor, SLOW)).toBeNull();
      expect(governor.detail).toBe(level);
      expect(governor.pixelRatio).toBe(1);
    }
    expect(window(governor, SLOW)).toBe(QUALITY.step);
  });

  it('never goes below its floor, and stops asking once there', () => {
    const governor = new QualityGovernor(1);
    for (let i = 0; i < 30; i++) window(governor, 1000);
    expect(governor.pixelRatio).toBe(QUALITY.minPixelRatio);
    expect(governor.detail).toBe(0);
    expect(window(governor, 1000)).toBeNull();
  });

  it('keeps full resolution when its floor says so (software WebGL), thinning detail only', () => {
    const governor = new QualityGovernor(1, 1);
    for (let i = 0; i < 30; i++) expect(window(governor, 1000)).toBeNull();
    expect(governor.pixelRatio).toBe(1);
    expect(governor.detail).toBe(0);
  });

  it('gives sharpness back first, then detail, and only after fast windows in a row', () => {
    const governor = new QualityGovernor(1);
    for (let i = 0; i < QUALITY.maxDetail + 1; i++) window(governor, SLOW);
    expect(governor.pixelRatio).toBeLessThan(1);
    // Fast windows must come in a row: a steady one in between starts the count again.
    for (let i = 0; i < QUALITY.fastWindowsToRecover - 1; i++) expect(window(governor, FAST)).toBeNull();
    expect(window(governor, STEADY)).toBeNull();
    for (let i = 0; i < QUALITY.fastWindowsToRecover - 1; i++) expect(window(governor, FAST)).toBeNull();
    expect(window(governor, FAST)).toBe(1);
    expect(governor.detail).toBe(0);
    for (let i = 0; i < QUALITY.fastWindowsToRecover; i++) window(governor, FAST);
    expect(governor.detail).toBe(1);
  });
});
