/**
 * Listens for the hidden staff gesture and the Ctrl+Shift+A shortcut on the whole window.
 * Capture-phase and passive for ordinary touches: a visitor's taps reach the buttons
 * untouched. Only a touch that belongs to the staff gesture has its click swallowed, so the
 * long press on the attract screen does not also start a visitor session. Runs in the renderer.
 */
import { isAdminShortcut } from './shortcut.js';
import { UnlockGesture, type GestureVerdict } from './unlock-gesture.js';

/** A click this soon after a swallowed release belongs to it. */
const CLICK_AFTER_RELEASE_MS = 800;

export interface UnlockListener {
  /** Removes every listener. */
  dispose(): void;
}

/**
 * Calls `onUnlock` when the gesture completes or the shortcut is pressed, unless `enabled()`
 * says the staff screens are already showing.
 */
export function listenForUnlock(
  onUnlock: (via: 'gesture' | 'shortcut') => void,
  enabled: () => boolean,
  now: () => number = () => performance.now(),
): UnlockListener {
  const gesture = new UnlockGesture();
  let swallowClickUntil = -Infinity;
  const viewport = (): { width: number; height: number } => ({
    width: window.innerWidth,
    height: window.innerHeight,
  });

  const onDown = (event: PointerEvent): void => {
    if (!enabled() || !event.isPrimary) {
      gesture.cancel();
      return;
    }
    gesture.down({ pointerId: event.pointerId, x: event.clientX, y: event.clientY, at: now() }, viewport());
  };
  const onUp = (event: PointerEvent): void => {
    if (!enabled()) return;
    const verdict: GestureVerdict = gesture.up(
      { pointerId: event.pointerId, x: event.clientX, y: event.clientY, at: now() },
      viewport(),
    );
    if (verdict === 'pass') return;
    swallowClickUntil = now() + CLICK_AFTER_RELEASE_MS;
    if (verdict === 'unlock') onUnlock('gesture');
  };
  const onCancel = (): void => {
    gesture.cancel();
  };
  const onClick = (event: MouseEvent): void => {
    if (now() > swallowClickUntil) return;
    swallowClickUntil = -Infinity;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (!isAdminShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    if (enabled()) onUnlock('shortcut');
  };

  window.addEventListener('pointerdown', onDown, { capture: true, passive: true });
  window.addEventListener('pointerup', onUp, { capture: true, passive: true });
  window.addEventListener('pointercancel', onCancel, { capture: true, passive: true });
  window.addEventListener('click', onClick, { capture: true });
  window.addEventListener('keydown', onKey, { capture: true });
  return {
    dispose() {
      window.removeEventListener('pointerdown', onDown, { capture: true });
      window.removeEventListener('pointerup', onUp, { capture: true });
      window.removeEventListener('pointercancel', onCancel, { capture: true });
      window.removeEventListener('click', onClick, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
    },
  };
}
