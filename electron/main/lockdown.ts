import { app, type Event, type WebContents } from 'electron';
import { shouldBlockInput } from './input-policy.js';
import type { Logger } from './logger.js';
import { isNavigationAllowed } from './navigation-policy.js';

/** Forces 100 % zoom and disables pinch-zoom; Chromium can reset limits on navigation, so it is re-applied after loads. */
function lockZoom(contents: WebContents, logger: Logger): void {
  contents.setZoomFactor(1);
  contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
    logger.warn(`Could not lock visual zoom: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * Hardens one webContents: blocks browser shortcuts, navigation away from the kiosk origin
 * (links, redirects, dropped files), new windows, <webview>, context menus and zoom.
 *
 * @returns nothing; every rule is an event listener on `contents`
 */
export function lockDownWebContents(contents: WebContents, logger: Logger): void {
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input)) event.preventDefault();
  });

  const guardNavigation = (event: Event, url: string, kind: string): void => {
    if (isNavigationAllowed(url)) return;
    event.preventDefault();
    logger.warn(`Blocked ${kind} to ${url}`);
  };
  // will-navigate covers the main frame; will-frame-navigate also covers iframes.
  contents.on('will-navigate', (event) => {
    guardNavigation(event, event.url, 'navigation');
  });
  contents.on('will-frame-navigate', (event) => {
    guardNavigation(event, event.url, 'frame navigation');
  });
  contents.on('will-redirect', (event) => {
    guardNavigation(event, event.url, 'redirect');
  });

  contents.setWindowOpenHandler(({ url }) => {
    logger.warn(`Blocked a new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview>');
  });
  // No menu is ever attached; preventing default also stops any platform menu.
  contents.on('context-menu', (event) => {
    event.preventDefault();
  });

  lockZoom(contents, logger);
  contents.on('did-finish-load', () => {
    lockZoom(contents, logger);
  });
  // Ctrl+wheel asks to zoom through this event; answer by staying at 100 %.
  contents.on('zoom-changed', () => {
    contents.setZoomFactor(1);
  });
}

/**
 * Applies `lockDownWebContents` to every webContents the app ever creates. Call before
 * the first window exists, so none escapes.
 */
export function setupLockdown(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, logger);
  });
}
