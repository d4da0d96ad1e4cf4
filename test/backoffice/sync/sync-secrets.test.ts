/**
 * The kiosk's collector token is a secret: it is kept only in `sync-token` (0600), and never
 * appears in logs, the audit log, settings, exports, the staff panel's answers or the sync
 * status, even when a collector (or a proxy) echoes it back in an error. The staff action
 * refuses collector URLs the policy forbids and changes nothing then.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/bridge/dispatch.js';
import { createBridgeHandlers } from '../../../electron/backoffice/handlers.js';
import { TOKEN_FILE } from '../../../electron/backoffice/sync/token-store.js';
import { closeAll, openKiosk, setUp } from '../admin/support.js';

const TOKEN = 'nak_SuperSecretToken-0123456789abcdef';

const servers: http.Server[] = [];
afterEach(async () => {
  closeAll();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A collector that refuses everything and echoes the Authorization header in its error. */
async function echoingCollector(): Promise<string> {
  const server = http.createServer((req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `bad request from ${req.headers.authorization ?? ''}` }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
}

describe('the sync token', () => {
  it('never appears in logs, audit, settings, exports, the panel or the status', async () => {
    const kiosk = openKiosk();
    const adminToken = await setUp(kiosk);
    const handlers = createBridgeHandlers(kiosk.backOffice);
    const url = await echoingCollector();
    const saved = await dispatch(handlers, 'adminAction', {
      adminToken,
      action: 'set-sync',
      url,
      enabled: true,
      intervalSeconds: 60,
      token: TOKEN,
    });
    expect(saved).toMatchObject({ ok: true });
    kiosk.playSession('secret-1');
    const run = await kiosk.backOffice.sync.syncNow();
    expect(run.ok).toBe(false);
    const status = kiosk.backOffice.sync.status();
    expect(status).toMatchObject({ state: 'error', url });
    expect(status.lastError).toMatch(/HTTP 400: bad request from Bearer \[token\]/);
    const panel = await dispatch(handlers, 'adminPanel', { adminToken });
    expect(panel).toMatchObject({ ok: true, value: { settings: { sync: { tokenSet: true, url } } } });
    const exported = await kiosk.backOffice.admin.exportPeriod(adminToken, 'all');
    expect(exported.records).toBeGreaterThan(0);

    const tokenFile = path.join(kiosk.dir, TOKEN_FILE);
    expect(fs.readFileSync(tokenFile, 'utf8').trim()).toBe(TOKEN);
    if (process.platform !== 'win32') expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    const elsewhere = filesUnder(kiosk.dir).filter((file) => file !== tokenFile);
    expect(elsewhere.some((file) => file.includes('exports'))).toBe(true);
    expect(elsewhere.some((file) => file.endsWith('audit.jsonl'))).toBe(true);
    for (const file of elsewhere) expect(fs.readFileSync(file, 'utf8'), file).not.toContain(TOKEN);
    expect(kiosk.logger.lines.map((line) => line.message).join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(panel)).not.toContain(TOKEN);
    expect(JSON.stringify(status)).not.toContain(TOKEN);
  });

  it('refuses a public http:// collector URL from staff and changes nothing', async () => {
    const kiosk = openKiosk();
    const adminToken = await setUp(kiosk);
    const handlers = createBridgeHandlers(kiosk.backOffice);
    const refused = await dispatch(handlers, 'adminAction', {
      adminToken,
      action: 'set-sync',
      url: 'http://collector.example.org',
      enabled: true,
      intervalSeconds: 60,
      token: TOKEN,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!refused.ok && refused.error.message).toMatch(/private-network address; use https/);
    expect(kiosk.backOffice.settings().sync.endpoint).toBeNull();
    expect(fs.existsSync(path.join(kiosk.dir, TOKEN_FILE))).toBe(false);
    expect(kiosk.backOffice.sync.status()).toMatchObject({ state: 'disabled', lastError: null });
  });
});
