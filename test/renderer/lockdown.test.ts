/**
 * The page's lockdown guards, on a plain EventTarget (the Playwright spec presses the real
 * keys in Chromium): what they cancel, what they let through, and that they run first.
 */
import { describe, expect, it } from 'vitest';
import { installLockdown } from '../../renderer/lockdown/guards.js';

function setUp(): { target: EventTarget; root: { style: { touchAction: string } }; seen: string[] } {
  const target = new EventTarget();
  const root = { style: { touchAction: '' } };
  installLockdown(target, root);
  const seen: string[] = [];
  // A page listener added later (e.g. the staff shortcut): it sees only what passes.
  for (const type of ['keydown', 'contextmenu', 'drop', 'wheel', 'touchmove']) {
    target.addEventListener(type, () => seen.push(type));
  }
  return { target, root, seen };
}

function fire(target: EventTarget, type: string, fields: Record<string, unknown> = {}): Event {
  const event = Object.assign(new Event(type, { cancelable: true }), fields);
  target.dispatchEvent(event);
  return event;
}

describe('page lockdown', () => {
  it.each([
    ['F5', { key: 'F5', code: 'F5' }],
    ['Ctrl+R', { key: 'r', code: 'KeyR', ctrlKey: true }],
    ['Ctrl+P', { key: 'p', code: 'KeyP', ctrlKey: true }],
    ['F12', { key: 'F12', code: 'F12' }],
    ['Ctrl+Shift+I', { key: 'I', code: 'KeyI', ctrlKey: true, shiftKey: true }],
    ['Ctrl+=', { key: '=', code: 'Equal', ctrlKey: true }],
    ['Alt+ArrowLeft', { key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }],
  ])('cancels %s before any page listener', (_name, fields) => {
    const { target, seen } = setUp();
    expect(fire(target, 'keydown', fields).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });

  it('lets the staff shortcut and typing through', () => {
    const { target, seen } = setUp();
    expect(
      fire(target, 'keydown', { key: 'A', code: 'KeyA', ctrlKey: true, shiftKey: true }).defaultPrevented,
    ).toBe(false);
    expect(fire(target, 'keydown', { key: '5', code: 'Digit5' }).defaultPrevented).toBe(false);
    expect(seen).toEqual(['keydown', 'keydown']);
  });

  it('cancels the context menu, drops, Ctrl+wheel and two-finger moves, but not plain scrolling or one finger', () => {
    const { target, root } = setUp();
    expect(fire(target, 'contextmenu').defaultPrevented).toBe(true);
    expect(fire(target, 'dragover').defaultPrevented).toBe(true);
    expect(fire(target, 'drop').defaultPrevented).toBe(true);
    expect(fire(target, 'wheel', { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(fire(target, 'wheel', { ctrlKey: false }).defaultPrevented).toBe(false);
    expect(fire(target, 'touchmove', { touches: { length: 2 } }).defaultPrevented).toBe(true);
    expect(fire(target, 'touchmove', { touches: { length: 1 } }).defaultPrevented).toBe(false);
    expect(fire(target, 'gesturestart').defaultPrevented).toBe(true);
    expect(fire(target, 'auxclick', { button: 1 }).defaultPrevented).toBe(true);
    expect(root.style.touchAction).toBe('pan-x pan-y');
  });

  it('installs once per target', () => {
    const { target, seen } = setUp();
    installLockdown(target, null);
    expect(fire(target, 'keydown', { key: 'a', code: 'KeyA' }).defaultPrevented).toBe(false);
    expect(seen).toEqual(['keydown']);
  });
});
