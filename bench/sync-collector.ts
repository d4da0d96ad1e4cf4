/**
 * The collector as the sync benchmark runs it: in its own process (as organisers run it),
 * on the store DATABASE_URL / COLLECTOR_DATA_DIR name, on a free loopback port. Prints one
 * JSON line {url, tokens} once it listens (BENCH_TOKENS tokens issued), then serves until
 * killed. Run by bench/sync.bench.ts, not by hand.
 */
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../collector/db.js';
import { migrate } from '../collector/migrations.js';
import { startCollector } from '../collector/server.js';
import { issueToken } from '../collector/store.js';

// BENCH_COLLECTOR_NICE: standing in for another machine, the collector yields the CPU.
os.setPriority(Number(process.env.BENCH_COLLECTOR_NICE ?? '0'));
const db = await openDb({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.resolve(process.env.COLLECTOR_DATA_DIR ?? 'collector-data'),
});
await migrate(db);
const tokens: string[] = [];
for (let i = 0; i < Number(process.env.BENCH_TOKENS ?? '1'); i++)
  tokens.push((await issueToken(db, `bench ${i}`)).token);
const running = await startCollector({ db, port: 0 });
process.stdout.write(`${JSON.stringify({ url: running.url, tokens })}\n`);
process.once('SIGTERM', () => {
  void running
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
