import { promises as fs } from 'node:fs';
import { protocol } from 'electron';
import { resolveAssetPath } from '../serving/asset-path.js';
import { CONTENT_SECURITY_POLICY } from '../serving/csp.js';
import { APP_HOST, APP_SCHEME, RECOVERY_PATH } from './kiosk-url.js';
import type { Logger } from './logger.js';
import { mimeTypeFor } from '../serving/mime.js';
import { RECOVERY_PAGE_HTML } from './recovery-page.js';

/**
 * Privileges of `app://`: standard (real origin, relative URLs, localStorage), secure
 * (a secure context, like https), fetch() allowed. codeCache lets V8 cache the large
 * game bundles between launches; stream lets audio/video play while loading.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  stream: true,
} as const;

/** Must run before `app` is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Headers on every answer, errors included, so no response escapes the policy. */
function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, body: string, method: string): Response {
  return new Response(method === 'HEAD' ? null : body, {
    status,
    headers: baseHeaders('text/plain; charset=utf-8'),
  });
}

/** The part of a fetch Request the handler reads (so tests can pass un-normalised URLs). */
export interface AppRequest {
  url: string;
  method?: string;
}

export interface AppProtocolOptions {
  /** Absolute directory of the renderer build (dist/renderer). */
  rendererDir: string;
  logger: Logger;
}

/**
 * Builds the `app://` handler: serves files from `rendererDir` with their MIME type and
 * the CSP header, answers RECOVERY_PATH from memory, and 404s anything else — other
 * hosts, traversal attempts, directories, missing files. Never throws.
 */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: AppRequest) => Promise<Response> {
  const { rendererDir, logger } = options;
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      logger.warn(`app:// refused a malformed URL: ${request.url}`);
      return textResponse(404, 'Not found', method);
    }
    if (url.host !== APP_HOST) {
      logger.warn(`app:// refused unknown host: ${request.url}`);
      return textResponse(404, 'Not found', method);
    }
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed', method);

    if (url.pathname === RECOVERY_PATH) {
      return new Response(method === 'HEAD' ? null : RECOVERY_PAGE_HTML, {
        status: 200,
        headers: baseHeaders('text/html; charset=utf-8'),
      });
    }

    const filePath = resolveAssetPath(rendererDir, url.pathname);
    if (filePath === null) {
      logger.warn(`app:// refused a path outside the renderer build: ${request.url}`);
      return textResponse(404, 'Not found', method);
    }
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) return textResponse(404, 'Not found', method);
      const body = method === 'HEAD' ? null : await fs.readFile(filePath);
      const headers = baseHeaders(mimeTypeFor(filePath));
      headers.set('Content-Length', String(stat.size));
      return new Response(body, { status: 200, headers });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        logger.error(
          `app:// could not read ${filePath}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return textResponse(500, 'Could not read the file', method);
      }
      logger.info(`app:// not found: ${url.pathname}`);
      return textResponse(404, 'Not found', method);
    }
  };
}

/** Registers the `app://` handler on the default session. Call once, after `app` is ready. */
export function setupAppProtocol(options: AppProtocolOptions): void {
  const handler = createAppProtocolHandler(options);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
