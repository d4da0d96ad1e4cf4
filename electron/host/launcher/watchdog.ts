/**
 * When the launcher restarts Chromium. A crashed tab ("Aw, Snap!"), a hung page or
 * Chromium's own error page all look the same from outside: the kiosk page stops calling the
 * host (it asks for its health every 30 s). The host says when it last heard from the page
 * (GET /healthz); Chromium cannot be driven through DevTools here, since the managed policy
 * switches DevTools off for everyone, the launcher included. Pure, so it is unit-tested.
 */

/** What GET /healthz answers. */
export interface Healthz {
  ok: true;
  /** Since when the page last made a bridge call, or null when it has not since the host started. */
  pageSeenMsAgo: number | null;
  /** How long the host has been running. */
  uptimeMs: number;
}

/**
 * The page may be silent this long (three of its 30 s health calls, and time to boot) before
 * it counts as dead.
 */
export const SILENT_LIMIT_MS = 95_000;

/**
 * Whether Chromium must be restarted, given the host's answer (null: the host is down or did
 * not answer) and how long Chromium has been running. The page has been quiet since the
 * latest of: its last call, the host's start (it could not call a host that was not there)
 * and Chromium's start (a new page needs a moment to boot).
 */
export function shouldRestartBrowser(
  health: Healthz | null,
  browserUpMs: number,
  silentLimitMs: number = SILENT_LIMIT_MS,
): boolean {
  // Host down: the page keeps what it has and the offline page waits; systemd restarts the host.
  if (health === null) return false;
  const quietMs = Math.min(browserUpMs, health.uptimeMs, health.pageSeenMsAgo ?? Number.POSITIVE_INFINITY);
  return quietMs > silentLimitMs;
}

/** Parses a /healthz body; null when it is not one. */
export function parseHealthz(body: unknown): Healthz | null {
  if (typeof body !== 'object' || body === null) return null;
  const { ok, pageSeenMsAgo, uptimeMs } = body as Record<string, unknown>;
  if (ok !== true || typeof uptimeMs !== 'number') return null;
  if (pageSeenMsAgo !== null && typeof pageSeenMsAgo !== 'number') return null;
  return { ok, pageSeenMsAgo, uptimeMs };
}
