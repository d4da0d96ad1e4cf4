/**
 * Where the kiosk keeps its data when KIOSK_DATA_DIR is not set. Shared by both hosts so the
 * Electron kiosk and the browser host on one machine use the same journal. Plain Node.
 */
import os from 'node:os';
import path from 'node:path';

/** Folder name under the platform's per-user application-data folder (ASCII on purpose). */
export const APP_DATA_FOLDER = 'not-alone-kiosk';

/** The platform's per-user application-data folder (what Electron calls `appData`). */
export function platformAppDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** `KIOSK_DATA_DIR` when set and non-blank (made absolute), else `<appData>/not-alone-kiosk`. */
export function resolveDataDir(env: Record<string, string | undefined>, appDataDir: string): string {
  const fromEnv = env.KIOSK_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(appDataDir, APP_DATA_FOLDER);
}
