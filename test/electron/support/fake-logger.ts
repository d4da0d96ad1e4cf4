import type { Logger } from '../../../electron/main/logger.js';

/** A Logger that keeps every line, for asserting what was logged. */
export interface RecordingLogger extends Logger {
  lines: { level: 'info' | 'warn' | 'error'; message: string }[];
  /** All messages of one level, joined, for `toContain` checks. */
  text(level?: 'info' | 'warn' | 'error'): string;
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    text: (level) =>
      lines
        .filter((line) => level === undefined || line.level === level)
        .map((line) => line.message)
        .join('\n'),
  };
}
