/**
 * The kiosk's own origin and the URLs the shell loads. No electron import, so the
 * policies built on it (navigation, IPC sender checks) are plain functions to test.
 */

/** Privileged custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The only host the scheme serves. */
export const APP_HOST = 'kiosk';
/** Origin of every page the kiosk may show. */
export const KIOSK_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the kiosk window loads at start and after a crash. */
export const KIOSK_START_URL = `${KIOSK_ORIGIN}/index.html`;
/** Path of the built-in recovery page, answered before any file lookup. */
export const RECOVERY_PATH = '/__recovery';
export const RECOVERY_URL = `${KIOSK_ORIGIN}${RECOVERY_PATH}`;

/**
 * True when `url` belongs to the kiosk origin (`app://kiosk`, no port).
 * Compares scheme and host rather than `URL.origin`, because Node reports the
 * origin of non-special schemes as "null".
 */
export function isKioskUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}
