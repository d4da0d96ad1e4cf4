/**
 * Shared test helpers: temp data folders (always removed), a logger that remembers lines,
 * and realistic visitor events.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { JournalRecord, VisitorEvent } from '../../electron/bridge/contract.js';
import type { Logger } from '../../electron/backoffice/types.js';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the current test. */
export function tempDir(prefix = 'backoffice-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface MemoryLogger extends Logger {
  lines: { level: 'info' | 'warn' | 'error'; message: string }[];
  /** Messages of one level. */
  at(level: 'info' | 'warn' | 'error'): string[];
}

/** A logger that keeps every line, for assertions. */
export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    at: (level) => lines.filter((line) => line.level === level).map((line) => line.message),
  };
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A visitor-session id of the only shape the back office accepts (a lowercase v4 UUID, as
 * the renderer makes them), derived from a readable label: the same label, the same id.
 */
export function sid(label: string): string {
  if (UUID_V4.test(label)) return label;
  const hex = crypto.createHash('sha256').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One visitor session's worth of events (session-start … session-end), for session `label`. */
export function sessionEvents(label: string, sceneId = 'scam'): VisitorEvent[] {
  const sessionId = sid(label);
  return [
    { type: 'session-start', sessionId, language: 'vi' },
    { type: 'scene-enter', sessionId, sceneId },
    { type: 'choice', sessionId, sceneId, scenarioId: 'bank-call', nodeId: 'n-1', choiceId: 'hang-up' },
    {
      type: 'result',
      sessionId,
      sceneId,
      scenarioId: 'bank-call',
      outcome: 'safe',
      score: 800,
      durationMs: 73_000,
      redFlagsSpotted: ['urgent-tone', 'otp-request'],
      redFlagsMissed: ['spoofed-number'],
    },
    { type: 'pledge', sessionId, sceneId: 'pledge', pledgeId: 'never-share-otp' },
    { type: 'session-end', sessionId, reason: 'completed' },
  ];
}

let counter = 0;

/** A stamped journal record for `event`, as the back office would store it. */
export function stamp(event: VisitorEvent, at = new Date(), kioskId = 'kiosk-test01'): JournalRecord {
  counter += 1;
  const id = `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
  return { id, at: at.toISOString(), kioskId, ...event };
}

/** The journal lines of a file, parsed. */
export function readLines(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line): unknown => JSON.parse(line));
}
