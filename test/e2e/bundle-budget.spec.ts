/**
 * The first-load budget, exact (no timing): the JavaScript the built renderer loads before
 * the attract loop is interactive (the entry script and its static imports) stays within
 * 200 KB gzip; Phaser, the stations and the staff layer load after it. Runs after
 * `npm run build`; `npm run bench` reports the same figure.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from '../../bench/bundle-size.js';

test('the JavaScript before the attract loop is at most 200 KB gzip', () => {
  const firstLoad = measureFirstLoad(path.resolve('dist/renderer'));
  const listing = firstLoad.chunks.map((chunk) => `${chunk.file}: ${String(chunk.gzipBytes)} B`).join('\n');
  expect(firstLoad.chunks.length).toBeGreaterThan(0);
  expect(firstLoad.gzipBytes, listing).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});
