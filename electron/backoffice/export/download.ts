/**
 * The browser host's export downloads: files under `<dataDir>/exports/<id>/<name>`, served
 * at GET `/export/<id>/<name>`. Names are checked against a strict pattern before any path
 * is built, so no request can reach outside that folder.
 */
import path from 'node:path';

export const EXPORTS_DIR = 'exports';
export const EXPORT_ROUTE_PREFIX = '/export/';

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Letters, digits, ".", "_" and "-", not starting with a dot (so never "." or ".."). */
const NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** The URL path where the page downloads `name` of export `id`. */
export function exportDownloadPath(id: string, name: string): string {
  return `${EXPORT_ROUTE_PREFIX}${id}/${name}`;
}

/**
 * The file a GET `pathname` asks for, inside `exportsDir`, or null when the path is not a
 * well-formed `/export/<id>/<name>` (traversal, encoded slashes, odd characters).
 */
export function resolveExportFile(exportsDir: string, pathname: string): string | null {
  if (!pathname.startsWith(EXPORT_ROUTE_PREFIX)) return null;
  const rest = pathname.slice(EXPORT_ROUTE_PREFIX.length).split('/');
  if (rest.length !== 2) return null;
  const [id, name] = rest;
  if (id === undefined || name === undefined || !ID_PATTERN.test(id) || !NAME_PATTERN.test(name)) return null;
  const root = path.resolve(exportsDir);
  const file = path.resolve(root, id, name);
  // Belt and braces: the patterns already exclude separators and "..".
  return file.startsWith(root + path.sep) ? file : null;
}

/** The content type of an export file, by extension. */
export function exportContentType(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  if (name.endsWith('.jsonl')) return 'application/x-ndjson; charset=utf-8';
  if (name.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'application/octet-stream';
}
