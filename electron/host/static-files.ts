/**
 * Serves the built renderer (dist/renderer) for the browser host, refusing anything
 * outside that folder. The path guard and the MIME table are the Electron protocol's own
 * (electron/serving/), so both hosts serve exactly the same files with the same types.
 * Runs in Node (browser host process).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolveAssetPath } from '../serving/asset-path.js';
import { mimeTypeFor } from '../serving/mime.js';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a static file under `root`, or null when it is missing, a folder, or outside `root`. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const filePath = resolveAssetPath(root, urlPath);
  if (filePath === null) return null;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return null;
    return { body: await readFile(filePath), contentType: mimeTypeFor(filePath) };
  } catch {
    return null;
  }
}
