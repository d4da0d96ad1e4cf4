/**
 * `npm run web`: starts the browser host on 127.0.0.1 and prints the URL to open.
 * `--dev` (used by `npm run dev`) serves the renderer through Vite with hot reload instead of
 * the built files. Runs in Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORTS_DIR } from '../backoffice/export/download.js';
import { createBridgeHandlers, openBackOffice } from '../backoffice/index.js';
import { createFileLogger } from '../backoffice/logger.js';
import { findAppPackage } from './app-root.js';
import { ConfigurationError, readHostEnvironment } from './environment.js';
import { loadHostToken } from './host-token.js';
import { createHostServer, type HostServerOptions } from './server.js';

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const app = findAppPackage(path.dirname(fileURLToPath(import.meta.url)));
  const environment = readHostEnvironment(process.env);
  // One logger for the back office and the host, so kiosk.log tells the whole story.
  const logger = createFileLogger(path.resolve(environment.dataDir));
  const backOffice = openBackOffice({
    dataDir: environment.dataDir,
    version: app.version,
    host: 'browser',
    env: process.env,
    // A developer's bench may choose its first PIN on the screen; a festival kiosk never does.
    screenSetup: dev,
    logger,
  });
  const options: HostServerOptions = {
    handlers: createBridgeHandlers(backOffice),
    rendererDir: path.join(app.root, dev ? 'renderer' : 'dist/renderer'),
    exportsDir: path.join(backOffice.dataDir, EXPORTS_DIR),
    // Kept per data folder, so pages left open survive a restart of the host.
    token: loadHostToken(backOffice.dataDir, logger),
    onRejected: (rejection) => {
      // Capped: path and reason can echo what a caller sent.
      logger.warn(
        `Rejected ${rejection.method.slice(0, 10)} ${rejection.path.slice(0, 200)} with ` +
          `${rejection.status} (${rejection.reason.slice(0, 300)}).`,
      );
    },
  };
  const host = createHostServer(options);
  if (dev) {
    // Vite is a dev dependency: loaded only for `npm run dev`.
    const { createServer } = await import('vite');
    const vite = await createServer({
      root: app.root,
      configFile: path.join(app.root, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: { server: host.server } },
      appType: 'custom',
    });
    options.pageHandler = (req, res) =>
      new Promise((resolve) => {
        vite.middlewares(req, res, () => {
          resolve(false);
        });
        res.once('finish', () => {
          resolve(true);
        });
      });
    options.transformIndexHtml = (url, html) => vite.transformIndexHtml(url, html);
  }
  const url = await host.listen(environment.port);
  console.log(`Không Một Mình – Not Alone kiosk is ready: ${url}`);
  console.log(`Data folder: ${backOffice.dataDir}`);
  console.log(
    'Open the address above in Chromium (for a kiosk: chromium --kiosk <address>). Ctrl+C stops it.',
  );

  const stop = (): void => {
    void host.close().then(() => {
      backOffice.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigurationError ||
    (error instanceof Error && error.name === 'ConfigurationError')
  ) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(
      `The port is already in use. Stop the other kiosk or set KIOSK_PORT to a free port (${error.message}).`,
    );
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
