/**
 * `npm run web` and `npm start` build only when the source changed: the fingerprint follows
 * file contents (not modification times), and a missing output or stamp means "build".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILD_OUTPUTS,
  sourceFingerprint,
  staleReason,
  writeStamp,
} from '../../../electron/launch/build-stamp.js';
import { errorLine } from '../../../electron/launch/start-electron.js';
import { tempDir } from '../../backoffice/helpers.js';

function app(): string {
  const root = tempDir('build-stamp-');
  fs.mkdirSync(path.join(root, 'renderer', 'shell'), { recursive: true });
  fs.writeFileSync(path.join(root, 'renderer', 'shell', 'a.ts'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"not-alone-kiosk"}\n');
  for (const output of BUILD_OUTPUTS) {
    fs.mkdirSync(path.dirname(path.join(root, output)), { recursive: true });
    fs.writeFileSync(path.join(root, output), '');
  }
  return root;
}

describe('build stamp', () => {
  it('asks for a build until one was recorded, then not until the source changes', () => {
    const root = app();
    const fingerprint = sourceFingerprint(root);
    expect(staleReason(root, fingerprint)).toMatch(/no record/);
    writeStamp(root, fingerprint);
    expect(staleReason(root, sourceFingerprint(root))).toBeNull();
    fs.writeFileSync(path.join(root, 'renderer', 'shell', 'a.ts'), 'export const a = 2;\n');
    expect(staleReason(root, sourceFingerprint(root))).toMatch(/source changed/);
  });

  it('ignores modification times and notices new or renamed files', () => {
    const root = app();
    const before = sourceFingerprint(root);
    const file = path.join(root, 'renderer', 'shell', 'a.ts');
    fs.utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(sourceFingerprint(root)).toBe(before);
    fs.renameSync(file, path.join(root, 'renderer', 'shell', 'b.ts'));
    expect(sourceFingerprint(root)).not.toBe(before);
  });

  it('builds when an output is missing even if the stamp matches', () => {
    const root = app();
    const fingerprint = sourceFingerprint(root);
    writeStamp(root, fingerprint);
    fs.rmSync(path.join(root, 'dist', 'renderer', 'index.html'));
    expect(staleReason(root, fingerprint)).toMatch(/index\.html is missing/);
  });
});

describe('errorLine', () => {
  it('picks the line that names the error out of a download trace', () => {
    const output = [
      'Downloading Electron binary...',
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      'Error: Electron failed to install correctly.',
    ].join('\n');
    expect(errorLine(output)).toBe('TypeError: fetch failed');
    expect(errorLine('all fine')).toBeNull();
  });
});
