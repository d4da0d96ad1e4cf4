/**
 * The JavaScript a visitor's browser must load before the attract loop is interactive: the
 * entry script of the built index.html and every chunk it imports statically, transitively.
 * Chunks imported dynamically (Phaser, the stations, the staff layer) are not counted: they
 * load after the attract loop. Sizes are gzip level 9, as a CDN or the budget in the issue
 * counts them. Runs in Node on `dist/renderer`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The budget for that JavaScript, gzip bytes (issue 12). */
export const FIRST_LOAD_BUDGET_BYTES = 200 * 1024;

export interface FirstLoad {
  /** Each chunk, relative to the renderer folder, with its gzip size. */
  chunks: { file: string; gzipBytes: number; bytes: number }[];
  gzipBytes: number;
  bytes: number;
}

/** Static imports in built ES modules: `import "./x.js"` and `from "./x.js"`, never `import(`. */
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
const ENTRY_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;

/** Measures the first-load JavaScript of the built renderer in `rendererDir`. */
export function measureFirstLoad(rendererDir: string): FirstLoad {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(ENTRY_SCRIPT), ...html.matchAll(PRELOAD)].map((match) =>
    path.resolve(rendererDir, match[1] ?? ''),
  );
  if (queue.length === 0) throw new Error(`${rendererDir}/index.html has no module script`);
  const seen = new Set<string>();
  const chunks: FirstLoad['chunks'] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file);
    chunks.push({
      file: path.relative(rendererDir, file),
      bytes: code.length,
      gzipBytes: zlib.gzipSync(code, { level: 9 }).length,
    });
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      queue.push(path.resolve(path.dirname(file), match[1] ?? ''));
    }
  }
  return {
    chunks,
    gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    bytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
  };
}
