/**
 * A kiosk's back office in its own process, for the SIGKILL test: opens the data folder given
 * in KIOSK_DATA_DIR with the KIOSK_SYNC_* settings from its environment, syncs until nothing
 * is pending and exits 0 (prints "caught-up"). The parent kills it mid-batch and starts it
 * again: the restart must take over the stale journal lock and resume from the durable cursor.
 */
import { openBackOffice } from '../../electron/backoffice/backoffice.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function main(): Promise<void> {
  const dataDir = process.env.KIOSK_DATA_DIR ?? '';
  if (dataDir === '') throw new Error('KIOSK_DATA_DIR is not set');
  const backOffice = openBackOffice({
    dataDir,
    version: '0.1.0',
    host: 'browser',
    logger: quiet,
    env: process.env,
    sync: { timeoutMs: 60_000, backoff: { baseMs: 1, capMs: 20 } },
  });
  process.stdout.write('started\n');
  for (let attempt = 0; attempt < 200; attempt++) {
    const run = await backOffice.sync.syncNow();
    if (run.ok && backOffice.sync.status().pendingRecords === 0) {
      backOffice.close();
      process.stdout.write('caught-up\n');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`still pending: ${JSON.stringify(backOffice.sync.status())}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
