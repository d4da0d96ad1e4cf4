/**
 * The collector's HTTP server: `POST /v1/batches` (kiosks, Bearer token), `GET /v1/summary`
 * (JSON for organisers), `GET /` (the live page) and `GET /export/csv|json|html` (the merge
 * command's files, from the database). Bad input gets a clear 4xx with a JSON
 * `{ error }` and changes nothing; an oversized body is refused before it is read whole.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeZodError } from '../electron/bridge/dispatch.js';
import {
  BATCHES_PATH,
  BatchRequestSchema,
  MAX_BATCH_BYTES,
  type BatchResponse,
} from '../electron/bridge/sync-contract.js';
import type { Db } from './db.js';
import { livePage } from './live-page.js';
import { mergeExports, reportCache } from './report.js';
import { authenticate, festivalTotals, kioskSummaries, storeBatch } from './store.js';

export interface CollectorLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface CollectorOptions {
  db: Db;
  port: number;
  /** Default 127.0.0.1; 0.0.0.0 to take kiosks on the festival network. */
  host?: string;
  logger?: CollectorLogger;
  maxBodyBytes?: number;
  now?: () => Date;
}

export interface RunningCollector {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const quiet: CollectorLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body);
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** Reads the body up to `limit` bytes; refuses more (413) as soon as it is announced or seen. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const announced = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(announced) && announced > limit)
    throw new HttpError(413, `The batch is larger than ${limit} bytes; send fewer records per batch.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit)
      throw new HttpError(413, `The batch is larger than ${limit} bytes; send fewer records per batch.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function bearer(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
  return match?.[1] ?? null;
}

async function handleBatch(options: CollectorOptions, req: http.IncomingMessage): Promise<BatchResponse> {
  const { db } = options;
  const token = bearer(req);
  if (token === null) throw new HttpError(401, 'Missing "Authorization: Bearer <token>".');
  // Before the body is read: an unknown sender costs the collector no more than a lookup.
  const tokenId = await authenticate(db, token);
  if (tokenId === null) throw new HttpError(401, 'Unknown or revoked token.');
  const text = await readBody(req, options.maxBodyBytes ?? MAX_BATCH_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
  const parsed = BatchRequestSchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, `Invalid batch: ${describeZodError(parsed.error)}`);
  const batch = parsed.data;
  const foreign = batch.records.find((record) => record.kioskId !== batch.kioskId);
  if (foreign !== undefined)
    throw new HttpError(
      400,
      `Record ${foreign.id} belongs to kiosk "${foreign.kioskId}", not "${batch.kioskId}".`,
    );
  const stored = await storeBatch(db, { ...batch, tokenId });
  return { stored, acknowledged: batch.records.length, totals: await festivalTotals(db, options.now?.()) };
}

/** Starts the collector; resolves once it listens. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const logger = options.logger ?? quiet;
  const report = reportCache(options.db);
  const now = (): Date => options.now?.() ?? new Date();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    const answer = async (): Promise<void> => {
      if (route === `POST ${BATCHES_PATH}`) {
        const result = await handleBatch(options, req);
        send(res, 200, result);
      } else if (route === 'GET /v1/summary') {
        send(res, 200, {
          totals: await festivalTotals(options.db, options.now?.()),
          kiosks: await kioskSummaries(options.db),
        });
      } else if (route === 'GET /') {
        const at = now();
        const totals = await festivalTotals(options.db, at);
        const kiosks = await kioskSummaries(options.db);
        const merged = await report(at);
        send(res, 200, livePage({ totals, kiosks, merged, now: at }), 'text/html');
      } else if (/^GET \/export\/(csv|json|html)$/.test(route)) {
        const at = now();
        const ext = `.${url.pathname.slice('/export/'.length)}`;
        const file = mergeExports(await report(at), at).find((f) => f.name.endsWith(ext));
        if (file === undefined) throw new HttpError(404, `No export ${ext}.`);
        res.writeHead(200, {
          'content-type': `${file.type}; charset=utf-8`,
          'content-length': file.data.length,
          'content-disposition': `${ext === '.html' ? 'inline' : 'attachment'}; filename="${file.name}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(file.data);
      } else {
        throw new HttpError(url.pathname === BATCHES_PATH ? 405 : 404, `No route ${route}.`);
      }
    };
    answer().catch((error: unknown) => {
      if (error instanceof HttpError) {
        logger.warn(`${route}: ${error.status} ${error.message.slice(0, 300)}`);
        // Drain nothing more: the connection closes after a refused upload.
        if (error.status === 413) res.setHeader('connection', 'close');
        send(res, error.status, { error: error.message });
      } else {
        logger.error(
          `${route} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (!res.headersSent)
          send(res, 500, { error: 'The collector could not store the batch; try again.' });
      }
    });
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  logger.info(`Collector listening on http://${host}:${port} (${options.db.kind} store).`);
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
