/**
 * The browser host refuses an oversized body as soon as it knows, without reading the rest
 * (from Content-Length, or by counting a chunked upload), and closes the connection; and it
 * tells the launcher's watchdog when the page last called (GET /healthz).
 */
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers } from '../../electron/bridge/dispatch.js';
import {
  HEALTHZ_PATH,
  MAX_BODY_BYTES,
  createHostServer,
  type HostServer,
} from '../../electron/host/server.js';

const TOKEN = 'page-token-1234';
let host: HostServer;
let port: number;
let clock: number;
const record = vi.fn(() => ({ id: '00000000-0000-4000-8000-000000000001', at: new Date(0).toISOString() }));

beforeEach(async () => {
  clock = 1_000_000;
  record.mockClear();
  host = createHostServer({
    handlers: {
      record,
      config: () => ({ kioskId: 'k', version: '1', language: 'vi', idleSeconds: 60, host: 'browser' }),
    } as unknown as BridgeHandlers,
    rendererDir: path.join(os.tmpdir(), 'no-renderer'),
    token: TOKEN,
    now: () => clock,
  });
  port = Number(new URL(await host.listen(0)).port);
});

afterEach(async () => {
  await host.close();
});

interface RawExchange {
  /** What the server answered (status line first). */
  answer: string;
  /** Whether the server closed the connection. */
  closed: boolean;
  /** Body bytes the client managed to send before the server closed. */
  sent: number;
}

/**
 * Sends a POST whose headers promise `declared` bytes (or chunked when null), then body
 * chunks of 16 KiB up to `offer` bytes, one every few milliseconds, and stops as soon as an
 * answer arrives; resolves once the server closed the connection (or after 5 s).
 */
function rawPost(declared: number | null, offer: number): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const head = [
      'POST /api/record HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `x-kiosk-token: ${TOKEN}`,
      'content-type: application/json',
      declared === null ? 'transfer-encoding: chunked' : `content-length: ${declared}`,
      '',
      '',
    ].join('\r\n');
    const pump = (): void => {
      if (answer !== '' || closed || sent >= offer || socket.destroyed) return;
      const body =
        declared === null
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
          : chunk;
      socket.write(body);
      sent += chunk.length;
      setTimeout(pump, 5);
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('data', (data) => (answer += data.toString('latin1')));
    socket.on('error', () => undefined);
    const done = (): void => {
      closed = true;
      clearTimeout(timer);
      resolve({ answer, closed, sent });
    };
    socket.on('close', done);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closed: false, sent });
    }, 5_000);
  });
}

describe('an oversized body', () => {
  it('is refused from its Content-Length before it is sent, and the connection is closed', async () => {
    // 100 MB promised; the client sends 16 KiB and then waits for an answer.
    const exchange = await rawPost(100 * 1024 * 1024, 16 * 1024);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.answer).toMatch(/connection: close/i);
    expect(exchange.answer).toContain(`Payload larger than ${MAX_BODY_BYTES} bytes.`);
    expect(exchange.closed).toBe(true);
    expect(record).not.toHaveBeenCalled();
  });

  it('is refused once a chunked upload passes the limit, without reading on', async () => {
    const exchange = await rawPost(null, 100 * 1024 * 1024);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.closed).toBe(true);
    // Stopped near the limit, not after 100 MB.
    expect(exchange.sent).toBeLessThan(MAX_BODY_BYTES + 1024 * 1024);
    expect(record).not.toHaveBeenCalled();
  });

  it('still lets a body of the allowed size through', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/config`, {
      method: 'POST',
      headers: { 'x-kiosk-token': TOKEN },
      body: '',
    });
    expect(response.status).toBe(200);
  });
});

describe('GET /healthz', () => {
  it('says how long ago the page last called, and how long the host has run', async () => {
    const get = async () =>
      (await fetch(`http://127.0.0.1:${port}${HEALTHZ_PATH}`)).json() as Promise<unknown>;
    clock += 5_000;
    expect(await get()).toEqual({ ok: true, pageSeenMsAgo: null, uptimeMs: 5_000 });
    await fetch(`http://127.0.0.1:${port}/api/config`, {
      method: 'POST',
      headers: { 'x-kiosk-token': TOKEN },
      body: '',
    });
    clock += 2_000;
    expect(await get()).toEqual({ ok: true, pageSeenMsAgo: 2_000, uptimeMs: 7_000 });
    // A caller without the page token is not the page.
    await fetch(`http://127.0.0.1:${port}/api/config`, { method: 'POST', body: '' });
    clock += 1_000;
    expect(await get()).toMatchObject({ pageSeenMsAgo: 3_000 });
  });
});
