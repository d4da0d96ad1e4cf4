/**
 * The renderer's way to the back office. In Electron it is `window.kiosk` from the preload;
 * in the browser host it is the same contract over HTTP with the per-launch token.
 * Every answer is parsed with the contract's schemas: nothing crosses unparsed.
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
} from '../../electron/bridge/contract.js';

declare global {
  interface Window {
    /** Present in Electron only (preload). */
    kiosk?: KioskApi;
  }
}

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

function wrap(call: (channel: ChannelName, request: unknown) => Promise<unknown>): KioskApi {
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

/** The HTTP transport used under the browser host. */
export function createHttpKiosk(token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): KioskApi {
  return wrap(async (channel, request) => {
    const response = await fetchImpl(`${HTTP_API_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
      body: request === undefined ? '' : JSON.stringify(request),
    });
    return (await response.json()) as unknown;
  });
}

/** The bridge for this page: the preload's in Electron, HTTP otherwise. */
export function connectKiosk(): KioskApi {
  const preload = window.kiosk;
  if (preload !== undefined) {
    return wrap((channel, request) => (preload[channel] as (r: unknown) => Promise<unknown>)(request));
  }
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  return createHttpKiosk(token);
}
