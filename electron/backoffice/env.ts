/**
 * Environment overrides read at open. A wrong value is a configuration mistake staff
 * must see at launch, so it throws with the variable's name instead of being ignored.
 */

export interface EnvOverrides {
  /** KIOSK_IDLE_SECONDS: replaces the stored idle time in config() while set. */
  idleSeconds?: number;
}

const IDLE_MIN = 5;
const IDLE_MAX = 3600;

/**
 * Parses the kiosk's environment overrides. An unset or empty variable means "no override".
 * @throws Error naming the variable, the accepted range and the value found.
 */
export function readEnvOverrides(env: Record<string, string | undefined>): EnvOverrides {
  const overrides: EnvOverrides = {};
  const raw = env.KIOSK_IDLE_SECONDS?.trim();
  if (raw !== undefined && raw !== '') {
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < IDLE_MIN || value > IDLE_MAX) {
      throw new Error(
        `KIOSK_IDLE_SECONDS must be a whole number of seconds from ${IDLE_MIN} to ${IDLE_MAX}, ` +
          `but it is "${raw}". Fix or unset it, then start the kiosk again.`,
      );
    }
    overrides.idleSeconds = value;
  }
  return overrides;
}
