/**
 * The page's own lockdown: what a visitor can do to the browser from the touch screen or a
 * keyboard, blocked by the page itself. Under the browser host this is the only lockdown
 * Chromium leaves to a page (the managed policy in deploy/ does the rest); in Electron it is
 * a second layer behind before-input-event. Installed by ../lockdown.ts; DOM-free apart
 * from the target it is given, so it is unit-tested on a plain EventTarget.
 */
import { shouldBlockInput } from '../../electron/bridge/key-policy.js';

/** The parts of `window` the guards attach to (an EventTarget in unit tests). */
export interface LockdownTarget {
  addEventListener(type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
}

/** Event fields the guards read; DOM events have them, test events get them assigned. */
interface GuardedEvent extends Event {
  key?: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  button?: number;
  touches?: { length: number };
}

/** Capture phase, not passive: the guards must run first and be able to cancel. */
const FIRST: AddEventListenerOptions = { capture: true, passive: false };

function block(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

function blockShortcut(event: GuardedEvent): void {
  const input = {
    key: event.key ?? '',
    code: event.code ?? '',
    control: event.ctrlKey === true,
    meta: event.metaKey === true,
    alt: event.altKey === true,
    shift: event.shiftKey === true,
  };
  if (shouldBlockInput(input)) block(event);
}

/**
 * Installs every guard on `target` and keeps pinch-zoom off on `root` (CSS touch-action,
 * which the compositor honours without asking any script). Idempotent per target.
 */
export function installLockdown(
  target: LockdownTarget,
  root: { style: { touchAction: string } } | null,
): void {
  const marked = target as LockdownTarget & { kioskLockdown?: boolean };
  if (marked.kioskLockdown === true) return;
  marked.kioskLockdown = true;

  // Keyboard shortcuts a page can cancel: reload, print, save, open, view source, find,
  // DevTools, zoom, history, downloads, new windows and tabs, back/forward… The staff
  // shortcut Ctrl+Shift+A is not in the table and reaches the staff layer.
  target.addEventListener('keydown', blockShortcut, FIRST);
  target.addEventListener('keyup', blockShortcut, FIRST);
  // The browser's context menu (long press on a touch screen, right click).
  target.addEventListener('contextmenu', block, FIRST);
  // Dropped files or links would navigate away from the kiosk.
  for (const type of ['dragstart', 'dragenter', 'dragover', 'drop'])
    target.addEventListener(type, block, FIRST);
  // Middle click opens links in a new tab (and starts auto-scroll).
  target.addEventListener(
    'auxclick',
    (event: GuardedEvent) => {
      if (event.button === 1) block(event);
    },
    FIRST,
  );
  target.addEventListener(
    'mousedown',
    (event: GuardedEvent) => {
      if (event.button === 1) event.preventDefault();
    },
    FIRST,
  );
  // Ctrl+wheel (and a touchpad pinch, which Chromium sends as Ctrl+wheel) zooms the page.
  target.addEventListener(
    'wheel',
    (event: GuardedEvent) => {
      if (event.ctrlKey === true) event.preventDefault();
    },
    FIRST,
  );
  // Pinch on a touch screen: two fingers moving. (touch-action below stops the rest.)
  target.addEventListener(
    'touchmove',
    (event: GuardedEvent) => {
      if ((event.touches?.length ?? 0) > 1) event.preventDefault();
    },
    FIRST,
  );
  // Safari's gesture events, for completeness on an iPad kiosk.
  for (const type of ['gesturestart', 'gesturechange', 'gestureend'])
    target.addEventListener(type, block, FIRST);
  // Panning stays; pinch-zoom and double-tap zoom go, whatever the styles say later.
  if (root !== null) root.style.touchAction = 'pan-x pan-y';
}
