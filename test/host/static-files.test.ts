import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../electron/host/static-files.js';
import { resolveAssetPath } from '../../electron/serving/asset-path.js';
import { mimeTypeFor } from '../../electron/serving/mime.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-static-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<html></html>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves index.html for / and files under the root', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    const js = await readStaticFile(root, '/assets/app.js');
    expect(js?.body.toString()).toBe('export {}');
    expect(js?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets\\..\\..\\x',
    '/a%00b',
    '/%E0%A4%A',
  ])('refuses %s', async (urlPath) => {
    expect(resolveAssetPath(root, urlPath)).toBeNull();
    expect(await readStaticFile(root, urlPath)).toBeNull();
  });

  it('answers null for folders and missing files', async () => {
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });

  it('knows the types the renderer ships', () => {
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
