import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../electron/bridge/dispatch.js';
import {
  EXPORT_TTL_MS,
  claimDownload,
  publishDownloads,
  stagingFolder,
  sweepExports,
} from '../../electron/backoffice/export/download.js';
import { createHostServer, type HostServer } from '../../electron/host/server.js';

let root: string;
let exportsDir: string;
let host: HostServer;
let base: string;
const NAME = 'tallies-kiosk-a-2025-11-22.csv';
const CONTENT = '\uFEFFkiosk,section\r\nkiosk-a,totals\r\n';

/** Writes files into a staging folder and publishes them, as the browser platform does. */
function publish(names: string[]): string[] {
  const staging = stagingFolder(exportsDir);
  for (const name of names) fs.writeFileSync(path.join(staging, name), CONTENT);
  return publishDownloads(exportsDir, staging, names);
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'host-export-'));
  exportsDir = path.join(root, 'exports');
  fs.writeFileSync(path.join(root, 'settings.json'), '{"kioskId":"secret"}');
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

describe('GET /export/<one-time id>/<name>', () => {
  it('serves each file once, as an attachment, without any token in the URL, then deletes it', async () => {
    const [csvPath, jsonPath] = publish([NAME, 'tallies-kiosk-a-2025-11-22.json']);
    expect(csvPath).toMatch(/^\/export\/[A-Za-z0-9_-]{22}\/tallies-kiosk-a-2025-11-22\.csv$/);
    expect(csvPath?.split('/')[2]).not.toBe(jsonPath?.split('/')[2]); // one id per file
    const response = await fetch(`${base}${csvPath ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${NAME}"`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(CONTENT));
    // Used up: a second request (another visitor who saw the link?) gets nothing.
    expect((await fetch(`${base}${csvPath ?? ''}`)).status).toBe(404);
    await expect.poll(() => fs.readdirSync(exportsDir)).toHaveLength(1); // only the JSON waits
    expect((await fetch(`${base}${jsonPath ?? ''}`)).status).toBe(200);
    await expect.poll(() => fs.readdirSync(exportsDir)).toEqual([]);
  });

  it('does not use up the download on HEAD', async () => {
    const [csvPath] = publish([NAME]);
    expect((await fetch(`${base}${csvPath ?? ''}`, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(`${base}${csvPath ?? ''}`)).status).toBe(200);
  });

  it('answers 404 for unknown ids and every traversal attempt', async () => {
    const [csvPath] = publish([NAME]);
    const id = csvPath?.split('/')[2] ?? '';
    const attempts = [
      `/export/${id}/missing.csv`,
      `/export/${id}/..%2F..%2Fsettings.json`,
      `/export/${id}/%2e%2e`,
      `/export/..%2F${id}/${NAME}`,
      `/export/${id}/sub/${NAME}`,
      `/export/${id}/.hidden`,
      `/export/${id.slice(0, -1)}x/${NAME}`,
      '/export/short/x.csv',
    ];
    for (const attempt of attempts) {
      const response = await fetch(`${base}${attempt}`);
      expect(response.status, attempt).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('claims only well-formed names inside the exports folder', () => {
    expect(claimDownload(exportsDir, '/export/../../etc/passwd')).toBeNull();
    expect(claimDownload(exportsDir, `/export/${'A'.repeat(22)}/../x`)).toBeNull();
    expect(claimDownload(exportsDir, `/export/${'A'.repeat(22)}/a\\b`)).toBeNull();
  });
});

describe('sweeping exports nobody downloaded', () => {
  it('removes files, stagings and cut-off sends older than the TTL, and keeps fresh ones', () => {
    const [oldPath] = publish([NAME]);
    const stale = stagingFolder(exportsDir);
    const past = (Date.now() - EXPORT_TTL_MS - 1000) / 1000;
    for (const entry of fs.readdirSync(exportsDir)) fs.utimesSync(path.join(exportsDir, entry), past, past);
    const [freshPath] = publish([NAME]);
    expect(sweepExports(exportsDir, Date.now())).toBe(2);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readdirSync(exportsDir)).toEqual([freshPath?.split('/')[2]]);
    expect(oldPath).not.toBe(freshPath);
  });

  it('runs when the host starts', async () => {
    publish([NAME]);
    const past = (Date.now() - EXPORT_TTL_MS - 1000) / 1000;
    for (const entry of fs.readdirSync(exportsDir)) fs.utimesSync(path.join(exportsDir, entry), past, past);
    const second = createHostServer({
      handlers: {} as BridgeHandlers,
      rendererDir: path.join(root, 'renderer'),
      exportsDir,
    });
    expect(fs.readdirSync(exportsDir)).toEqual([]);
    await second.close();
  });
});
