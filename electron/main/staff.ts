import { app } from 'electron';

let staffExitRequested = false;

/**
 * The staff exit: the only deliberate way out of the kiosk to the desktop (the admin panel
 * calls it). Marks the exit as intended, so the window may close, then quits.
 */
export function exitToDesktop(): void {
  staffExitRequested = true;
  app.quit();
}

/** True once staff asked to leave the kiosk. */
export function isStaffExitRequested(): boolean {
  return staffExitRequested;
}
