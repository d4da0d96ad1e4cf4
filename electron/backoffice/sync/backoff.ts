/**
 * Retry delays for sync: exponential backoff with "full jitter" (a uniformly random delay
 * between 0 and the exponential ceiling), capped. Jitter keeps a hall full of kiosks that
 * lost the same Wi-Fi from all knocking on the collector at the same instant when it returns.
 */

export interface BackoffPolicy {
  /** The ceiling after the first failure. */
  baseMs: number;
  /** The ceiling never grows beyond this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** The ceiling for retry number `attempt` (1 = first retry): min(cap, base · 2^(attempt−1)). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 40));
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/**
 * The delay before retry number `attempt`: uniformly random in [0, ceiling).
 * @param random a source of numbers in [0, 1) (Math.random; tests pass their own)
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}
