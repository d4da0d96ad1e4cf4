import { isKioskUrl } from './kiosk-url.js';

/**
 * True when a frame may navigate to `url`: only pages of the kiosk origin.
 * Everything else is refused — web links, `file://` (what Chromium navigates to when a
 * file is dropped on the window), `javascript:`, `data:` and other custom schemes.
 */
export function isNavigationAllowed(url: string): boolean {
  return isKioskUrl(url);
}
