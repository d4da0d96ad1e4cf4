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

/** Renders a zod error as one readable line naming each failing field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
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
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown bridge channel "${channel}".` } };
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
