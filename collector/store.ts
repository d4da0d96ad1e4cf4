/**
 * What the collector keeps: kiosk tokens (only their SHA-256 hashes), records (each once:
 * the record id is the primary key and every insert is ON CONFLICT DO NOTHING) and each
 * kiosk's last heartbeat. Written once for both drivers (db.ts).
 */
import crypto from 'node:crypto';
import type { FestivalTotals } from '../electron/bridge/admin-contract.js';
import type { JournalRecord } from '../electron/bridge/contract.js';
import type { Heartbeat } from '../electron/bridge/sync-contract.js';
import type { Db } from './db.js';

/** Rows per INSERT: 9 parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;

/** SHA-256 of a token, hex. Tokens are 256 random bits, so a fast hash is enough. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface IssuedToken {
  id: string;
  label: string;
  /** Shown once, at issue; only its hash is stored. */
  token: string;
}

export interface TokenRow {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Issues a token for `label` (e.g. the kiosk's place). */
export async function issueToken(db: Db, label: string): Promise<IssuedToken> {
  const id = crypto.randomBytes(4).toString('hex');
  const token = `nak_${crypto.randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO kiosk_tokens (id, label, token_hash) VALUES ($1, $2, $3)', [
    id,
    label,
    hashToken(token),
  ]);
  return { id, label, token };
}

/** Revokes the token with `id`; false when there is no such live token. */
export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE kiosk_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  const rows = await db.query<{ id: string; label: string; created_at: Date; revoked_at: Date | null }>(
    'SELECT id, label, created_at, revoked_at FROM kiosk_tokens ORDER BY created_at',
  );
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  }));
}

/** The id of the live token `token`, or null (unknown or revoked). */
export async function authenticate(db: Db, token: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM kiosk_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  return rows[0]?.id ?? null;
}

/** Where a record reached the collector: a kiosk's sync, or an export folder (USB). */
export type RecordSource = 'sync' | 'import';

/**
 * Inserts `records`, each once (ON CONFLICT DO NOTHING on the record id), inside `tx`.
 * @returns the ids this call stored (the others were already there)
 */
export async function insertRecords(
  tx: Pick<Db, 'query'>,
  records: readonly JournalRecord[],
  tokenId: string | null,
  source: RecordSource,
): Promise<string[]> {
  const stored: string[] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
    const chunk = records.slice(start, start + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const rows = chunk.map((record) => {
      const sceneId = 'sceneId' in record ? record.sceneId : null;
      params.push(
        record.id,
        record.kioskId,
        record.type,
        record.sessionId,
        sceneId,
        record.at,
        JSON.stringify(record),
        tokenId,
        source,
      );
      const n = params.length;
      return `($${n - 8}, $${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}::jsonb, $${n - 1}, $${n})`;
    });
    const inserted = await tx.query<{ id: string; kiosk_id: string; type: string }>(
      `INSERT INTO records (id, kiosk_id, type, session_id, scene_id, at, body, token_id, source) VALUES ${rows.join(', ')} ` +
        'ON CONFLICT (id) DO NOTHING RETURNING id, kiosk_id, type',
      params,
    );
    const counts = new Map<string, [number, number, number]>();
    for (const row of inserted) {
      stored.push(row.id);
      const count = counts.get(row.kiosk_id) ?? [0, 0, 0];
      count[0] += 1;
      if (row.type === 'session-start') count[1] += 1;
      if (row.type === 'pledge') count[2] += 1;
      counts.set(row.kiosk_id, count);
    }
    for (const [kioskId, [records, sessions, pledges]] of counts)
      await tx.query(
        `INSERT INTO kiosk_counts (kiosk_id, records, sessions, pledges) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kiosk_id) DO UPDATE SET records = kiosk_counts.records + EXCLUDED.records,
           sessions = kiosk_counts.sessions + EXCLUDED.sessions, pledges = kiosk_counts.pledges + EXCLUDED.pledges`,
        [kioskId, records, sessions, pledges],
      );
  }
  return stored;
}

/** Records stored in all (they are only ever added, so this names the database's state). */
export async function recordCount(db: Pick<Db, 'query'>): Promise<number> {
  const rows = await db.query<{ n: string | number | null }>('SELECT sum(records) AS n FROM kiosk_counts');
  return Number(rows[0]?.n ?? 0);
}

/**
 * Stores `records` (each once) and the kiosk's heartbeat in one transaction.
 * @returns the ids stored by this call (the others were already there)
 */
export async function storeBatch(
  db: Db,
  batch: { kioskId: string; heartbeat: Heartbeat; records: readonly JournalRecord[]; tokenId: string | null },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const stored = await insertRecords(tx, batch.records, batch.tokenId, 'sync');
    const beat = batch.heartbeat;
    await tx.query(
      `INSERT INTO heartbeats (kiosk_id, token_id, app_version, uptime_seconds, free_disk_bytes, last_error, pending_records, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (kiosk_id) DO UPDATE SET token_id = EXCLUDED.token_id, app_version = EXCLUDED.app_version,
         uptime_seconds = EXCLUDED.uptime_seconds, free_disk_bytes = EXCLUDED.free_disk_bytes,
         last_error = EXCLUDED.last_error, pending_records = EXCLUDED.pending_records, received_at = EXCLUDED.received_at`,
      [
        batch.kioskId,
        batch.tokenId,
        beat.appVersion,
        beat.uptimeSeconds,
        beat.freeDiskBytes,
        beat.lastError,
        beat.pendingRecords,
      ],
    );
    return stored;
  });
}

/** Festival-wide totals: sessions and pledges of every kiosk, and how many kiosks sent any. */
export async function festivalTotals(db: Db, now: Date = new Date()): Promise<FestivalTotals> {
  const rows = await db.query<{
    sessions: string | number;
    pledges: string | number;
    kiosks: string | number;
  }>(
    `SELECT coalesce(sum(sessions), 0) AS sessions, coalesce(sum(pledges), 0) AS pledges,
            count(*) FILTER (WHERE records > 0) AS kiosks
       FROM kiosk_counts`,
  );
  const row = rows[0];
  return {
    sessions: Number(row?.sessions ?? 0),
    pledges: Number(row?.pledges ?? 0),
    kiosks: Number(row?.kiosks ?? 0),
    at: now.toISOString(),
  };
}

export interface KioskSummary {
  kioskId: string;
  records: number;
  sessions: number;
  pledges: number;
  lastHeartbeatAt: string | null;
  appVersion: string | null;
  pendingRecords: number | null;
  freeDiskBytes: number | null;
  lastError: string | null;
}

/** Per-kiosk figures and health, for the live page and GET /v1/summary. */
export async function kioskSummaries(db: Db): Promise<KioskSummary[]> {
  const rows = await db.query<{
    kiosk_id: string;
    records: string | number | null;
    sessions: string | number | null;
    pledges: string | number | null;
    received_at: Date | string | null;
    app_version: string | null;
    pending_records: string | number | null;
    free_disk_bytes: string | number | null;
    last_error: string | null;
  }>(
    `SELECT k.kiosk_id,
            coalesce(r.records, 0) AS records, coalesce(r.sessions, 0) AS sessions, coalesce(r.pledges, 0) AS pledges,
            h.received_at, h.app_version, h.pending_records, h.free_disk_bytes, h.last_error
       FROM (SELECT kiosk_id FROM kiosk_counts UNION SELECT kiosk_id FROM heartbeats) k
       LEFT JOIN kiosk_counts r ON r.kiosk_id = k.kiosk_id
       LEFT JOIN heartbeats h ON h.kiosk_id = k.kiosk_id
      ORDER BY k.kiosk_id`,
  );
  const num = (value: unknown): number | null =>
    value === null || value === undefined ? null : Number(value);
  return rows.map((row) => ({
    kioskId: row.kiosk_id,
    records: Number(row.records),
    sessions: Number(row.sessions),
    pledges: Number(row.pledges),
    lastHeartbeatAt: row.received_at === null ? null : new Date(row.received_at).toISOString(),
    appVersion: row.app_version,
    pendingRecords: num(row.pending_records),
    freeDiskBytes: num(row.free_disk_bytes),
    lastError: row.last_error,
  }));
}
