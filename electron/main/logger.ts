/**
 * What the shell needs from a logger. electron-log satisfies it in production;
 * tests pass a recording fake. Keeping the shape this small keeps modules testable
 * without loading electron-log (which requires the real electron).
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
