/**
 * Reads the browser host's settings from the environment, with clear errors that name the
 * variable. Runs in Node.
 */
import { platformAppDataDir, resolveDataDir } from '../backoffice/data-dir.js';

export const DEFAULT_PORT = 8787;

export interface HostEnvironment {
  port: number;
  dataDir: string;
}

/** A configuration mistake staff must fix; the CLI prints it and exits with code 2. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Parses KIOSK_PORT and KIOSK_DATA_DIR (KIOSK_IDLE_SECONDS is read by the back office). */
export function readHostEnvironment(env: Record<string, string | undefined>): HostEnvironment {
  const rawPort = env.KIOSK_PORT?.trim();
  let port = DEFAULT_PORT;
  if (rawPort !== undefined && rawPort !== '') {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new ConfigurationError(
        `KIOSK_PORT must be a whole number from 0 to 65535 (0 picks a free port); got "${rawPort}".`,
      );
    }
  }
  return { port, dataDir: resolveDataDir(env, platformAppDataDir()) };
}
