/**
 * The short festival-day soak for CI: 100+ seeded monkey sessions through every station of
 * the browser host (random taps, swipes, multi-touch and keys, idle timeouts mid-scene,
 * language switches, the staff gesture begun and abandoned), on Playwright's clock. No
 * uncaught error, no console error, and the tallies count exactly what the monkey did.
 * The long run is `npm run soak -- --sessions N` (bench/soak.ts, the same driver).
 */
import { SoakDriver, expectedTallies, readTallies, talliesSeen } from '../../bench/soak-driver.js';
import { STATION_IDS, watchPageErrors } from '../../bench/soak-setup.js';
import { expect, startHost, test } from './host-fixture.js';

const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 100);
const IDLE_SECONDS = 60;

// A small viewport (software WebGL draws every frame) and no trace (thousands of actions).
test.use({ hasTouch: true, viewport: { width: 960, height: 540 }, trace: 'off' });

test(`soak: ${String(SESSIONS)} monkey sessions through every station`, async ({ page, dataDir }) => {
  test.setTimeout(600_000);
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: String(IDLE_SECONDS) });
  try {
    const errors = watchPageErrors(page);
    await page.clock.install();
    await page.goto(host.url);
    await expect(page.getByTestId('start')).toBeVisible();

    const driver = new SoakDriver(
      page,
      { sessions: SESSIONS, seed: Number(process.env.SOAK_SEED ?? 12), idleMs: IDLE_SECONDS * 1000 },
      STATION_IDS,
    );
    const started = Date.now();
    const counts = await driver.run();
    console.log(JSON.stringify({ ms: Date.now() - started, ...counts }));

    expect(errors, 'uncaught errors or console errors').toEqual([]);
    expect(counts.sessions).toBe(SESSIONS);
    // Every station was visited, and the monkey did each kind of thing.
    expect(Object.keys(counts.stations).sort()).toEqual([...STATION_IDS].sort());
    expect(counts.endedBy.idle).toBeGreaterThan(0);
    expect(counts.endedBy.visitor).toBeGreaterThan(0);
    for (const done of Object.values(counts.actions)) expect(done).toBeGreaterThan(0);
    // Every session and visit reached the journal (records travel in the background).
    await expect
      .poll(async () => talliesSeen(await readTallies(page)), { timeout: 60_000 })
      .toEqual(expectedTallies(counts));
    expect(errors).toEqual([]);
  } finally {
    await host.stop();
  }
});
