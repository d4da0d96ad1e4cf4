/**
 * How the launcher starts Chromium for the browser-host kiosk. Pure, so the arguments are
 * unit-tested. The managed policy (policy.ts) does the locking down; these flags make the
 * window a kiosk and keep Chromium's own prompts and bubbles off the public screen.
 */
import { pathToFileURL } from 'node:url';

export interface ChromiumOptions {
  /** The browser host's address, e.g. http://127.0.0.1:8787/. */
  hostUrl: string;
  /** Absolute path of the offline "restarting" page. */
  offlinePage: string;
  /** Chromium's profile folder (the kiosk user's, kept between starts). */
  profileDir: string;
}

/**
 * Chromium opens on the offline page, which shows the bilingual "restarting" screen with the
 * help lines and goes to the host (named in its hash) as soon as the host answers: so a
 * Chromium started before the host, or restarted while the host is down, never shows
 * Chromium's own error page.
 */
export function offlineUrl(offlinePage: string, hostUrl: string): string {
  return `${pathToFileURL(offlinePage).href}#${encodeURIComponent(hostUrl)}`;
}

/** The command-line arguments, the start URL last. */
export function chromiumArgs(options: ChromiumOptions): string[] {
  return [
    '--kiosk',
    `--user-data-dir=${options.profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation',
    '--disable-component-update',
    '--check-for-update-interval=31536000',
    '--autoplay-policy=no-user-gesture-required',
    '--password-store=basic',
    // Wayland under cage, X11 elsewhere: Chromium picks.
    '--ozone-platform-hint=auto',
    offlineUrl(options.offlinePage, options.hostUrl),
  ];
}
