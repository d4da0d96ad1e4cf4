/**
 * Fuzzes every bridge channel of both hosts, against a real back office on a temp folder:
 * the shared dispatcher, the Electron IPC gateway (through the shared electron mock) and the
 * browser host's HTTP API. For each channel FUZZ_RUNS generated payloads (1,000 in `npm test`, 10,000 in `npm run fuzz`).
 * Each answer must be a BridgeResult with a known code; a payload the contract refuses must
 * be answered "bad-request"; nothing may throw or pollute Object.prototype; and afterwards
 * every journal line must parse with the contract, one line per distinct acknowledged record.
 * Generic: channels come from CHANNEL_NAMES, payload shapes from each request schema.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BridgeResultSchema,
  CHANNEL_NAMES,
  CHANNELS,
  ERROR_CODES,
  HTTP_TOKEN_HEADER,
  JournalRecordSchema,
  ipcChannel,
  type ChannelName,
} from '../../electron/bridge/contract.js';
import { dispatch } from '../../electron/bridge/dispatch.js';
import { createBridgeHandlers, openBackOffice, type BackOffice } from '../../electron/backoffice/index.js';
import { MAX_BODY_BYTES, createHostServer, type HostServer } from '../../electron/host/server.js';
import { setupIpcGateway } from '../../electron/main/ipc-gateway.js';
import { BrowserWindow as FakeWindow, ipcMain, resetElectronMock } from '../mocks/electron.js';
import { memoryLogger } from '../backoffice/helpers.js';
import { FUZZ_RUNS, NASTY_STRINGS, payloadArbitrary } from './fuzz-payloads.js';

/** Generous: 10,000 payloads per channel on a shared 2-core machine. */
const TIMEOUT_MS = 10 * 60_000;
/** Error messages must stay readable: a caller's megabyte key is not echoed whole. */
const MAX_MESSAGE_CHARS = 2_000;
// eslint-disable-next-line no-control-regex -- the characters a log line must not carry raw
const UNSAFE_IN_LOGS = /[\u0000\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

interface Tally {
  answers: number;
  accepted: number;
  acks: Set<string>;
}

/** Checks one answer against the contract; returns the record ack id when there is one. */
function checkAnswer(channel: ChannelName, payload: unknown, answer: unknown, tally: Tally): void {
  tally.answers += 1;
  const result = BridgeResultSchema.parse(answer);
  const valid = CHANNELS[channel].request.safeParse(payload).success;
  if (!valid) {
    expect(result.ok, `"${channel}" accepted a payload the contract refuses`).toBe(false);
  }
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    // No raw NUL, line separators or bidi controls: the message is logged as one honest line.
    expect(result.error.message).not.toMatch(UNSAFE_IN_LOGS);
    if (!valid) expect(result.error.code).toBe('bad-request');
    return;
  }
  tally.accepted += 1;
  const response = CHANNELS[channel].response.safeParse(result.value);
  expect(response.success, `"${channel}" answered outside its response schema`).toBe(true);
  if (channel === 'record') tally.acks.add((result.value as { id: string }).id);
}

/** Every journal line parses with the contract; one line per distinct acknowledged record. */
function expectCleanJournal(dataDir: string, acks: Set<string>): void {
  const file = path.join(dataDir, 'journal.jsonl');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const lines = text.split('\n').filter((line) => line.length > 0);
  const ids = lines.map((line) => JournalRecordSchema.parse(JSON.parse(line)).id);
  expect(new Set(ids)).toEqual(acks);
  expect(ids.length).toBe(acks.size);
}

function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** Folders made for the whole describe block (the helpers' tempDir goes after each test). */
const folders: string[] = [];
function folder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openFuzzBackOffice(): BackOffice {
  return openBackOffice({
    dataDir: folder('fuzz-'),
    version: '0.0.0-fuzz',
    host: 'browser',
    logger: memoryLogger(),
  });
}

describe.each(['dispatcher', 'ipc', 'http'] as const)('bridge fuzz through the %s', (via) => {
  let backOffice: BackOffice;
  let call: (channel: string, payload: unknown) => Promise<{ payload: unknown; answer: unknown }>;
  let stop: () => Promise<void> = () => Promise.resolve();
  const tally: Tally = { answers: 0, accepted: 0, acks: new Set() };

  beforeAll(async () => {
    backOffice = openFuzzBackOffice();
    const handlers = createBridgeHandlers(backOffice);
    if (via === 'dispatcher') {
      call = async (channel, payload) => ({ payload, answer: await dispatch(handlers, channel, payload) });
    } else if (via === 'ipc') {
      resetElectronMock();
      const kiosk = new FakeWindow();
      kiosk.webContents.mainFrame.url = 'app://kiosk/index.html';
      const remove = setupIpcGateway({
        handlers,
        getKioskWindow: () => kiosk as unknown as BrowserWindow,
        logger: memoryLogger(),
      });
      const event = {
        sender: kiosk.webContents,
        senderFrame: kiosk.webContents.mainFrame,
      } as unknown as IpcMainInvokeEvent;
      stop = () => {
        remove();
        return Promise.resolve();
      };
      call = async (channel, payload) => {
        const ipc = CHANNEL_NAMES.includes(channel as ChannelName)
          ? ipcChannel(channel as ChannelName)
          : channel;
        // Electron structured-clones what the renderer sends: prototypes and undefined members go.
        const cloned: unknown = payload === undefined ? undefined : structuredCloneOrSelf(payload);
        if (!ipcMain.handlers.has(ipc)) return { payload: cloned, answer: unknownChannel(channel) };
        return { payload: cloned, answer: await ipcMain.invoke(ipc, event, cloned) };
      };
    } else {
      const host: HostServer = createHostServer({
        handlers,
        rendererDir: folder('fuzz-renderer-'),
        token: 'fuzz-token-0123456789',
      });
      const base = await host.listen(0);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      stop = async () => {
        agent.destroy();
        await host.close();
      };
      call = async (channel, payload) => {
        const body = payload === undefined ? '' : JSON.stringify(payload);
        // What the server will see after JSON: the contract is judged on that.
        const seen: unknown = body === '' ? undefined : JSON.parse(body);
        const { status, text } = await post(
          agent,
          `${base}api/${/^[A-Za-z0-9_-]+$/.test(channel) ? channel : percentEncode(channel)}`,
          body,
        );
        const answer: unknown = JSON.parse(text);
        if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
          expect(status).toBe(413);
          return { payload: Symbol('too large'), answer };
        }
        const parsed = BridgeResultSchema.parse(answer);
        expect(status).toBe(parsed.ok ? 200 : statusFor(parsed.error.code));
        return { payload: seen, answer };
      };
    }
  });

  afterAll(async () => {
    await stop();
    backOffice.close();
  });

  it.each(CHANNEL_NAMES)(
    `answers ${String(FUZZ_RUNS)} hostile "%s" payloads with a contract answer`,
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(payloadArbitrary(channel), async (payload) => {
          const { payload: seen, answer } = await call(channel, payload);
          if (typeof seen === 'symbol') {
            // Refused before parsing (too large): still a coded answer.
            expect(BridgeResultSchema.parse(answer)).toMatchObject({
              ok: false,
              error: { code: 'bad-request' },
            });
            return;
          }
          checkAnswer(channel, seen, answer, tally);
        }),
        { numRuns: FUZZ_RUNS },
      );
      expectNoPollution();
      expectCleanJournal(backOffice.dataDir, tally.acks);
    },
    TIMEOUT_MS,
  );

  it('answers unknown channels with "unknown-channel"', async () => {
    const names = fc.oneof(
      fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 200)),
      fc.string({ maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(
        names.filter((name) => !CHANNEL_NAMES.includes(name as ChannelName)),
        async (name) => {
          const { answer } = await call(name, {});
          expect(BridgeResultSchema.parse(answer)).toMatchObject({ ok: false });
        },
      ),
      { numRuns: 500 },
    );
    expectNoPollution();
  });

  it('accepted some well-formed records, so the fuzz also reached the journal', () => {
    expect(tally.answers).toBeGreaterThan(0);
    expect(tally.acks.size).toBeGreaterThan(0);
  });
});

function unknownChannel(channel: string): unknown {
  return { ok: false, error: { code: 'unknown-channel', message: `Unknown bridge channel "${channel}".` } };
}

function structuredCloneOrSelf(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** Every UTF-8 byte as %XX: works for any string, lone surrogates included. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function statusFor(code: string): number {
  return (
    { 'bad-request': 400, 'unknown-channel': 404, forbidden: 403, storage: 503, internal: 500 }[code] ?? 500
  );
}

function post(agent: http.Agent, url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: 'fuzz-token-0123456789' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
