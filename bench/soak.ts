/**
 * `npm run soak -- --sessions N [--seed S]`: the long festival-day soak. The same driver as
 * the CI spec (test/e2e/soak.spec.ts) against a built browser host, on Playwright's clock;
 * prints one JSON object (what the monkey did, what the tallies say, errors seen) and exits
 * non-zero when a page error was seen or the tallies differ from what was done.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { withKiosk } from './measure.js';
import { SoakDriver, expectedTallies, readTallies, talliesSeen } from './soak-driver.js';
import { STATION_IDS, watchPageErrors } from './soak-setup.js';

const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '300' }, seed: { type: 'string', default: '12' } },
});
const sessions = Number(values.sessions);
const seed = Number(values.seed);
if (!Number.isInteger(sessions) || sessions < 1)
  throw new Error('--sessions must be a positive whole number');
const IDLE_SECONDS = 60;

const result = await withKiosk({ KIOSK_IDLE_SECONDS: String(IDLE_SECONDS) }, async (host, browser) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.clock.install();
  await page.goto(host.url);
  await page.getByTestId('start').waitFor({ state: 'visible', timeout: 60_000 });
  const started = Date.now();
  const driver = new SoakDriver(
    page,
    {
      sessions,
      seed,
      idleMs: IDLE_SECONDS * 1000,
      afterSession: (index) => {
        if ((index + 1) % 25 === 0) process.stderr.write(`soak: ${String(index + 1)} sessions\n`);
        return Promise.resolve();
      },
    },
    STATION_IDS,
  );
  const counts = await driver.run();
  const ms = Date.now() - started;
  const expected = expectedTallies(counts);
  // Records travel to the back office in the background: give them a moment to land.
  let seen = talliesSeen(await readTallies(page));
  for (let attempt = 0; attempt < 60 && !isDeepStrictEqual(seen, expected); attempt++) {
    await page.waitForTimeout(500);
    seen = talliesSeen(await readTallies(page));
  }
  await context.close();
  const talliesMatch = isDeepStrictEqual(seen, expected);
  return {
    sessions,
    seed,
    ms,
    msPerSession: Math.round(ms / sessions),
    did: counts,
    tallies: seen,
    errors: errors.slice(0, 20),
    met: { noErrors: errors.length === 0, talliesMatch, everySession: seen.sessions === sessions },
  };
});

console.log(JSON.stringify(result, null, 2));
process.exitCode = Object.values(result.met).every(Boolean) ? 0 : 1;
