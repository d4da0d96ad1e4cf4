/**
 * The browser host's export downloads. Each exported file is published under its own
 * unguessable one-time id, `<dataDir>/exports/<id>/<name>`, and served at GET
 * `/export/<id>/<name>`: the id is the only key (no page token in the URL, where it would end
 * up in the browser's download history), the first request claims it, and the file is
 * deleted once sent. Files nobody fetched are swept after EXPORT_TTL_MS.
 *
 * Names are checked against strict patterns before any path is built, so no request can
 * reach outside that folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, ensurePrivateDir } from '../fsutil.js';

export const EXPORTS_DIR = 'exports';
export const EXPORT_ROUTE_PREFIX = '/export/';
/** Exported files not downloaded within this time are deleted (they hold visitor data). */
export const EXPORT_TTL_MS = 10 * 60_000;

/** 128 random bits, base64url: 22 characters. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** Letters, digits, ".", "_" and "-", not starting with a dot (so never "." or ".."). */
const NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;
/** Where a claimed download waits while it is being sent (never matches ID_PATTERN). */
const SENDING_PREFIX = '.sending-';

function newId(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** A fresh private folder under `exportsDir` to write one export into before publishing it. */
export function stagingFolder(exportsDir: string): string {
  ensurePrivateDir(exportsDir);
  const folder = path.join(exportsDir, `.staging-${newId()}`);
  fs.mkdirSync(folder, { mode: PRIVATE_DIR_MODE });
  return folder;
}

/**
 * Moves each written file from `staging` to its own one-time id and removes `staging`.
 * @returns the download path of each name, in order
 */
export function publishDownloads(exportsDir: string, staging: string, names: readonly string[]): string[] {
  const paths = names.map((name) => {
    if (!NAME_PATTERN.test(name)) throw new Error(`Not an export file name: ${name}`);
    const id = newId();
    fs.mkdirSync(path.join(exportsDir, id), { mode: PRIVATE_DIR_MODE });
    fs.renameSync(path.join(staging, name), path.join(exportsDir, id, name));
    return `${EXPORT_ROUTE_PREFIX}${id}/${name}`;
  });
  fs.rmSync(staging, { recursive: true, force: true });
  return paths;
}

/** A download claimed by one request: read `file`, then call `release()`. */
export interface ClaimedDownload {
  file: string;
  name: string;
  /** Deletes the file and its folder (after it was sent, or when sending failed). */
  release: () => void;
}

/**
 * Claims the download a GET `pathname` asks for, so no second request can have it; null when
 * the path is not a well-formed `/export/<id>/<name>` (traversal, encoded slashes, odd
 * characters) or the id is unknown or already used.
 */
export function claimDownload(exportsDir: string, pathname: string): ClaimedDownload | null {
  if (!pathname.startsWith(EXPORT_ROUTE_PREFIX)) return null;
  const rest = pathname.slice(EXPORT_ROUTE_PREFIX.length).split('/');
  if (rest.length !== 2) return null;
  const [id, name] = rest;
  if (id === undefined || name === undefined || !ID_PATTERN.test(id) || !NAME_PATTERN.test(name)) return null;
  const root = path.resolve(exportsDir);
  const claimed = path.join(root, `${SENDING_PREFIX}${id}`);
  try {
    // Atomic: of two requests for the same id, exactly one rename succeeds.
    fs.renameSync(path.join(root, id), claimed);
  } catch {
    return null;
  }
  const file = path.join(claimed, name);
  const release = (): void => {
    fs.rmSync(claimed, { recursive: true, force: true });
  };
  if (!fs.existsSync(file)) {
    release();
    return null;
  }
  return { file, name, release };
}

/**
 * Deletes what is older than `ttlMs` in `exportsDir`: downloads never fetched, stagings of
 * exports that failed half-way, sends that were cut off. Returns how many it removed.
 */
export function sweepExports(exportsDir: string, nowMs: number, ttlMs: number = EXPORT_TTL_MS): number {
  let entries: string[];
  try {
    entries = fs.readdirSync(exportsDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const full = path.join(exportsDir, entry);
    try {
      if (nowMs - fs.statSync(full).mtimeMs < ttlMs) continue;
      fs.rmSync(full, { recursive: true, force: true });
      removed += 1;
    } catch {
      // Gone meanwhile, or not ours to delete: the next sweep tries again.
    }
  }
  return removed;
}

/** The content type of an export file, by extension. */
export function exportContentType(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  if (name.endsWith('.jsonl')) return 'application/x-ndjson; charset=utf-8';
  if (name.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'application/octet-stream';
}
