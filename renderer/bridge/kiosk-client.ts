/**
 * The renderer's way to the back office. In Electron it is `window.kiosk` from the preload;
 * in the browser host it is the same contract over HTTP with the page token.
 * Every answer is parsed with the contract's schemas: nothing crosses unparsed.
 *
 * Visitor records go through an outbox (record-outbox.ts): kept in order while the host is
 * away, sent again when it is back, stored once. Under the browser host, a refused token
 * (the host's token file was replaced) makes the page re-read the token from a fresh copy of
 * itself and try again.
 */
import {
  CHANNEL_NAMES,
  CHANNELS,
  HTTP_API_PREFIX,
  HTTP_TOKEN_HEADER,
  TOKEN_META_NAME,
  BridgeResultSchema,
  type BridgeResult,
  type ChannelName,
  type KioskApi,
  type VisitorEvent,
} from '../../electron/bridge/contract.js';
import { RecordOutbox, type Attempt, type DeliveryState } from './record-outbox.js';

declare global {
  interface Window {
    /** Present in Electron only (preload). */
    kiosk?: KioskApi;
  }
}

/** Sends one call and returns the raw answer; throws when the back office cannot be reached. */
type Transport = (channel: ChannelName, request: unknown) => Promise<unknown>;

/** Parses a raw answer into a BridgeResult whose value matches the channel's response schema. */
export function parseAnswer(channel: ChannelName, raw: unknown): BridgeResult<unknown> {
  const envelope = BridgeResultSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, error: { code: 'internal', message: `Malformed answer on "${channel}".` } };
  }
  if (!envelope.data.ok) return envelope.data;
  const value = CHANNELS[channel].response.safeParse(envelope.data.value);
  if (!value.success) {
    return { ok: false, error: { code: 'internal', message: `Answer on "${channel}" breaks the contract.` } };
  }
  return { ok: true, value: value.data };
}

function wrap(call: Transport): KioskApi {
  const api: Record<string, (request: unknown) => Promise<BridgeResult<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (request) => {
      try {
        return parseAnswer(channel, await call(channel, request));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'internal', message: `"${channel}" unreachable: ${message}` } };
      }
    };
  }
  return api as unknown as KioskApi;
}

/** Sends one record and says whether it was stored, is worth retrying, or was refused. */
export async function attemptRecord(call: Transport, event: VisitorEvent): Promise<Attempt> {
  let raw: unknown;
  try {
    raw = await call('record', event);
  } catch {
    return { kind: 'retry', problem: 'unreachable' };
  }
  const result = parseAnswer('record', raw);
  if (result.ok) {
    return { kind: 'stored', ack: CHANNELS.record.response.parse(result.value) };
  }
  switch (result.error.code) {
    case 'bad-request':
    case 'unknown-channel':
      return { kind: 'rejected', error: result.error };
    case 'forbidden':
      return { kind: 'retry', problem: 'forbidden' };
    case 'storage':
      return { kind: 'retry', problem: 'storage' };
    case 'internal':
      return { kind: 'retry', problem: 'server' };
  }
}

/** The page token in a served copy of index.html, or null. */
export function tokenInPage(html: string): string | null {
  const match = new RegExp(`<meta name="${TOKEN_META_NAME}" content="([A-Za-z0-9_-]+)"`).exec(html);
  return match?.[1] ?? null;
}

/**
 * The HTTP transport used under the browser host. When the host refuses the token and
 * `refreshToken` finds a different one, the call is sent once more with it.
 */
function httpTransport(
  initialToken: string,
  fetchImpl: typeof fetch,
  refreshToken?: () => Promise<string | null>,
): Transport {
  let token = initialToken;
  let refreshing: Promise<string | null> | null = null;
  const post = async (channel: ChannelName, request: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetchImpl(`${HTTP_API_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
      body: request === undefined ? '' : JSON.stringify(request),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return async (channel, request) => {
    const first = await post(channel, request);
    if (first.status !== 403 || !refreshToken) return first.body;
    // Several calls refused at once share one re-read.
    refreshing ??= refreshToken().finally(() => {
      refreshing = null;
    });
    const fresh = await refreshing;
    if (fresh === null || fresh === token) return first.body;
    token = fresh;
    return (await post(channel, request)).body;
  };
}

/** The HTTP bridge under the browser host (see httpTransport). */
export function createHttpKiosk(
  token: string,
  fetchImpl: typeof fetch = fetch.bind(globalThis),
  refreshToken?: () => Promise<string | null>,
): KioskApi {
  return wrap(httpTransport(token, fetchImpl, refreshToken));
}

/** Re-reads the page token from a fresh copy of the page, and updates the page's own copy. */
async function reloadPageToken(): Promise<string | null> {
  try {
    const response = await fetch('/', { cache: 'no-store' });
    if (!response.ok) return null;
    const token = tokenInPage(await response.text());
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`);
    if (token !== null && meta) meta.content = token;
    return token;
  } catch {
    return null;
  }
}

export interface KioskConnection {
  api: KioskApi;
  /** The records on their way (for the staff notice and diagnostics). */
  outbox: RecordOutbox;
}

/**
 * The bridge for this page: the preload's in Electron, HTTP otherwise, with records sent
 * through an outbox that reports its state to `onDelivery`.
 */
export function connectKiosk(onDelivery?: (state: DeliveryState) => void): KioskConnection {
  const preload = window.kiosk;
  let transport: Transport;
  if (preload !== undefined) {
    transport = (channel, request) => (preload[channel] as (r: unknown) => Promise<unknown>)(request);
  } else {
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`);
    transport = httpTransport(meta?.content ?? '', fetch.bind(globalThis), reloadPageToken);
  }
  const api = wrap(transport);
  const outbox = new RecordOutbox((event) => attemptRecord(transport, event), { onChange: onDelivery });
  api.record = (event) => outbox.push(event);
  return { api, outbox };
}
