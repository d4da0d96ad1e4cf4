import path from 'node:path';

/**
 * Maps the path of an `app://kiosk/...` URL to a file inside `rootDir`, or null when the
 * request must be refused.
 *
 * Refused: malformed percent-encoding, NUL bytes, backslashes (a path separator on
 * Windows, so never allowed as a literal), and anything that resolves outside `rootDir`
 * once decoded — e.g. `..%2f..%2fetc%2fpasswd`, which survives URL normalisation
 * because the encoded slashes keep it a single segment. "/" means "/index.html".
 *
 * @param rootDir absolute directory the files are served from (the Vite output)
 * @param urlPathname the URL's pathname, still percent-encoded
 */
export function resolveAssetPath(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, relative);
  const fromRoot = path.relative(root, candidate);
  const escapes = fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot);
  if (fromRoot === '' || escapes) return null;
  return candidate;
}
