/**
 * The collector's SQL: one schema, two drivers. By default an embedded PostgreSQL (PGlite,
 * files in COLLECTOR_DATA_DIR: nothing to install on a festival laptop); a real PostgreSQL
 * server when DATABASE_URL is set (node-postgres pool). Both speak the same SQL, with `$1`
 * parameters, so everything above this file is written once.
 */
import fs from 'node:fs';
import path from 'node:path';

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
  return openPglite(path.join(options.dataDir, 'pgdata'));
}

async function openPglite(dir: string): Promise<Db> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir);
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
    close: () => db.close(),
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
