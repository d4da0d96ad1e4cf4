import { app } from 'electron';

/**
 * Chromium switches for a touch kiosk; must be set before `app` is ready.
 * - no overscroll history navigation: a two-finger swipe must not go "back";
 * - no pinch zoom (belt and braces with the visual zoom limits set per page).
 */
export function setupChromiumSwitches(): void {
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  app.commandLine.appendSwitch('disable-pinch');
}
