/**
 * The collector's SQL: one schema, two drivers. By default an embedded PostgreSQL (PGlite,
 * files in COLLECTOR_DATA_DIR: nothing to install on a festival laptop); a real PostgreSQL
 * server when DATABASE_URL is set (node-postgres pool). Both speak the same SQL, with `$1`
 * parameters, so everything above this file is written once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LockedError, acquireLock, releaseLock } from '../electron/backoffice/lock.js';

export interface Db {
  /** Which driver answers: for logs and tests. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs one statement with `$n` parameters and returns its rows. */
  query<R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs `work` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(work: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A postgres:// URL: use that server. Otherwise the embedded store in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded store (created if missing); unused with `databaseUrl`. */
  dataDir: string;
}

/** Opens the database the options name. @throws Error when it cannot be reached or opened */
export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '')
    return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

/** The embedded store's lock: one process at a time (a dead owner's lock is taken over). */
export const STORE_LOCK = 'collector.lock';

/**
 * The embedded store serves one process only (two would overwrite each other's files), so it
 * is locked like the kiosk's journal.
 * @throws Error saying the store is in use, when a live collector process holds it
 */
async function openPglite(dataDir: string): Promise<Db> {
  const dir = path.join(dataDir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, STORE_LOCK);
  try {
    acquireLock(lockPath);
  } catch (error) {
    if (error instanceof LockedError)
      throw new Error(
        `The embedded store in ${dataDir} is in use by another collector process (pid ${error.ownerPid ?? '?'}). ` +
          'Stop that collector first (Ctrl+C), run this command, then start it again; or use a PostgreSQL server (DATABASE_URL).',
        { cause: error },
      );
    throw error;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let db;
  try {
    db = await PGlite.create(dir);
  } catch (error) {
    releaseLock(lockPath);
    throw error;
  }
  const query = async <R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) =>
    (await db.query<R>(sql, [...params])).rows;
  return {
    kind: 'pglite',
    query,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(sql, [...params])).rows,
        }),
      ),
    close: async () => {
      await db.close();
      releaseLock(lockPath);
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at start, with the server's reason, rather than at the first batch.
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    query: async <R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query<R>(sql, [...params])).rows,
    async transaction(work) {
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        const result = await work({
          query: async <R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(sql, [...params])).rows,
        });
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    close: () => pool.end(),
  };
}
