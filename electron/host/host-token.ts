/**
 * The browser host's page token, kept per data folder in `<dataDir>/host-token` (mode 0600,
 * created once), so a page left open in Chromium keeps working when the host restarts.
 *
 * Why a file and not a fresh secret per launch: pages hold the token they were served, and a
 * new one at every start turned every save after a restart into a 403 until someone reloaded
 * the page. The token still does its job: other web pages cannot read it (the page that
 * carries it is same-origin only), and on disk only the kiosk's own OS user can. Should the
 * file change anyway (deleted, another data folder), the renderer re-reads the token from a
 * fresh copy of the page and retries. Runs in Node; never imports electron.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../backoffice/types.js';

export const HOST_TOKEN_FILE = 'host-token';
/** 24 random bytes as base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const PRIVATE = 0o600;

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function readValid(file: string): string | null {
  const text = fs.readFileSync(file, 'utf8').trim();
  return TOKEN_PATTERN.test(text) ? text : null;
}

/** Creates the file only if it does not exist yet (two hosts racing keep one token). */
function createOnce(file: string, token: string): void {
  const fd = fs.openSync(file, 'wx', PRIVATE);
  try {
    fs.writeFileSync(fd, `${token}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a damaged or unreadable token file; a failure shows up when it is re-created. */
function discard(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // createOnce() below reports why the folder cannot be written.
  }
}

/** Narrows the file to its owner when someone widened it (POSIX; Windows ignores modes). */
function keepPrivate(file: string, logger: Logger): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    fs.chmodSync(file, PRIVATE);
    logger.warn(`${file} was readable by others (mode ${mode.toString(8)}); set it back to 600.`);
  }
}

/**
 * The token for `dataDir`: read from its host-token file, or created there (0600) on the
 * first start. A damaged file is replaced. Where the folder cannot be written, a token for
 * this launch only is used (pages then re-read it after a restart) and the reason is logged.
 */
export function loadHostToken(dataDir: string, logger: Logger): string {
  const file = path.join(dataDir, HOST_TOKEN_FILE);
  try {
    const existing = readValid(file);
    if (existing !== null) {
      keepPrivate(file, logger);
      return existing;
    }
    logger.warn(`${file} is damaged; writing a new page token (open pages will re-read it).`);
    discard(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn(`Cannot read ${file} (${String(error)}); writing a new page token.`);
      discard(file);
    }
  }
  const token = newToken();
  try {
    createOnce(file, token);
    logger.info(`Created the browser host's page token in ${file} (mode 600).`);
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const raced = readValid(file);
      if (raced !== null) return raced;
    }
    logger.warn(
      `Cannot keep the page token in ${file} (${String(error)}): using one for this launch only; ` +
        'open pages re-read it after a restart.',
    );
    return token;
  }
}
