import { describe, expect, it } from 'vitest';
import {
  isSoftwareRenderer,
  QUALITY,
  QualityGovernor,
} from '../../../../scenes/shared/three/render-quality.js';

describe('isSoftwareRenderer', () => {
  it('recognises CPU rasterisers and not GPUs', () => {
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)')).toBe(false);
  });
});

describe('QualityGovernor', () => {
  const feed = (governor: QualityGovernor, frameMs: number, frames: number): (number | null)[] =>
    Array.from({ length: frames }, () => governor.sample(frameMs));

  it('decides only once per window of frames', () => {
    const governor = new QualityGovernor(1);
    const answers = feed(governor, 100, QUALITY.windowFrames);
    expect(answers.slice(0, -1).every((answer) => answer === null)).toBe(true);
    expect(answers.at(-1)).toBeCloseTo(QUALITY.step);
  });

  it('keeps the resolution while frames are fast', () => {
    const governor = new QualityGovernor(1);
    feed(governor, QUALITY.slowFrameMs / 2, QUALITY.windowFrames * 4);
    expect(governor.pixelRatio).toBe(1);
  });

  it('steps down while slow and never below the floor', () => {
    const governor = new QualityGovernor(1);
    feed(governor, 1000, QUALITY.windowFrames * 40);
    expect(governor.pixelRatio).toBe(QUALITY.minPixelRatio);
    expect(feed(governor, 1000, QUALITY.windowFrames).every((answer) => answer === null)).toBe(true);
  });
});
