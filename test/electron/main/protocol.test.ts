import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/serving/csp.js';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppScheme,
  setupAppProtocol,
  type AppRequest,
} from '../../../electron/main/protocol.js';
import { protocol, resetElectronMock } from '../../mocks/electron.js';
import { recordingLogger, type RecordingLogger } from '../support/fake-logger.js';

let dir: string;
let rendererDir: string;
let logger: RecordingLogger;
let handle: (request: AppRequest) => Promise<Response>;

beforeEach(() => {
  resetElectronMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-'));
  rendererDir = path.join(dir, 'dist', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("hi")');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  // Secrets next to the renderer build, which traversal attempts aim at.
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
  fs.writeFileSync(path.join(dir, 'dist', 'secret.txt'), 'top secret');
  fs.mkdirSync(path.join(dir, 'dist', 'renderer-evil'));
  fs.writeFileSync(path.join(dir, 'dist', 'renderer-evil', 'x.js'), 'evil');
  logger = recordingLogger();
  handle = createAppProtocolHandler({ rendererDir, logger });
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { ...APP_SCHEME_PRIVILEGES } }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('app:// handler', () => {
  it('serves index.html for / and /index.html with the HTML type and the CSP', async () => {
    for (const url of ['app://kiosk/', 'app://kiosk/index.html', 'app://kiosk/index.html?x=1#top']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>kiosk</title>');
    }
  });

  it('serves assets with their MIME type, byte for byte', async () => {
    const js = await handle(new Request('app://kiosk/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("hi")');
    const png = await handle(new Request('app://kiosk/assets/logo.png'));
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(new Request('app://kiosk/assets/app.js', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String('console.log("hi")'.length));
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/../secret.txt',
    'app://kiosk/..%2fsecret.txt',
    `app://kiosk/${'..%2F'.repeat(12)}etc%2Fpasswd`,
    `app://kiosk/${'%2e%2e%2f'.repeat(12)}etc/passwd`,
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/%2e%2e%2fsecret.txt',
    'app://kiosk/assets/..%2f..%2fsecret.txt',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/%252e%252e/secret.txt',
    'app://kiosk/assets/../../renderer-evil/x.js',
    'app://kiosk/..%2frenderer-evil%2fx.js',
  ])('404s traversal %s, raw or normalised by Request, with the CSP', async (url) => {
    for (const request of [{ url, method: 'GET' }, new Request(url)]) {
      const response = await handle(request);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const body = await response.text();
      expect(body).not.toContain('top secret');
      expect(body).not.toContain('evil');
      expect(body).not.toContain('root:');
    }
  });

  it('404s missing files, directories and other hosts', async () => {
    expect((await handle(new Request('app://kiosk/nope.js'))).status).toBe(404);
    expect((await handle(new Request('app://kiosk/assets'))).status).toBe(404);
    expect((await handle(new Request('app://kiosk/assets/'))).status).toBe(404);
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://kiosk:8080/index.html'))).status).toBe(404);
    expect((await handle({ url: 'not a url' })).status).toBe(404);
    expect(logger.text('warn')).toContain('app://evil/index.html');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('serves the built-in recovery page before any file lookup, even with no renderer build', async () => {
    fs.rmSync(rendererDir, { recursive: true });
    const response = await handle(new Request('app://kiosk/__recovery'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('111');
  });

  it('logs traversal attempts', async () => {
    await handle({ url: 'app://kiosk/..%2f..%2fetc%2fpasswd' });
    expect(logger.text('warn')).toContain('outside the renderer build');
  });
});

describe('setupAppProtocol', () => {
  it('registers one app:// handler that serves the renderer build', async () => {
    setupAppProtocol({ rendererDir, logger });
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler?.(new Request('app://kiosk/index.html'));
    expect(response?.status).toBe(200);
  });
});
