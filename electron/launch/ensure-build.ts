/**
 * `npm run web` and `npm start` run this first: it builds the app only when the source
 * changed since the last build (see build-stamp.ts). `--force` always builds.
 * Runs in Node with tsx; never imports electron.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFingerprint, staleReason, writeStamp } from './build-stamp.js';

/** Builds when needed; returns false when the build failed. */
export function ensureBuild(root: string, force = false): boolean {
  // Taken before building: a file saved during the build makes the next start build again.
  const fingerprint = sourceFingerprint(root);
  const reason = force ? 'asked to (--force)' : staleReason(root, fingerprint);
  if (reason === null) {
    console.log('The build is up to date (nothing changed since the last build).');
    return true;
  }
  console.log(`Building the kiosk: ${reason}…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) return false;
  writeStamp(root, fingerprint);
  return true;
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  if (!ensureBuild(root, process.argv.includes('--force'))) {
    console.error('The build failed (see above); nothing was started.');
    process.exit(1);
  }
}
