/**
 * Which keyboard shortcuts the kiosk swallows before the page or Chromium sees them.
 * Pure (no electron import) so the whole table is unit-tested.
 */

/** The fields of Electron's `Input` (before-input-event) the policy reads. */
export interface KeyInput {
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Keys blocked with or without modifiers: reload, DevTools, fullscreen, browser-navigation keys. */
const ALWAYS_BLOCKED = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
]);

/** Letters blocked with Ctrl (Cmd on macOS): close, quit, reload, print, view source, find, save, open. */
const MOD_LETTERS = new Set(['w', 'q', 'r', 'p', 'u', 'f', 'g', 's', 'o']);

/** Letters that open DevTools with Ctrl+Shift (or Cmd+Alt on macOS). */
const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);

/** Zoom keys: Ctrl/Cmd with + = - _ 0, main row or keypad. */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/** Physical-key fallbacks, for when the layout gives a non-ASCII `key` (e.g. macOS Option+I gives "ˆ"). */
const CODE_TO_CHAR: Readonly<Record<string, string>> = { Equal: '=', Minus: '-', Digit0: '0' };

/**
 * The character a shortcut is about, lowercased: `key` when it is ASCII, else the
 * physical key from `code`. The physical fallback is skipped for AltGr (Ctrl+Alt on
 * Windows), which types characters such as "@" rather than issuing shortcuts.
 */
function shortcutChar(input: KeyInput): string | null {
  if (input.key.length === 1 && input.key.charCodeAt(0) < 128) return input.key.toLowerCase();
  if (input.control && input.alt) return null;
  if (/^Key[A-Z]$/.test(input.code)) return input.code.slice(3).toLowerCase();
  return CODE_TO_CHAR[input.code] ?? null;
}

/**
 * True when the key event must be swallowed: reload, DevTools, close/quit, zoom, print,
 * fullscreen, view source, find, save/open and browser-navigation keys.
 * Ordinary typing (letters, Shift, AltGr characters, Enter, Backspace, Escape, arrows)
 * and the staff shortcut Ctrl+Shift+A pass through.
 */
export function shouldBlockInput(input: KeyInput): boolean {
  if (ALWAYS_BLOCKED.has(input.key)) return true;
  // Alt+F4 and Ctrl+F4 close windows; F4 alone is harmless.
  if (input.key === 'F4' && (input.alt || input.control || input.meta)) return true;

  const mod = input.control || input.meta;
  if (!mod) return false;
  if (ZOOM_CODES.has(input.code)) return true;
  const char = shortcutChar(input);
  if (char === null) return false;
  if (ZOOM_KEYS.has(char)) return true;
  // Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C: DevTools, console, element picker.
  if (DEVTOOLS_LETTERS.has(char) && (input.shift || (input.meta && input.alt))) return true;
  // AltGr (Ctrl+Alt on Windows) types characters: Ctrl+Alt+Q is "@" on German keyboards.
  if (input.control && input.alt && !input.meta) return false;
  return MOD_LETTERS.has(char);
}
