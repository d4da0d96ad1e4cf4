import { app, powerSaveBlocker } from 'electron';
import type { Logger } from './logger.js';

/**
 * Keeps the display on for as long as the kiosk runs (an unattended exhibit must not
 * blank), and releases the blocker when the app quits.
 * @returns the blocker id
 */
export function setupKeepAwake(logger: Logger): number {
  const id = powerSaveBlocker.start('prevent-display-sleep');
  logger.info(`Display sleep blocked (power save blocker ${id}).`);
  app.on('will-quit', () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  });
  return id;
}
