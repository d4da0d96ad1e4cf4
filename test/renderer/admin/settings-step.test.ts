import { describe, expect, it } from 'vitest';
import { IDLE_MAX_S, IDLE_MIN_S, stepIdle } from '../../../renderer/admin/settings-view.js';

describe('stepIdle', () => {
  it('moves in 15 s steps within 15–600 s', () => {
    expect(stepIdle(60, 1)).toBe(75);
    expect(stepIdle(60, -1)).toBe(45);
    expect(stepIdle(IDLE_MIN_S, -1)).toBe(IDLE_MIN_S);
    expect(stepIdle(IDLE_MAX_S, 1)).toBe(IDLE_MAX_S);
  });

  it('snaps an off-grid value (set by env or an older version) onto the grid in the pressed direction', () => {
    expect(stepIdle(50, 1)).toBe(60);
    expect(stepIdle(50, -1)).toBe(45);
    expect(stepIdle(5, 1)).toBe(IDLE_MIN_S);
    expect(stepIdle(3600, -1)).toBe(IDLE_MAX_S);
  });
});
