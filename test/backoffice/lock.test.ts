import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeFromMessage } from '../../electron/bridge/admin-contract.js';
import { BridgeFailure } from '../../electron/bridge/dispatch.js';
import { openJournal } from '../../electron/backoffice/journal.js';
import { LOCK_FILE } from '../../electron/backoffice/lock.js';
import { memoryLogger, sid, stamp, tempDir } from './helpers.js';

const event = () => stamp({ type: 'session-start', sessionId: sid('visitor-0001'), language: 'vi' });

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

const bootTime = () => Date.now() - os.uptime() * 1000;

describe('one writer per journal', () => {
  it('refuses a second writer with a staff sentence, then lets it in once the first closes', () => {
    const dir = tempDir();
    const first = openJournal({ dataDir: dir, logger: memoryLogger() });
    first.append(event());

    const second = openJournal({ dataDir: dir, logger: memoryLogger() });
    expect(second.failure?.code).toBe('storage');
    expect(noticeFromMessage(second.failure?.message ?? '')).toEqual({
      code: 'storage-failed',
      params: {
        action: 'save-visitor-data',
        cause: 'locked',
        errno: `ELOCKED: ${path.join(dir, LOCK_FILE)} is held by process ${process.pid}`,
        path: path.join(dir, 'journal.jsonl'),
      },
    });
    expect(() => {
      second.append(event());
    }).toThrow(BridgeFailure);
    expect(first.records).toBe(1);

    first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    second.append(event());
    expect(second.failure).toBeNull();
    expect(second.records).toBe(2);
    second.close();
  });

  it('takes over the lock of a process that died (crash, kill)', () => {
    const dir = tempDir();
    const pid = deadPid();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid, bootTime: bootTime() }));
    const logger = memoryLogger();
    const journal = openJournal({ dataDir: dir, logger });
    expect(journal.failure).toBeNull();
    expect(logger.at('warn').join('\n')).toContain(`a stale lock of process ${pid}`);
    journal.close();
  });

  it('takes over a lock from before a reboot, even if its pid is alive again', () => {
    const dir = tempDir();
    const lastWeek = bootTime() - 7 * 24 * 3600 * 1000;
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, bootTime: lastWeek }));
    const journal = openJournal({ dataDir: dir, logger: memoryLogger() });
    expect(journal.failure).toBeNull();
    journal.close();
  });

  it('waits out an unreadable lock only while it is fresh', () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_FILE);
    fs.writeFileSync(lock, '');
    const blocked = openJournal({ dataDir: dir, logger: memoryLogger() });
    expect(noticeFromMessage(blocked.failure?.message ?? '')?.params.cause).toBe('locked');
    blocked.close();
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const journal = openJournal({ dataDir: dir, logger: memoryLogger() });
    expect(journal.failure).toBeNull();
    journal.close();
  });
});
