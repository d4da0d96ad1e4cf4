/**
 * One batch to the collector: POST `<url>/v1/batches` with the token as a Bearer credential.
 * Every failure comes back as a SyncError with a staff sentence that never contains the token.
 */
import {
  BATCHES_PATH,
  BatchResponseSchema,
  CollectorErrorSchema,
  type BatchRequest,
  type BatchResponse,
} from '../../bridge/sync-contract.js';

/** A sync attempt that failed; `retry` is false only when resending cannot help by itself. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly retry: boolean = true,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** `<url>/v1/batches`, keeping any path the collector URL has (e.g. behind a proxy). */
export function batchesUrl(url: string): string {
  const base = new URL(url);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}${BATCHES_PATH}`;
  base.search = '';
  base.hash = '';
  return base.toString();
}

/**
 * Sends `batch` and returns the collector's answer once it acknowledged every record.
 * @throws SyncError on a network error, a timeout, a refusal or an answer that does not fit
 */
export async function postBatch(options: {
  url: string;
  token: string;
  batch: BatchRequest;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
}): Promise<BatchResponse> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(batchesUrl(options.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(options.batch),
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (timeout.aborted)
      throw new SyncError(`The collector did not answer within ${Math.round(options.timeoutMs / 1000)} s.`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new SyncError(
      `The collector cannot be reached (${error instanceof Error ? error.message : String(error)}${cause}).`,
    );
  }
  if (!response.ok)
    throw new SyncError(refusal(response.status, text), response.status >= 500 || response.status === 429);
  let answer: BatchResponse;
  try {
    answer = BatchResponseSchema.parse(JSON.parse(text));
  } catch {
    throw new SyncError('The collector answered something that is not a sync acknowledgement.');
  }
  if (answer.acknowledged !== options.batch.records.length) {
    throw new SyncError(
      `The collector acknowledged ${answer.acknowledged} of ${options.batch.records.length} records; sending them again.`,
    );
  }
  return answer;
}

function refusal(status: number, text: string): string {
  let reason = '';
  try {
    reason = CollectorErrorSchema.parse(JSON.parse(text)).error.slice(0, 300);
  } catch {
    // Not the collector's JSON (a proxy's page): the status says enough.
  }
  if (status === 401 || status === 403)
    return `The collector refused this kiosk's token (HTTP ${status}): ask the organisers for a new one.`;
  return `The collector answered HTTP ${status}${reason === '' ? '' : `: ${reason}`}.`;
}
