/**
 * Which keyboard shortcuts the kiosk swallows: in Electron before the page sees them
 * (before-input-event), under the browser host in the page itself before Chromium acts on
 * them (renderer/lockdown.ts). One table for both hosts; pure and isomorphic, so it is
 * unit-tested whole.
 */

/**
 * The fields of a key press the policy reads: Electron's `Input` (before-input-event) as is;
 * a DOM KeyboardEvent maps ctrlKey/metaKey/altKey/shiftKey onto them.
 */
export interface KeyInput {
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Keys blocked with or without modifiers: help, find next, reload, address bar, caret
 * browsing, menu, fullscreen, DevTools, and the browser keys of multimedia keyboards.
 */
const ALWAYS_BLOCKED = new Set([
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F10',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
]);

/**
 * Letters blocked with Ctrl (Cmd on macOS): close, quit, reload, print, view source, find,
 * save, open, history, downloads, new window/tab (and incognito with Shift), bookmark,
 * address bar and its search, minimise. Select all, copy, paste, cut, undo and redo pass
 * (staff type in the settings).
 */
const MOD_LETTERS = new Set([
  'w',
  'q',
  'r',
  'p',
  'u',
  'f',
  'g',
  's',
  'o',
  'h',
  'j',
  'n',
  't',
  'd',
  'l',
  'e',
  'k',
  'm',
]);

/** Letters blocked with Ctrl+Shift only: bookmarks bar (Ctrl+B alone is bold in a text field). */
const MOD_SHIFT_LETTERS = new Set(['b']);

/** Keys blocked with Ctrl (Cmd): switching and clearing tabs and browsing data. */
const MOD_KEYS = new Set(['Tab', 'PageUp', 'PageDown', 'Delete']);

/** Keys blocked with Alt alone: back, forward, home page, address bar and the browser menu. */
const ALT_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home']);
const ALT_LETTERS = new Set(['d', 'e', 'f']);

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
 * fullscreen, view source, find, save/open, history, downloads, new windows and tabs, tab
 * switching, the address bar and browser-navigation keys.
 * Ordinary typing (letters, Shift, AltGr characters, Enter, Backspace, Escape, arrows),
 * text editing (Ctrl+A/C/V/X/Z/Y) and the staff shortcut Ctrl+Shift+A pass through.
 */
export function shouldBlockInput(input: KeyInput): boolean {
  if (ALWAYS_BLOCKED.has(input.key)) return true;
  // Alt+F4 and Ctrl+F4 close windows; F4 alone is harmless.
  if (input.key === 'F4' && (input.alt || input.control || input.meta)) return true;

  const mod = input.control || input.meta;
  if (!mod) return input.alt && isAltShortcut(input);
  if (ZOOM_CODES.has(input.code) || MOD_KEYS.has(input.key)) return true;
  const char = shortcutChar(input);
  if (char === null) return false;
  if (ZOOM_KEYS.has(char)) return true;
  // Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C: DevTools, console, element picker.
  if (DEVTOOLS_LETTERS.has(char) && (input.shift || (input.meta && input.alt))) return true;
  // AltGr (Ctrl+Alt on Windows) types characters: Ctrl+Alt+Q is "@" on German keyboards.
  if (input.control && input.alt && !input.meta) return false;
  // Ctrl+1…9: jump to a tab.
  if (/^[1-9]$/.test(char)) return true;
  if (MOD_SHIFT_LETTERS.has(char) && input.shift) return true;
  return MOD_LETTERS.has(char);
}

/** Alt without Ctrl/Cmd: back, forward, home, the address bar and the browser menu. */
function isAltShortcut(input: KeyInput): boolean {
  if (ALT_KEYS.has(input.key)) return true;
  const char = shortcutChar(input);
  return char !== null && ALT_LETTERS.has(char);
}
