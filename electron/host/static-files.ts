/**
 * Serves the built renderer (dist/renderer) for the browser host, refusing anything
 * outside that folder. Runs in Node (browser host process).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The MIME type for a file name, `application/octet-stream` when unknown. */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would escape `root`
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes) or is not a valid path.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = path.resolve(root);
  const resolved = path.resolve(absoluteRoot, relative);
  if (resolved !== absoluteRoot && !resolved.startsWith(absoluteRoot + path.sep)) return null;
  return resolved;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a static file under `root`, or null when it is missing, a folder, or outside `root`. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const filePath = resolveStaticPath(root, urlPath);
  if (filePath === null) return null;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return null;
    return { body: await readFile(filePath), contentType: mimeTypeFor(filePath) };
  } catch {
    return null;
  }
}
