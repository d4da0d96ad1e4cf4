/**
 * The staff audit log: `<dataDir>/audit.jsonl`, one JSON line per staff action (unlock,
 * failed PIN, lock-out, PIN set, settings, end of session/day, export, restart, exit).
 *
 * Separate from the visitor journal on purpose: staff actions must never be counted as
 * visitor tallies, and exports of visitor data must never carry staff lines. Written like the
 * journal: one write() to an O_APPEND descriptor, then fdatasync, before the action answers.
 * Never holds secrets: no PIN, no hash, no token.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { storageFailure } from '../errors.js';
import { PRIVATE_FILE_MODE, fsyncDir, writeAll } from '../fsutil.js';
import type { Logger } from '../types.js';

export const AUDIT_FILE = 'audit.jsonl';

export const AUDIT_ACTIONS = [
  'unlock',
  'unlock-failed',
  'lock-out',
  'setup-pin',
  'set-pin',
  'set-settings',
  'set-sync',
  'end-session',
  'end-of-day',
  'export',
  'restart',
  'exit-to-desktop',
  'lock',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Detail = string | number | boolean | null;

export const AuditEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kioskId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Appends staff actions to the audit log and reads it back. */
export class AuditLog {
  readonly path: string;
  private fd: number | null = null;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {
    this.path = path.join(dataDir, AUDIT_FILE);
  }

  /**
   * Appends one entry durably and returns it.
   * @throws BridgeFailure 'storage' (staff-readable) when it could not be written; the caller
   * decides whether the action may go ahead without its audit line
   */
  append(action: AuditAction, kioskId: string, details: Record<string, Detail> = {}): AuditEntry {
    const entry: AuditEntry = {
      id: crypto.randomUUID(),
      at: this.now().toISOString(),
      kioskId,
      action,
      details,
    };
    const data = Buffer.from(`${JSON.stringify(entry)}\n`);
    try {
      const fd = this.open();
      writeAll(fd, data);
      fs.fdatasyncSync(fd);
    } catch (error) {
      this.drop();
      const failure = storageFailure('write-audit-log', error, this.path);
      this.logger.error(failure.message);
      throw failure;
    }
    return entry;
  }

  /** Every readable entry, oldest first; damaged lines are skipped (and left in place). */
  entries(): AuditEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    const entries: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // A torn last line from a power cut: the action it described did not complete.
      }
    }
    return entries;
  }

  close(): void {
    this.drop();
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    const existed = fs.existsSync(this.path);
    const fd = fs.openSync(this.path, 'a', PRIVATE_FILE_MODE);
    if (!existed) fsyncDir(path.dirname(this.path));
    // A torn last line (power cut mid-write) must not swallow our first entry.
    const size = fs.fstatSync(fd).size;
    if (size > 0 && lastByte(this.path, size) !== 0x0a) writeAll(fd, Buffer.from('\n'));
    this.fd = fd;
    return fd;
  }

  private drop(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Unusable anyway; the next append reopens.
    }
    this.fd = null;
  }
}

function lastByte(file: string, size: number): number | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1);
    fs.readSync(fd, buf, 0, 1, size - 1);
    return buf[0];
  } finally {
    fs.closeSync(fd);
  }
}
