/**
 * How end-to-end tests and benchmarks launch Chromium here: Debian's build (Playwright cannot
 * download browsers on this machine; CHROMIUM_PATH overrides it) with background services off.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
