/**
 * The two storages every collector test runs on: the embedded store (PGlite, always) and a
 * real PostgreSQL server when COLLECTOR_TEST_DATABASE_URL names one (.ci/run starts a
 * throw-away cluster and sets it). Each test gets a fresh database, dropped afterwards.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../collector/db.js';
import { migrate } from '../../collector/migrations.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const POSTGRES_URL = process.env.COLLECTOR_TEST_DATABASE_URL ?? '';

/** Why the PostgreSQL half is skipped, in the test's own name. */
export const POSTGRES_SKIP_REASON =
  'skipped: no PostgreSQL server given (set COLLECTOR_TEST_DATABASE_URL; .ci/run starts one)';

export interface Storage {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated database; `reopen` opens the same one again (a collector restart). */
  open(): Promise<{ db: Db; reopen: () => Promise<Db>; drop: () => Promise<void> }>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const STORAGES: { storage: Storage; skip: boolean; title: string }[] = [
  {
    title: 'embedded store (PGlite)',
    skip: false,
    storage: {
      name: 'pglite',
      async open() {
        // Its own folder, removed by drop(): it outlives single tests.
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-'));
        const reopen = async (): Promise<Db> => {
          const db = await openDb({ dataDir });
          await migrate(db);
          return db;
        };
        return {
          db: await reopen(),
          reopen,
          drop: () => fs.promises.rm(dataDir, { recursive: true, force: true }),
        };
      },
    },
  },
  {
    title: `PostgreSQL server${POSTGRES_URL === '' ? ` (${POSTGRES_SKIP_REASON})` : ''}`,
    skip: POSTGRES_URL === '',
    storage: {
      name: 'postgres',
      async open() {
        const name = `collector_test_${crypto.randomBytes(6).toString('hex')}`;
        await adminQuery(`CREATE DATABASE ${name}`);
        const url = new URL(POSTGRES_URL);
        url.pathname = `/${name}`;
        const reopen = async (): Promise<Db> => {
          const db = await openDb({ databaseUrl: url.toString(), dataDir: '' });
          await migrate(db);
          return db;
        };
        return {
          db: await reopen(),
          reopen,
          drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        };
      },
    },
  },
];
