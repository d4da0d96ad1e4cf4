import { restartingPageHtml } from '../host/restarting-page.js';
import { KIOSK_START_URL } from './kiosk-url.js';

/** Seconds the recovery page waits before trying the kiosk again. */
export const RECOVERY_RETRY_SECONDS = 15;

/**
 * The page shown when the renderer keeps crashing. Served by the `app://` protocol itself
 * (at RECOVERY_PATH) so it works even when the renderer build is broken or missing.
 *
 * Script-free: the CSP forbids inline scripts, so it retries with a meta refresh. Bilingual,
 * and it keeps the help hotlines on screen while the kiosk is down (the same page as the
 * browser host's offline page, see electron/host/restarting-page.ts).
 */
export const RECOVERY_PAGE_HTML = restartingPageHtml({
  head: `<meta http-equiv="refresh" content="${RECOVERY_RETRY_SECONDS};url=${KIOSK_START_URL}">\n`,
});
