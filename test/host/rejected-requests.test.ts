/**
 * Every request the browser host refuses is reported (the CLI writes it to kiosk.log), with
 * its method, path, status and reason, never with the token or the query string.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../electron/bridge/dispatch.js';
import { createHostServer, type HostServer, type Rejection } from '../../electron/host/server.js';

const TOKEN = 'page-token-rejections-1234';
let root: string;
let host: HostServer;
let base: string;
let rejected: Rejection[];

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'host-reject-'));
  fs.mkdirSync(path.join(root, 'renderer'));
  fs.writeFileSync(path.join(root, 'renderer', 'index.html'), '<html><head></head></html>');
  rejected = [];
  const handlers = { health: () => ({ ok: true }) } as unknown as BridgeHandlers;
  host = createHostServer({
    handlers,
    rendererDir: path.join(root, 'renderer'),
    token: TOKEN,
    exportsDir: path.join(root, 'exports'),
    onRejected: (rejection) => rejected.push(rejection),
  });
  base = (await host.listen(0)).slice(0, -1);
});

afterEach(async () => {
  await host.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Waits until `count` rejections were reported (they are reported once the answer is sent). */
async function reported(count: number): Promise<Rejection[]> {
  for (let i = 0; i < 100 && rejected.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  return rejected;
}

const post = (route: string, body: string, token = TOKEN) =>
  fetch(`${base}${route}`, { method: 'POST', headers: { 'x-kiosk-token': token }, body });

describe('onRejected', () => {
  it('reports a wrong token, without the token', async () => {
    expect((await post('/api/record', '{}', 'stale-token-from-an-old-launch')).status).toBe(403);
    const [rejection] = await reported(1);
    expect(rejection).toMatchObject({ method: 'POST', path: '/api/record', status: 403 });
    expect(rejection?.reason).toMatch(/^forbidden: /);
    expect(JSON.stringify(rejected)).not.toContain('stale-token-from-an-old-launch');
  });

  it('reports bad JSON, unknown channels, wrong methods and unknown files', async () => {
    await post('/api/record', '{not json');
    await post('/api/nope', '');
    await fetch(`${base}/api/record`);
    await fetch(`${base}/missing.js`);
    const statuses = (await reported(4)).map((r) => `${r.status} ${r.path}`).sort();
    expect(statuses).toEqual(['400 /api/record', '404 /api/nope', '404 /missing.js', '405 /api/record']);
  });

  it('reports a download refused (unknown one-time link) without the query string', async () => {
    await fetch(`${base}/export/AbCdEfGh12345678/tallies.csv?token=guessed-token-abc`);
    const [rejection] = await reported(1);
    expect(rejection).toMatchObject({ path: '/export/AbCdEfGh12345678/tallies.csv', status: 404 });
    expect(JSON.stringify(rejection)).not.toContain('guessed-token-abc');
  });

  it('stays quiet for answered requests', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(rejected).toEqual([]);
  });
});
