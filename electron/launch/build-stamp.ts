/**
 * Whether the built app (dist/) still matches the source: a fingerprint of every file the
 * build reads, kept in dist/.build-stamp after a build. `npm run web` and `npm start` build
 * only when it differs, so a start without changes takes about a second instead of a build.
 * Content, not modification times: a checkout or copy that changes nothing builds nothing.
 * Runs in Node; never imports electron.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Folders and files the build reads (relative to the app's root). */
export const BUILD_INPUTS: readonly string[] = [
  'renderer',
  'scenes',
  'electron',
  'assets',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'vite.preload.config.ts',
  'tsconfig.base.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

/** What the build must have produced for the app to start. */
export const BUILD_OUTPUTS: readonly string[] = [
  'dist/renderer/index.html',
  'dist/node/electron/host/cli.js',
  'dist/node/electron/main/main.js',
  'dist/preload/preload.cjs',
];

export const STAMP_FILE = 'dist/.build-stamp';

function filesUnder(root: string, relative: string, out: string[]): void {
  const full = path.join(root, relative);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return; // an optional input that does not exist
  }
  if (stat.isFile()) {
    out.push(relative);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(full).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    filesUnder(root, path.join(relative, name), out);
  }
}

/** SHA-256 over the names and contents of every build input. */
export function sourceFingerprint(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const files: string[] = [];
  for (const input of inputs) filesUnder(root, input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why a build is needed, or null when dist/ matches the source. */
export function staleReason(root: string, fingerprint: string): string | null {
  const missing = BUILD_OUTPUTS.find((output) => !fs.existsSync(path.join(root, output)));
  if (missing !== undefined) return `${missing} is missing`;
  let stamp: string;
  try {
    stamp = fs.readFileSync(path.join(root, STAMP_FILE), 'utf8').trim();
  } catch {
    return 'no record of what the last build was made from';
  }
  return stamp === fingerprint ? null : 'the source changed since the last build';
}

/** Records that dist/ was built from the source with this fingerprint. */
export function writeStamp(root: string, fingerprint: string): void {
  fs.writeFileSync(path.join(root, STAMP_FILE), `${fingerprint}\n`);
}
