import path from 'node:path';
import log from 'electron-log/main';
import type { Logger } from './logger.js';

/** Rotate the main log at 5 MB (electron-log keeps one previous file as main.old.log). */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * Sends main-process logs to `<dataDir>/logs/main.log` (and the console) with electron-log,
 * and records uncaught errors there instead of showing a dialog on the kiosk screen.
 */
export function setupLogging(dataDir: string): Logger {
  log.transports.file.resolvePathFn = () => path.join(dataDir, 'logs', 'main.log');
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.errorHandler.startCatching({ showDialog: false });
  return {
    info: (message) => {
      log.info(message);
    },
    warn: (message) => {
      log.warn(message);
    },
    error: (message) => {
      log.error(message);
    },
  };
}
