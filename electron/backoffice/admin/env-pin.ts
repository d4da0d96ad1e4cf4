/**
 * The staff PIN's environment variables. A wrong value is a configuration mistake that stops
 * the launch with the variable's name, like KIOSK_IDLE_SECONDS.
 *
 * - KIOSK_ADMIN_PIN: the staff PIN, used while the kiosk has no usable PIN (first start, or
 *   "locked: provision the PIN again"); ignored once a PIN is stored.
 * - KIOSK_ALLOW_SCREEN_SETUP=1: lets staff choose the first PIN on the touch screen, and only
 *   while no PIN was ever provisioned on this data folder (a bench set-up, not a festival).
 */
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinSchema } from '../../bridge/admin-contract.js';

/**
 * The PIN in KIOSK_ADMIN_PIN, or null when unset or empty.
 * @throws Error naming the variable when it is not 6 to 8 digits (the value is not echoed: it is a secret)
 */
export function readAdminPinEnv(env: Record<string, string | undefined>): string | null {
  const raw = env.KIOSK_ADMIN_PIN?.trim();
  if (raw === undefined || raw === '') return null;
  if (!PinSchema.safeParse(raw).success) {
    throw new Error(
      `KIOSK_ADMIN_PIN must be ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits (0–9); the value set (${raw.length} characters) is not. ` +
        'Fix or unset it, then start the kiosk again.',
    );
  }
  return raw;
}

/**
 * KIOSK_ALLOW_SCREEN_SETUP: "1" or "true" allows, "0", "false" or unset does not.
 * @throws Error naming the variable for any other value
 */
export function readScreenSetupEnv(env: Record<string, string | undefined>): boolean {
  const raw = env.KIOSK_ALLOW_SCREEN_SETUP?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(
    `KIOSK_ALLOW_SCREEN_SETUP must be 1 (allow choosing the first staff PIN on the screen) or 0; got "${raw}".`,
  );
}
