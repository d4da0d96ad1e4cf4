import { BrowserWindow, Menu, type BrowserWindowConstructorOptions } from 'electron';
import { KIOSK_START_URL } from './kiosk-url.js';
import type { Logger } from './logger.js';

/** The app's dark navy, shown before the first paint so the kiosk never flashes white. */
export const KIOSK_BACKGROUND_COLOR = '#0b1026';

/**
 * Whether the kiosk window may open DevTools: never in a packaged build, and in an unpackaged
 * one (`npm start`) only when a developer asks with KIOSK_DEVTOOLS=1, since `npm start` is
 * also how a kiosk may be run from a checkout.
 */
export function devToolsAllowed(isPackaged: boolean, env: Record<string, string | undefined>): boolean {
  return !isPackaged && env.KIOSK_DEVTOOLS?.trim() === '1';
}

/**
 * Options of the single kiosk window: fullscreen kiosk mode, no menu bar, and a renderer
 * that is isolated, sandboxed and Node-free. DevTools only where `devTools` says so.
 */
export function kioskWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Không Một Mình – Not Alone',
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: KIOSK_BACKGROUND_COLOR,
    show: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools,
      spellcheck: false,
      safeDialogs: true,
      // Animations and the idle timer must keep running even if the window loses focus.
      backgroundThrottling: false,
      // The attract loop may play sound before anyone touches the screen.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/** Removes the menu, opens the kiosk window and loads the start page. */
export function createKioskWindow(preloadPath: string, devTools: boolean, logger: Logger): BrowserWindow {
  Menu.setApplicationMenu(null);
  const win = new BrowserWindow(kioskWindowOptions(preloadPath, devTools));
  win.loadURL(KIOSK_START_URL).catch((error: unknown) => {
    logger.error(
      `Could not load ${KIOSK_START_URL}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return win;
}
