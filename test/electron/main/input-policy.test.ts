import { describe, expect, it } from 'vitest';
import { shouldBlockInput, type KeyInput } from '../../../electron/main/input-policy.js';

type Mods = Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>>;

/** A keyDown as Electron reports it; `code` defaults to the US-layout physical key. */
function key(keyName: string, mods: Mods = {}, code?: string): KeyInput {
  const guessed = /^[a-z]$/i.test(keyName) ? `Key${keyName.toUpperCase()}` : keyName;
  return {
    key: keyName,
    code: code ?? guessed,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  };
}
const ctrl = { control: true };
const cmd = { meta: true };
const ctrlShift = { control: true, shift: true };

describe('shouldBlockInput: blocked', () => {
  it.each<[string, KeyInput]>([
    // reload
    ['F5', key('F5')],
    ['Ctrl+F5', key('F5', ctrl)],
    ['Ctrl+R', key('r', ctrl)],
    ['Cmd+R', key('r', cmd)],
    ['Ctrl+Shift+R', key('R', ctrlShift)],
    ['BrowserRefresh media key', key('BrowserRefresh')],
    // DevTools
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', ctrlShift)],
    ['Ctrl+Shift+J', key('J', ctrlShift)],
    ['Ctrl+Shift+C', key('C', ctrlShift)],
    ['Cmd+Alt+I (macOS gives a dead key)', key('Dead', { meta: true, alt: true }, 'KeyI')],
    ['Cmd+Alt+I (ASCII key)', key('i', { meta: true, alt: true })],
    ['Cmd+Alt+J', key('∆', { meta: true, alt: true }, 'KeyJ')],
    // close / quit
    ['Ctrl+W', key('w', ctrl)],
    ['Cmd+W', key('w', cmd)],
    ['Ctrl+Shift+W', key('W', ctrlShift)],
    ['Ctrl+F4', key('F4', ctrl)],
    ['Alt+F4', key('F4', { alt: true })],
    ['Cmd+Q', key('q', cmd)],
    ['Ctrl+Q', key('q', ctrl)],
    // zoom
    ['Ctrl+=', key('=', ctrl, 'Equal')],
    ['Ctrl+Shift+= (+)', key('+', ctrlShift, 'Equal')],
    ['Ctrl+-', key('-', ctrl, 'Minus')],
    ['Ctrl+_', key('_', ctrlShift, 'Minus')],
    ['Ctrl+0', key('0', ctrl, 'Digit0')],
    ['Cmd+=', key('=', cmd, 'Equal')],
    ['Cmd+-', key('-', cmd, 'Minus')],
    ['Ctrl+keypad +', key('+', ctrl, 'NumpadAdd')],
    ['Ctrl+keypad -', key('-', ctrl, 'NumpadSubtract')],
    ['Ctrl+keypad 0', key('0', ctrl, 'Numpad0')],
    ['Ctrl+0 on a layout with no ASCII on the digit row', key('đ', ctrl, 'Digit0')],
    // print, fullscreen, view source, find, save, open
    ['Ctrl+P', key('p', ctrl)],
    ['Cmd+P', key('p', cmd)],
    ['F11', key('F11')],
    ['Ctrl+U', key('u', ctrl)],
    ['Ctrl+F', key('f', ctrl)],
    ['Ctrl+G', key('g', ctrl)],
    ['Ctrl+S', key('s', ctrl)],
    ['Ctrl+O', key('o', ctrl)],
    // browser navigation keys
    ['BrowserBack', key('BrowserBack')],
    ['BrowserForward', key('BrowserForward')],
    ['BrowserHome', key('BrowserHome')],
    // help, find next, address bar, caret browsing, menu
    ['F1', key('F1')],
    ['F3', key('F3')],
    ['F6', key('F6')],
    ['F7', key('F7')],
    ['F10', key('F10')],
    // history, downloads, new window / tab / incognito, bookmarks, address bar
    ['Ctrl+H', key('h', ctrl)],
    ['Ctrl+J', key('j', ctrl)],
    ['Ctrl+N', key('n', ctrl)],
    ['Ctrl+Shift+N', key('N', ctrlShift)],
    ['Ctrl+T', key('t', ctrl)],
    ['Ctrl+Shift+T', key('T', ctrlShift)],
    ['Ctrl+D', key('d', ctrl)],
    ['Ctrl+L', key('l', ctrl)],
    ['Ctrl+E', key('e', ctrl)],
    ['Ctrl+K', key('k', ctrl)],
    ['Ctrl+Shift+B', key('B', ctrlShift)],
    ['Ctrl+Shift+Delete', key('Delete', ctrlShift)],
    ['Ctrl+Tab', key('Tab', ctrl)],
    ['Ctrl+PageDown', key('PageDown', ctrl)],
    ['Ctrl+1', key('1', ctrl, 'Digit1')],
    ['Cmd+9', key('9', cmd, 'Digit9')],
    // Alt: back, forward, home, address bar, menu
    ['Alt+ArrowLeft', key('ArrowLeft', { alt: true })],
    ['Alt+ArrowRight', key('ArrowRight', { alt: true })],
    ['Alt+Home', key('Home', { alt: true })],
    ['Alt+D', key('d', { alt: true })],
    ['Alt+F', key('f', { alt: true })],
  ])('%s', (_name, input) => {
    expect(shouldBlockInput(input)).toBe(true);
  });
});

describe('shouldBlockInput: allowed', () => {
  it.each<[string, KeyInput]>([
    ['staff shortcut Ctrl+Shift+A', key('A', ctrlShift)],
    ['staff shortcut Cmd+Shift+A', key('A', { meta: true, shift: true })],
    ['letter a', key('a')],
    ['capital A', key('A', { shift: true })],
    ['Vietnamese ư', key('ư', {}, 'BracketLeft')],
    ['IME composition key', key('Process', {}, 'KeyA')],
    ['digit 0 without modifiers', key('0', {}, 'Digit0')],
    ['= and - without modifiers', key('=', {}, 'Equal')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Escape', key('Escape')],
    ['Space', key(' ', {}, 'Space')],
    ['ArrowLeft', key('ArrowLeft')],
    ['Tab', key('Tab')],
    ['F4 alone', key('F4')],
    ['Ctrl+B (bold in a text field)', key('b', ctrl)],
    ['Ctrl+X (cut)', key('x', ctrl)],
    ['Ctrl+Y (redo)', key('y', ctrl)],
    ['digit 1 without modifiers', key('1', {}, 'Digit1')],
    ['Ctrl+A (select all)', key('a', ctrl)],
    ['Ctrl+C (copy)', key('c', ctrl)],
    ['Ctrl+V (paste)', key('v', ctrl)],
    ['Ctrl+Z (undo)', key('z', ctrl)],
    ['Shift+I (typing a capital I)', key('I', { shift: true })],
    ['AltGr+Q = @ on a German layout', key('@', { control: true, alt: true }, 'KeyQ')],
    ['AltGr+E = € on a German layout', key('€', { control: true, alt: true }, 'KeyE')],
    ['AltGr+0 = } on a German layout', key('}', { control: true, alt: true }, 'Digit0')],
    ['Alt+R (no Ctrl)', key('r', { alt: true })],
  ])('%s', (_name, input) => {
    expect(shouldBlockInput(input)).toBe(false);
  });
});
