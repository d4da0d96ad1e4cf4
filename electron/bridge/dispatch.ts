/**
 * One dispatcher shared by the Electron IPC gateway and the browser host: it checks the
 * channel, parses the payload with the contract's schema, calls the handler and turns any
 * failure into a BridgeResult with a clear message. Isomorphic: no Node/DOM/electron imports.
 */
import { z } from 'zod';
import {
  CHANNELS,
  isChannelName,
  type BridgeError,
  type BridgeResult,
  type ChannelName,
  type ChannelResponse,
  type ParsedRequest,
} from './contract.js';

/** What a host must implement: one function per channel, given an already-parsed request. */
export type BridgeHandlers = {
  [K in ChannelName]: (request: ParsedRequest<K>) => ChannelResponse<K> | Promise<ChannelResponse<K>>;
};

/** An error a handler throws to answer with a specific code (e.g. storage failures). */
export class BridgeFailure extends Error {
  constructor(
    readonly code: BridgeError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'BridgeFailure';
  }
}

/** Longest error message the bridge sends back (and so logs): a caller's text is cut. */
export const MAX_ERROR_CHARS = 1_000;
/** Longest piece of caller text (a key, a channel name) quoted in an error. */
const MAX_QUOTED_CHARS = 60;

/**
 * Caller text made safe to quote in a message and a log line: control, line-separator and
 * bidi characters become \u escapes (so a key cannot forge a log line or reverse the text
 * after it) and anything past `max` characters is cut with "…".
 */
export function quoteForLog(text: string, max = MAX_QUOTED_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Renders a zod error as one readable line naming each failing field (bounded in length). */
export function describeZodError(error: z.ZodError): string {
  const text = error.issues
    .map((issue) => {
      const where =
        issue.path.length > 0 ? issue.path.map((part) => quoteForLog(String(part))).join('.') : '(payload)';
      return `${where}: ${quoteForLog(issue.message, MAX_ERROR_CHARS)}`;
    })
    .join('; ');
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
}

/**
 * Validates `payload` for `channel` and runs its handler.
 * Never throws: unknown channels, bad payloads and handler failures all come back as errors.
 */
export async function dispatch(
  handlers: BridgeHandlers,
  channel: string,
  payload: unknown,
): Promise<BridgeResult<unknown>> {
  if (!isChannelName(channel)) {
    return {
      ok: false,
      error: { code: 'unknown-channel', message: `Unknown bridge channel "${quoteForLog(channel)}".` },
    };
  }
  const parsed = CHANNELS[channel].request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-request',
        message: `Invalid "${channel}" payload: ${describeZodError(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof BridgeFailure)
      return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `"${channel}" failed: ${message}` } };
  }
}
