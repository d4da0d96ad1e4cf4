import { describe, expect, it } from 'vitest';
import { isAdminShortcut, type KeyLike } from '../../../renderer/admin/shortcut.js';

const plain: KeyLike = {
  key: 'A',
  code: 'KeyA',
  ctrlKey: true,
  shiftKey: true,
  altKey: false,
  metaKey: false,
};

describe('isAdminShortcut', () => {
  it('matches Ctrl+Shift+A, by key or by physical key (other layouts)', () => {
    expect(isAdminShortcut(plain)).toBe(true);
    expect(isAdminShortcut({ ...plain, key: 'a' })).toBe(true);
    expect(isAdminShortcut({ ...plain, key: 'ă', code: 'KeyA' })).toBe(true);
  });

  it('rejects other combinations and key repeat', () => {
    expect(isAdminShortcut({ ...plain, ctrlKey: false })).toBe(false);
    expect(isAdminShortcut({ ...plain, shiftKey: false })).toBe(false);
    expect(isAdminShortcut({ ...plain, altKey: true })).toBe(false);
    expect(isAdminShortcut({ ...plain, metaKey: true })).toBe(false);
    expect(isAdminShortcut({ ...plain, key: 'S', code: 'KeyS' })).toBe(false);
    expect(isAdminShortcut({ ...plain, repeat: true })).toBe(false);
  });
});
