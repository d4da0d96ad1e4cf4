/**
 * The browser host's page token is kept per data folder (0600, created once), so a page left
 * open keeps working across a restart of the host.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_TOKEN_FILE, loadHostToken } from '../../electron/host/host-token.js';
import { memoryLogger, tempDir } from '../backoffice/helpers.js';

const posix = process.platform !== 'win32';

describe('loadHostToken', () => {
  it('creates the token once, private to the owner, and returns it on every later start', () => {
    const dir = tempDir('host-token-');
    const first = loadHostToken(dir, memoryLogger());
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const file = path.join(dir, HOST_TOKEN_FILE);
    if (posix) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadHostToken(dir, memoryLogger())).toBe(first);
    expect(loadHostToken(dir, memoryLogger())).toBe(first);
  });

  it('gives each data folder its own token', () => {
    expect(loadHostToken(tempDir('host-token-'), memoryLogger())).not.toBe(
      loadHostToken(tempDir('host-token-'), memoryLogger()),
    );
  });

  it('replaces a damaged file, and says so', () => {
    const dir = tempDir('host-token-');
    fs.writeFileSync(path.join(dir, HOST_TOKEN_FILE), 'short\n');
    const logger = memoryLogger();
    const token = loadHostToken(dir, logger);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.readFileSync(path.join(dir, HOST_TOKEN_FILE), 'utf8').trim()).toBe(token);
    expect(logger.at('warn').join('\n')).toMatch(/damaged/);
  });

  it.runIf(posix)('narrows a token file that others could read back to 0600', () => {
    const dir = tempDir('host-token-');
    const token = loadHostToken(dir, memoryLogger());
    const file = path.join(dir, HOST_TOKEN_FILE);
    fs.chmodSync(file, 0o644);
    const logger = memoryLogger();
    expect(loadHostToken(dir, logger)).toBe(token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(logger.at('warn').join('\n')).toMatch(/readable by others/);
  });

  it.runIf(posix && process.getuid?.() !== 0)(
    'falls back to a token for this launch when the folder is read-only',
    () => {
      const dir = tempDir('host-token-');
      fs.chmodSync(dir, 0o500);
      try {
        const logger = memoryLogger();
        expect(loadHostToken(dir, logger)).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(logger.at('warn').join('\n')).toMatch(/this launch only/);
      } finally {
        fs.chmodSync(dir, 0o700);
      }
    },
  );
});
