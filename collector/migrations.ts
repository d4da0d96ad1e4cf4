/**
 * The collector's schema, as numbered migrations run at start (each once, in order, in a
 * transaction, recorded in schema_migrations). The same SQL for PGlite and PostgreSQL.
 */
import type { Db } from './db.js';

export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE kiosk_tokens (
        id text PRIMARY KEY,
        label text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE TABLE records (
        id uuid PRIMARY KEY,
        kiosk_id text NOT NULL,
        type text NOT NULL,
        session_id text NOT NULL,
        scene_id text,
        at timestamptz NOT NULL,
        body jsonb NOT NULL,
        token_id text,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX records_kiosk ON records (kiosk_id);
      CREATE INDEX records_type ON records (type);
      CREATE TABLE heartbeats (
        kiosk_id text PRIMARY KEY,
        token_id text,
        app_version text NOT NULL,
        uptime_seconds bigint NOT NULL,
        free_disk_bytes bigint,
        last_error text,
        pending_records bigint NOT NULL,
        received_at timestamptz NOT NULL
      );
    `,
  },
  {
    // Records imported from export folders (USB) are told apart from synced ones; `seq` keeps
    // the order records arrived in (each kiosk's journal order), which the tallies fold needs
    // (their times are rounded to 5 minutes, so `at` cannot order a session's records).
    version: 2,
    sql: `
      ALTER TABLE records ADD COLUMN source text NOT NULL DEFAULT 'sync';
      ALTER TABLE records ADD COLUMN seq bigserial;
      CREATE INDEX records_kiosk_seq ON records (kiosk_id, seq)
    `,
  },
  {
    // Running counts per kiosk, kept in the same transaction as the inserts: every batch's
    // answer carries the festival totals, and counting the records table for each would
    // make syncing N records cost O(N²).
    version: 3,
    sql: `
      CREATE TABLE kiosk_counts (
        kiosk_id text PRIMARY KEY,
        records bigint NOT NULL,
        sessions bigint NOT NULL,
        pledges bigint NOT NULL
      );
      INSERT INTO kiosk_counts (kiosk_id, records, sessions, pledges)
        SELECT kiosk_id, count(*), count(*) FILTER (WHERE type = 'session-start'),
               count(*) FILTER (WHERE type = 'pledge')
          FROM records GROUP BY kiosk_id
    `,
  },
];

/** Brings the schema up to date. Safe to run at every start (and from two processes). */
export async function migrate(db: Db): Promise<number[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // One migrator at a time (two collectors starting on one server).
      await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      for (const statement of migration.sql
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '')) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
