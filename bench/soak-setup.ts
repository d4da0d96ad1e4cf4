/**
 * What the soak spec, `npm run soak` and the memory benchmark share around the driver: the
 * stations to visit (every scenes/<id>/station.json) and a watch on the page's errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const SCENES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenes');

/** Every station folder with a station.json: a new station is soaked by existing. */
export const STATION_IDS: readonly string[] = fs
  .readdirSync(SCENES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(SCENES, entry.name, 'station.json')))
  .map((entry) => entry.name)
  .sort();

/** Collects uncaught errors and console errors of `page` into the returned (live) list. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
