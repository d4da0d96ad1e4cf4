/**
 * First-load budget: the JavaScript loaded before the attract loop is interactive, gzip.
 * Prints ONE JSON object; `met` is false when it is over FIRST_LOAD_BUDGET_BYTES.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from './bundle-size.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const firstLoad = measureFirstLoad(path.join(root, 'dist/renderer'));
const result = {
  benchmark: 'bundle',
  firstLoadGzipKB: Number((firstLoad.gzipBytes / 1024).toFixed(1)),
  firstLoadKB: Number((firstLoad.bytes / 1024).toFixed(1)),
  chunks: firstLoad.chunks,
  goals: { firstLoadGzipKB: FIRST_LOAD_BUDGET_BYTES / 1024 },
  met: { firstLoadGzipKB: firstLoad.gzipBytes <= FIRST_LOAD_BUDGET_BYTES },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
