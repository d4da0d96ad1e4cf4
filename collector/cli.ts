/**
 * `npm run collector [-- command]`: the organisers' collector.
 *
 *   npm run collector                         start the server (COLLECTOR_PORT, default 8787;
 *                                             COLLECTOR_HOST, default 127.0.0.1)
 *   npm run collector -- token issue <label>  issue a kiosk token (printed once; stored hashed)
 *   npm run collector -- token revoke <id>    revoke a token
 *   npm run collector -- token list           list tokens (ids and labels, never tokens)
 *   npm run collector -- import <folder…>     import the admin panel's export folders (USB)
 *
 * Storage: DATABASE_URL (a PostgreSQL server) when set, else the embedded store in
 * COLLECTOR_DATA_DIR (default ./collector-data). Migrations run at every start.
 */
import path from 'node:path';
import { openDb } from './db.js';
import { migrate } from './migrations.js';
import { importExports } from './import.js';
import { startCollector } from './server.js';
import { issueToken, listTokens, revokeToken } from './store.js';

const logger = {
  info: (message: string) => {
    console.log(message);
  },
  warn: (message: string) => {
    console.warn(message);
  },
  error: (message: string) => {
    console.error(message);
  },
};

function port(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8787;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new Error(`COLLECTOR_PORT must be a port number (0–65535), but it is "${raw}".`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const dataDir = path.resolve(process.env.COLLECTOR_DATA_DIR ?? 'collector-data');
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) logger.info(`Migrations applied: ${applied.join(', ')}.`);
  const [command, sub, arg] = args;
  if (command === undefined || command === 'serve') {
    const running = await startCollector({
      db,
      port: port(process.env.COLLECTOR_PORT),
      host: process.env.COLLECTOR_HOST ?? '127.0.0.1',
      logger,
    });
    const stop = (): void => {
      void running
        .close()
        .then(() => db.close())
        .then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  try {
    if (command === 'token' && sub === 'issue' && arg !== undefined && arg.trim() !== '') {
      const issued = await issueToken(db, arg.trim().slice(0, 200));
      console.log(`Token ${issued.id} for "${issued.label}" (shown only now; give it to that kiosk):`);
      console.log(issued.token);
      return 0;
    }
    if (command === 'token' && sub === 'revoke' && arg !== undefined) {
      const done = await revokeToken(db, arg.trim());
      console.log(done ? `Token ${arg} revoked.` : `No live token with id ${arg}.`);
      return done ? 0 : 1;
    }
    if (command === 'token' && sub === 'list') {
      for (const row of await listTokens(db))
        console.log(
          `${row.id}\t${row.label}\tissued ${row.createdAt}${row.revokedAt === null ? '' : `\trevoked ${row.revokedAt}`}`,
        );
      return 0;
    }
    if (command === 'import' && args.length > 1) {
      const result = await importExports(db, args.slice(1));
      for (const file of result.files)
        console.log(
          `${file.file}: ${file.records} records, ${file.stored} new, ${file.records - file.stored} already held.`,
        );
      for (const rejection of result.rejected)
        console.error(`Refused ${rejection.file}: ${rejection.reason} (nothing of it was stored).`);
      console.log(`Imported ${result.stored} new records from ${result.files.length} journal files.`);
      if (result.files.length === 0) return 2;
      return result.rejected.length > 0 ? 1 : 0;
    }
    console.error(
      'Usage: npm run collector [-- serve | token issue <label> | token revoke <id> | token list | import <folder…>]',
    );
    return 2;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
