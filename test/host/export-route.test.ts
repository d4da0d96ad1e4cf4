import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../electron/bridge/dispatch.js';
import { resolveExportFile } from '../../electron/backoffice/export/download.js';
import { createHostServer, type HostServer } from '../../electron/host/server.js';

let root: string;
let host: HostServer;
let base: string;
const ID = 'AbCdEfGh12345678';
const NAME = 'tallies-kiosk-a-2025-11-22.csv';
const CONTENT = '\uFEFFkiosk,section\r\nkiosk-a,totals\r\n';

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'host-export-'));
  const exportsDir = path.join(root, 'exports');
  fs.mkdirSync(path.join(exportsDir, ID), { recursive: true });
  fs.writeFileSync(path.join(exportsDir, ID, NAME), CONTENT);
  fs.writeFileSync(path.join(root, 'settings.json'), '{"adminPinHash":"secret"}');
  host = createHostServer({
    handlers: {} as BridgeHandlers,
    rendererDir: path.join(root, 'renderer'),
    token: 'page-token-1234',
    exportsDir,
  });
  base = (await host.listen(0)).slice(0, -1);
});

afterEach(async () => {
  await host.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('GET /export/<id>/<name>', () => {
  it('serves the file as an attachment with the token as ?token=', async () => {
    const response = await fetch(`${base}/export/${ID}/${NAME}?token=page-token-1234`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${NAME}"`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(CONTENT));
  });

  it('also accepts the bridge token header', async () => {
    const response = await fetch(`${base}/export/${ID}/${NAME}`, {
      headers: { 'x-kiosk-token': 'page-token-1234' },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a missing or wrong token', async () => {
    expect((await fetch(`${base}/export/${ID}/${NAME}`)).status).toBe(403);
    expect((await fetch(`${base}/export/${ID}/${NAME}?token=page-token-1235`)).status).toBe(403);
  });

  it('answers 404 for unknown files and every traversal attempt', async () => {
    const attempts = [
      `/export/${ID}/missing.csv`,
      `/export/${ID}/..%2F..%2Fsettings.json`,
      `/export/${ID}/%2e%2e`,
      `/export/..%2F${ID}/${NAME}`,
      `/export/${ID}/sub/${NAME}`,
      `/export/${ID}/.hidden`,
      '/export/short/x.csv',
    ];
    for (const attempt of attempts) {
      const response = await fetch(
        `${base}${attempt}${attempt.includes('?') ? '&' : '?'}token=page-token-1234`,
      );
      expect(response.status, attempt).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('resolves only names inside the exports folder', () => {
    expect(resolveExportFile('/data/exports', `/export/${ID}/${NAME}`)).toBe(
      path.resolve('/data/exports', ID, NAME),
    );
    expect(resolveExportFile('/data/exports', `/export/${ID}/../x`)).toBeNull();
    expect(resolveExportFile('/data/exports', '/export/../../etc/passwd')).toBeNull();
    expect(resolveExportFile('/data/exports', `/export/${ID}/a\\b`)).toBeNull();
  });
});
