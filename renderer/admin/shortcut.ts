/**
 * The staff keyboard shortcut, Ctrl+Shift+A. The Electron lockdown deliberately lets this one
 * combination through to the page. Pure so it is unit-tested.
 */

/** The parts of a KeyboardEvent the check needs. */
export interface KeyLike {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly repeat?: boolean;
}

/**
 * True for Ctrl+Shift+A exactly (no Alt, no Meta, not auto-repeat). Matches on the physical
 * key too, so it works whatever keyboard layout Windows has set (e.g. a Vietnamese Telex IME).
 */
export function isAdminShortcut(event: KeyLike): boolean {
  if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey || event.repeat === true)
    return false;
  return event.key.toLowerCase() === 'a' || event.code === 'KeyA';
}
