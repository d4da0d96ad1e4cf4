/**
 * Installs the page's lockdown (context menu, drag and drop, every shortcut a page can
 * cancel, Ctrl+wheel, pinch) the moment this module is evaluated. main.ts imports it FIRST,
 * before the styles, the fonts and the bridge, so the guards hold even when the boot fails.
 * Runs in the renderer.
 */
import { installLockdown } from './lockdown/guards.js';

installLockdown(window, document.documentElement);
