/**
 * The browser host's offline page (deploy/offline/restarting.html): the bilingual
 * "restarting" screen with 111 and 113, opened by Chromium from the disk (file://) at every
 * start. A small script asks the host (named in the page's #hash, loopback only) whether it
 * answers, every 3 s, and goes there once it does: Chromium never shows its own error page
 * while the host is starting or restarting.
 */
import { restartingPageHtml } from '../restarting-page.js';

/** How often the page asks whether the host is back. */
export const OFFLINE_RETRY_MS = 3_000;

const SCRIPT = `<script>
(function () {
  var fallback = 'http://127.0.0.1:8787/';
  var target = decodeURIComponent(location.hash.slice(1)) || fallback;
  // Only ever back to the kiosk on this machine.
  if (!/^http:\\/\\/127\\.0\\.0\\.1:\\d{1,5}\\/$/.test(target)) target = fallback;
  function tryHost() {
    fetch(target + 'healthz', { mode: 'no-cors', cache: 'no-store' }).then(
      function () { location.replace(target); },
      function () { setTimeout(tryHost, ${OFFLINE_RETRY_MS}); }
    );
  }
  tryHost();
})();
</script>
`;

/** The page's HTML, as committed in deploy/offline/restarting.html. */
export function offlinePageHtml(): string {
  return restartingPageHtml({ head: '', script: SCRIPT });
}
