/**
 * KIOSK_ADMIN_PIN: the staff PIN given at the first start (e.g. by whoever sets up the
 * browser host), used only while no PIN is stored yet. A wrong value is a configuration
 * mistake that stops the launch with the variable's name, like KIOSK_IDLE_SECONDS.
 */
import { PinSchema } from '../../bridge/admin-contract.js';

/**
 * The PIN in KIOSK_ADMIN_PIN, or null when unset or empty.
 * @throws Error naming the variable when it is not 4 to 8 digits (the value is not echoed: it is a secret)
 */
export function readAdminPinEnv(env: Record<string, string | undefined>): string | null {
  const raw = env.KIOSK_ADMIN_PIN?.trim();
  if (raw === undefined || raw === '') return null;
  if (!PinSchema.safeParse(raw).success) {
    throw new Error(
      `KIOSK_ADMIN_PIN must be 4 to 8 digits (0–9); the value set (${raw.length} characters) is not. ` +
        'Fix or unset it, then start the kiosk again.',
    );
  }
  return raw;
}
