/**
 * The default logger: one line per message to `<dataDir>/logs/kiosk.log` and the console.
 *
 * A tiny appender instead of a logging library on purpose: no global state (several back
 * offices can live in one test process), nothing to configure, and it can never throw into
 * the visitor flow: if the log folder is unusable, lines still reach the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './types.js';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'kiosk.log';
/** Past this size at start-up the log is renamed to kiosk.old.log (one generation kept). */
const ROTATE_BYTES = 10 * 1024 * 1024;

type Level = keyof Logger;

/** One log line: ISO time, level, and the message with control characters flattened. */
export function formatLogLine(level: Level, message: string, at: Date): string {
  return `${at.toISOString()} [${level}] ${message.replace(/\p{Cc}+/gu, ' ')}\n`;
}

function rotateIfLarge(file: string): void {
  try {
    if (fs.statSync(file).size > ROTATE_BYTES) {
      fs.renameSync(file, path.join(path.dirname(file), 'kiosk.old.log'));
    }
  } catch {
    // No log yet, or no access: nothing to rotate.
  }
}

/**
 * A logger appending to `<dataDir>/logs/kiosk.log` and echoing to the console.
 * @param now clock for line timestamps (tests)
 */
export function createFileLogger(dataDir: string, now: () => Date = () => new Date()): Logger {
  const dir = path.join(dataDir, LOG_DIR);
  const file = path.join(dir, LOG_FILE);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    // Reported by the journal and settings, which fail on the same folder.
  }
  rotateIfLarge(file);
  const write = (level: Level, message: string): void => {
    const line = formatLogLine(level, message, now());
    try {
      fs.appendFileSync(file, line);
    } catch {
      // The console below still gets it; a log failure must never stop the kiosk.
    }
    const consoleLine = line.trimEnd();
    if (level === 'error') console.error(consoleLine);
    else if (level === 'warn') console.warn(consoleLine);
    else console.info(consoleLine);
  };
  return {
    info: (message) => {
      write('info', message);
    },
    warn: (message) => {
      write('warn', message);
    },
    error: (message) => {
      write('error', message);
    },
  };
}
