import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from '../../../electron/serving/asset-path.js';

const root = path.resolve('/srv/kiosk/dist/renderer');

describe('resolveAssetPath', () => {
  it('maps paths inside the root, "/" to index.html, and decodes %-escapes', () => {
    expect(resolveAssetPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, '')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAssetPath(root, '/fonts/Be%20Vietnam.woff2')).toBe(
      path.join(root, 'fonts', 'Be Vietnam.woff2'),
    );
    // Dot segments that stay inside the root are fine.
    expect(resolveAssetPath(root, '/assets/../index.html')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    '/../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/assets/../../renderer-evil/x.js',
    '/..',
    '/%2e%2e',
  ])('refuses traversal %s', (pathname) => {
    expect(resolveAssetPath(root, pathname)).toBeNull();
  });

  it.each([
    ['backslashes (Windows separators)', '/..%5c..%5cwindows%5cwin.ini'],
    ['literal backslash', '/assets\\app.js'],
    ['NUL bytes', '/index.html%00.png'],
    ['malformed escapes', '/%E0%A4%A'],
  ])('refuses %s', (_label, pathname) => {
    expect(resolveAssetPath(root, pathname)).toBeNull();
  });

  it('refuses the root directory itself', () => {
    expect(resolveAssetPath(root, '/.')).toBeNull();
  });

  it('keeps a double-encoded escape literal (it is then just a missing file)', () => {
    expect(resolveAssetPath(root, '/%252e%252e/etc/passwd')).toBe(path.join(root, '%2e%2e', 'etc', 'passwd'));
  });
});
