/**
 * The default logger: one line per message to `<dataDir>/logs/kiosk.log` and the console.
 *
 * A tiny appender instead of a logging library on purpose: no global state (several back
 * offices can live in one test process), nothing to configure, and it can never throw into
 * the visitor flow: if the log folder is unusable, lines still reach the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, ensurePrivateDir, makePrivate } from './fsutil.js';
import type { Logger } from './types.js';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'kiosk.log';
/** Past this size at start-up the log is renamed to kiosk.old.log (one generation kept). */
const ROTATE_BYTES = 10 * 1024 * 1024;

type Level = keyof Logger;

/**
 * Characters that could make one message look like several lines, or reorder what a reader
 * sees: control characters (C0, C1 with NEL), the Unicode line and paragraph separators
 * (U+2028, U+2029, which many viewers and JSON tools treat as line breaks) and the bidi
 * embedding, override and isolate marks.
 */
const LINE_FORGING = /[\p{Cc}\p{Zl}\p{Zp}\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu;

/** `text` on one line: every run of line-forging characters becomes one space. */
export function flattenLogText(text: string): string {
  return text.replace(LINE_FORGING, ' ');
}

/** One log line: ISO time, level, and the message flattened to one line. */
export function formatLogLine(level: Level, message: string, at: Date): string {
  return `${at.toISOString()} [${level}] ${flattenLogText(message)}\n`;
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
  // Private: logs name the data folder and what staff did. Failures are reported by the
  // journal and settings, which fail on the same folder.
  ensurePrivateDir(dir);
  rotateIfLarge(file);
  makePrivate(file);
  const write = (level: Level, message: string): void => {
    const line = formatLogLine(level, message, now());
    try {
      fs.appendFileSync(file, line, { mode: PRIVATE_FILE_MODE });
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
