/**
 * Sync settings from the environment, which win over the stored ones while set (a fleet is
 * configured by its supervisor, not by hand on each screen). Like KIOSK_IDLE_SECONDS, a
 * wrong value stops the launch with a sentence naming the variable.
 */
import { collectorUrlProblem } from '../../bridge/admin-contract.js';
import { MAX_BATCH_RECORDS } from '../../bridge/sync-contract.js';

export interface SyncEnv {
  /** KIOSK_SYNC_URL: the collector URL. */
  url?: string;
  /** KIOSK_SYNC_TOKEN: the kiosk's token. */
  token?: string;
  /** KIOSK_SYNC_INTERVAL_SECONDS (5–86400). */
  intervalSeconds?: number;
  /** KIOSK_SYNC: on / off (also 1 / 0, true / false). */
  enabled?: boolean;
  /** KIOSK_SYNC_BATCH_SIZE (1–5000). */
  batchSize?: number;
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, but it is "${raw}".`);
  }
  return value;
}

/**
 * Reads the KIOSK_SYNC* variables; unset or empty means "use the stored setting".
 * @throws Error naming the variable and what it accepts (the token's value is never quoted)
 */
export function readSyncEnv(env: Record<string, string | undefined>): SyncEnv {
  const result: SyncEnv = {};
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const url = get('KIOSK_SYNC_URL');
  if (url !== undefined) {
    const problem = collectorUrlProblem(url);
    if (problem !== null) throw new Error(`KIOSK_SYNC_URL is not usable: ${problem}.`);
    result.url = url;
  }
  const token = get('KIOSK_SYNC_TOKEN');
  if (token !== undefined) {
    if (!/^[\x21-\x7e]{16,256}$/.test(token))
      throw new Error(
        'KIOSK_SYNC_TOKEN must be 16–256 printable characters without spaces (as the collector issues them).',
      );
    result.token = token;
  }
  const interval = get('KIOSK_SYNC_INTERVAL_SECONDS');
  if (interval !== undefined)
    result.intervalSeconds = wholeNumber('KIOSK_SYNC_INTERVAL_SECONDS', interval, 5, 86_400);
  const enabled = get('KIOSK_SYNC');
  if (enabled !== undefined) {
    const lower = enabled.toLowerCase();
    if (['on', '1', 'true', 'yes'].includes(lower)) result.enabled = true;
    else if (['off', '0', 'false', 'no'].includes(lower)) result.enabled = false;
    else throw new Error(`KIOSK_SYNC must be "on" or "off", but it is "${enabled}".`);
  }
  const batch = get('KIOSK_SYNC_BATCH_SIZE');
  if (batch !== undefined)
    result.batchSize = wholeNumber('KIOSK_SYNC_BATCH_SIZE', batch, 1, MAX_BATCH_RECORDS);
  return result;
}
