/**
 * The browser host: a Node HTTP server on 127.0.0.1 that serves the built renderer and
 * answers the bridge contract over HTTP (`POST /api/<channel>`), guarded by a per-launch
 * token that only pages it served can read. Runs in Node; never imports electron.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HTTP_API_PREFIX,
  HTTP_TOKEN_HEADER,
  TOKEN_META_NAME,
  type BridgeResult,
} from '../bridge/contract.js';
import { dispatch, type BridgeHandlers } from '../bridge/dispatch.js';
import {
  EXPORT_ROUTE_PREFIX,
  claimDownload,
  exportContentType,
  sweepExports,
} from '../backoffice/export/download.js';
import { CONTENT_SECURITY_POLICY } from '../serving/csp.js';
import { readStaticFile } from './static-files.js';

/** Largest accepted request body; bridge payloads are small. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The launcher's watchdog asks here whether the kiosk page is alive (see launcher/). */
export const HEALTHZ_PATH = '/healthz';
/** How often old, never-downloaded exports are swept. */
const EXPORT_SWEEP_MS = 60_000;

export interface HostServerOptions {
  handlers: BridgeHandlers;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  /** Per-launch secret; generated when omitted. */
  token?: string;
  /**
   * Optional page handler used before the static files (the dev server plugs Vite in here).
   * It returns true when it answered the request.
   */
  pageHandler?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  /** Hook for index.html (the dev server lets Vite transform it). */
  transformIndexHtml?: (url: string, html: string) => Promise<string>;
  /**
   * Called once for every request answered with an error status (4xx/5xx), after the answer
   * went out: the CLI writes it to kiosk.log. Never given the token or the query string.
   */
  onRejected?: (rejection: Rejection) => void;
  /**
   * Folder of the staff exports (`<dataDir>/exports`), served once each at GET
   * `/export/<one-time id>/<name>` and swept when old. Without it that route answers 404.
   */
  exportsDir?: string;
  /** Clock (tests). */
  now?: () => number;
}

/** A request the host refused or failed, as logged. */
export interface Rejection {
  method: string;
  /** The path only: the query may carry the export token. */
  path: string;
  status: number;
  /** The bridge error code and message, when the answer carried one. */
  reason: string;
}

/** Why each error answer was sent, read back when the answer has gone out. */
const reasons = new WeakMap<http.ServerResponse, string>();

export interface HostServer {
  readonly server: http.Server;
  readonly token: string;
  /** Starts listening on 127.0.0.1 only; port 0 picks a free port. Resolves with the URL. */
  listen(port: number): Promise<string>;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

const STATUS_FOR_ERROR: Readonly<Record<string, number>> = {
  'bad-request': 400,
  'unknown-channel': 404,
  forbidden: 403,
  storage: 503,
  internal: 500,
};

/** What the host remembers between requests. */
interface HostState {
  token: string;
  now: () => number;
  /** When the page last made an authenticated bridge call (ms), or null. */
  pageSeenAt: number | null;
  startedAt: number;
}

/** Creates the browser host. Call `listen()` to start it. */
export function createHostServer(options: HostServerOptions): HostServer {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const now = options.now ?? Date.now;
  const state: HostState = { token, now, pageSeenAt: null, startedAt: now() };
  const { exportsDir } = options;
  let sweeper: NodeJS.Timeout | undefined;
  if (exportsDir !== undefined) {
    // Leftovers of an earlier run first, then every minute.
    sweepExports(exportsDir, state.now());
    sweeper = setInterval(() => sweepExports(exportsDir, state.now()), EXPORT_SWEEP_MS);
    sweeper.unref();
  }
  const server = http.createServer((req, res) => {
    if (options.onRejected) reportRejection(req, res, options.onRejected);
    handleRequest(options, state, server, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message } });
      else res.destroy();
    });
  });
  return {
    server,
    token,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(`http://127.0.0.1:${address.port}/`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function handleRequest(
  options: HostServerOptions,
  state: HostState,
  server: http.Server,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  // DNS-rebinding guard: only our own loopback names may address us.
  if (!isAllowedHost(req.headers.host, server)) {
    sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Unknown Host header.' } });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith(HTTP_API_PREFIX)) {
    await handleApi(options.handlers, state, url.pathname.slice(HTTP_API_PREFIX.length), req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (url.pathname === HEALTHZ_PATH) {
    sendHealthz(state, res);
    return;
  }
  if (url.pathname.startsWith(EXPORT_ROUTE_PREFIX)) {
    await sendExport(options.exportsDir, url, req, res);
    return;
  }
  if (options.pageHandler && url.pathname !== '/' && url.pathname !== '/index.html') {
    if (await options.pageHandler(req, res)) return;
  }
  const file = await readStaticFile(options.rendererDir, url.pathname);
  if (file === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  let body: Buffer | string = file.body;
  if (file.contentType.startsWith('text/html')) {
    let html = injectToken(file.body.toString('utf8'), state.token);
    if (options.transformIndexHtml) html = await options.transformIndexHtml(url.pathname, html);
    body = html;
    res.setHeader('cache-control', 'no-store');
  }
  res.writeHead(200, { 'content-type': file.contentType });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function handleApi(
  handlers: BridgeHandlers,
  state: HostState,
  channel: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  res.setHeader('cache-control', 'no-store');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    sendJson(res, 405, { ok: false, error: { code: 'bad-request', message: 'Bridge calls use POST.' } });
    return;
  }
  if (!tokenMatches(req.headers[HTTP_TOKEN_HEADER], state.token)) {
    sendJson(res, 403, {
      ok: false,
      error: { code: 'forbidden', message: `Missing or wrong ${HTTP_TOKEN_HEADER} header.` },
    });
    return;
  }
  state.pageSeenAt = state.now();
  const body = await readBody(req);
  if (body === null) {
    refuseTooLarge(req, res);
    return;
  }
  let payload: unknown = undefined;
  if (body.length > 0) {
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sendJson(res, 400, {
        ok: false,
        error: { code: 'bad-request', message: `Body is not JSON: ${reason}` },
      });
      return;
    }
  }
  const result = await dispatch(handlers, channel, payload);
  sendJson(res, result.ok ? 200 : (STATUS_FOR_ERROR[result.error.code] ?? 500), result);
}

/**
 * Answers 413 without reading the rest of the body, and closes the connection once the
 * answer is out: a 100 MB upload costs us no more than what arrived before we noticed.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.pause();
  res.setHeader('connection', 'close');
  sendJson(res, 413, {
    ok: false,
    error: { code: 'bad-request', message: `Payload larger than ${MAX_BODY_BYTES} bytes.` },
  });
  res.once('finish', () => {
    // Half-close first so the 413 reaches the client; drop the socket if it keeps sending.
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 1_000).unref();
  });
}

/** For the launcher's watchdog: is the host up, and when did the page last call it? */
function sendHealthz(state: HostState, res: http.ServerResponse): void {
  res.setHeader('cache-control', 'no-store');
  const pageSeenMsAgo = state.pageSeenAt === null ? null : Math.max(0, state.now() - state.pageSeenAt);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ ok: true, pageSeenMsAgo, uptimeMs: state.now() - state.startedAt }));
}

/**
 * Serves one export file as a download, once: its one-time id (128 random bits, in the path)
 * is the key, so the page token never appears in a URL. The first request claims the file;
 * it is deleted once sent (or once sending failed). Anything else is a 404.
 */
async function sendExport(
  exportsDir: string | undefined,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  res.setHeader('cache-control', 'no-store');
  // HEAD must not use up the one download.
  const claimed =
    exportsDir === undefined || req.method !== 'GET' ? null : claimDownload(exportsDir, url.pathname);
  let body: Buffer | null = null;
  if (claimed !== null) {
    try {
      body = await fs.promises.readFile(claimed.file);
    } catch {
      body = null;
    }
    res.once('close', claimed.release);
  }
  if (claimed === null || body === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': exportContentType(claimed.name),
    'content-length': body.length,
    // The name is [A-Za-z0-9._-] only (checked when claimed), so it needs no quoting beyond this.
    'content-disposition': `attachment; filename="${claimed.name}"`,
  });
  res.end(body);
}

/** Puts the per-launch token into the page as `<meta name="kiosk-token">`. */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : meta + html;
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isAllowedHost(hostHeader: string | undefined, server: http.Server): boolean {
  if (hostHeader === undefined) return false;
  const address = server.address();
  if (address === null || typeof address === 'string') return false;
  return [`127.0.0.1:${address.port}`, `localhost:${address.port}`].includes(hostHeader.toLowerCase());
}

/**
 * Reads the body, or resolves null as soon as it is known to be too large: from the
 * Content-Length header before reading anything, or from the bytes counted so far (chunked
 * uploads), without reading on.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      resolve(null);
    };
    const onEnd = (): void => {
      resolve(Buffer.concat(chunks));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** Calls `onRejected` when the answer to `req` turns out to be an error. */
function reportRejection(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  onRejected: (rejection: Rejection) => void,
): void {
  res.once('close', () => {
    if (res.statusCode < 400) return;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    onRejected({
      method: req.method ?? '?',
      path: url.pathname,
      status: res.statusCode,
      reason: reasons.get(res) ?? http.STATUS_CODES[res.statusCode] ?? 'error',
    });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: BridgeResult<unknown>): void {
  if (!body.ok) reasons.set(res, `${body.error.code}: ${body.error.message}`);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
