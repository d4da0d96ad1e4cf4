/**
 * The online-kidnapping station, every way it can end: both stories played to EVERY ending,
 * in Vietnamese and in English, by accessible button names, in one page on one host. Which
 * choices reach which ending comes from the engine's path finder over the content graph
 * (visitor-steps.ts), so an ending added or re-routed in the JSON is walked without touching
 * this file. Afterwards the tallies (the staff panel's channel) must count every visit, every
 * story started and every ending by its kind, under the station's own id and each scenario's.
 *
 * Also: going idle in the middle of the fake officer's video call ends the session and
 * returns to a fresh attract loop, with everything the station started disposed.
 *
 * A fake clock (page.clock), paused inside the station: taps show messages at once, the
 * software-rendered canvases draw nothing meanwhile, and the idle timeout passes in a jump.
 *
 * KIDNAP_SCREENSHOTS=1: the walk also saves, for review, each new phone surface (the video
 * call, the warrant, the guesthouse card, the airplane-mode/SIM banner, the scholarship
 * letter, the family thread), the content note and one debrief of each kind per story, each
 * in vi and en at 1920×1080 and 1080×1920, to test-results/screenshots/kidnap-*.png.
 */
import type { Page } from '@playwright/test';
import { ENDING_KINDS } from '../../scenes/shared/story/index.js';
import { diagnostics, expect, screenshot, startHost, test } from './host-fixture.js';
import { installLeakProbe, stationLeftovers } from './leak-probe.js';
import {
  ATTRACT_START,
  byName,
  choicesTo,
  enterStation,
  makeChoice,
  openStation,
  pathsToEveryEnding,
  pickScenario,
  route,
  otherLang,
  scenarioOf,
  settled,
  SIZES,
  shell,
  skipCheck,
  startSession,
  storyStation,
  switchLanguage,
  tallies,
  tapPhone,
  walk,
  type Lang,
  type Orientation,
} from './visitor-steps.js';

const kidnap = storyStation('kidnap');
const LANGS: readonly Lang[] = ['vi', 'en'];
const scenarioIds = kidnap.story.scenarios.map((pair) => pair.id);

/** Longer than the ending's last words stay before the debrief (play-flow's ENDING_TO_DEBRIEF_MS). */
const DEBRIEF_AFTER_MS = 3000;

/** Review screenshots only on request: every variant costs two language switches and two resizes. */
const SCREENSHOTS = process.env.KIDNAP_SCREENSHOTS === '1';

/** The screens to review: per scenario, the node where a phone surface first shows, and a name. */
const REVIEW: Record<string, Record<string, string>> = {
  'fake-police': {
    'video-push': 'video-call',
    'video-warrant': 'warrant',
    guesthouse: 'guesthouse',
    'cut-contact': 'banner',
    scholarship: 'letter',
  },
  'sister-missing': { 'sister-asks': 'family-thread', ransom: 'ransom-video' },
};

/**
 * Saves the screen now up as `kidnap-<name>-<lang>-<orientation>.png` in all four variants,
 * one change at a time, and comes back to `lang` in landscape.
 */
async function shootVariants(page: Page, lang: Lang, name: string): Promise<void> {
  const variants: [Lang, Orientation][] = [
    [lang, 'landscape'],
    [otherLang(lang), 'landscape'],
    [otherLang(lang), 'portrait'],
    [lang, 'portrait'],
    [lang, 'landscape'],
  ];
  let now: [Lang, Orientation] = [lang, 'landscape'];
  for (const [i, [to, orientation]] of variants.entries()) {
    if (to !== now[0]) await switchLanguage(page, to);
    if (orientation !== now[1]) {
      await page.setViewportSize(SIZES[orientation]);
      await expect(page.locator('.story')).toHaveAttribute('data-orientation', orientation);
    }
    now = [to, orientation];
    if (i === variants.length - 1) break;
    // A few frames on the fake clock: the phone's canvas redraws at its new size.
    await page.clock.runFor(200);
    await settled(page);
    await screenshot(page, `kidnap-${name}-${to}-${orientation}`);
  }
}

/** Pauses the page's fake clock a little ahead (it may not go back, and a busy machine is slow to answer): nothing moves until the test says so. */
async function pauseClock(page: Page): Promise<void> {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5000);
}

test('both stories reach every ending in both languages by button names; the tallies count each', async ({
  page,
  host,
}) => {
  test.setTimeout(SCREENSHOTS ? 1_200_000 : 300_000);
  await page.clock.install();
  await startSession(page, host.url);
  let firstStory = true;
  const shots = new Set<string>();
  const expected: Record<string, { plays: number; outcomes: Record<string, number> }> = {};
  for (const lang of LANGS) {
    const ui = kidnap.ui[lang];
    if (lang !== 'vi') await switchLanguage(page, lang);
    if (SCREENSHOTS && lang === 'vi') {
      await openStation(page, kidnap, lang);
      await expect(byName(page, kidnap.ui[lang].care?.noteStart ?? '?')).toBeVisible({ timeout: 30_000 });
      await pauseClock(page);
      await shootVariants(page, lang, 'note');
      await page.clock.resume();
      await byName(page, kidnap.ui[lang].care?.noteStart ?? '?').click();
      await expect(page.getByRole('heading', { name: ui.picker.title })).toBeVisible();
    } else await enterStation(page, kidnap, lang);
    await pauseClock(page);
    for (const id of scenarioIds) {
      const scenario = scenarioOf(kidnap, id, lang);
      const paths = pathsToEveryEnding(scenario);
      // Every ending of the graph has a path to it (the finder found them all).
      expect(paths.map((found) => found.endingId)).toEqual(
        scenario.nodes.filter((node) => node.kind === 'ending').map((node) => node.id),
      );
      for (const found of paths) {
        const { steps, ending } = route(
          scenario,
          found.steps.map((step) => step.choiceId),
        );
        await pickScenario(page, scenario);
        // The before check is offered once per visitor session; skipped here.
        if (firstStory) await skipCheck(page, ui);
        firstStory = false;
        for (const step of steps) {
          await tapPhone(page, ui);
          const review = SCREENSHOTS && lang === 'vi' ? REVIEW[id]?.[step.nodeId] : undefined;
          if (review && !shots.has(review)) {
            shots.add(review);
            await expect(byName(page, step.label)).toBeVisible();
            await shootVariants(page, lang, review);
          }
          await makeChoice(page, ui, step);
        }
        // The ending's last words show at a tap, and stay a moment before the debrief.
        await tapPhone(page, ui);
        await page.clock.fastForward(DEBRIEF_AFTER_MS);
        await expect(
          page.getByRole('heading', { name: ending.title }),
          `${lang} ${id} → ${found.endingId}`,
        ).toBeVisible();
        // Care mode: 113 first, no outcome badge, no score.
        await expect(page.getByTestId('story-hotline-113')).toBeVisible();
        await expect(page.locator('.story-badge, .story-debrief__score')).toHaveCount(0);
        const debrief = `debrief-${id}-${ending.kind}`;
        if (SCREENSHOTS && lang === 'vi' && !shots.has(debrief)) {
          shots.add(debrief);
          await shootVariants(page, lang, debrief);
        }
        const tally = (expected[id] ??= {
          plays: 0,
          outcomes: Object.fromEntries(ENDING_KINDS.map((kind) => [kind, 0])),
        });
        tally.plays += 1;
        tally.outcomes[ending.kind] = (tally.outcomes[ending.kind] ?? 0) + 1;
        await byName(page, ui.debrief.another).click();
      }
    }
    // Leave the station with the shell's back button; the next language is a second visit.
    await page.clock.resume();
    await byName(page, shell[lang].station.backLabel).click();
    await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  }

  if (SCREENSHOTS)
    // Every screen asked for was reached (a content change cannot drop one silently).
    expect([...shots].sort()).toEqual(
      [
        ...Object.values(REVIEW).flatMap((nodes) => Object.values(nodes)),
        ...Object.entries(expected).flatMap(([id, { outcomes }]) =>
          Object.keys(outcomes).map((kind) => `debrief-${id}-${kind}`),
        ),
      ].sort(),
    );
  const endings = Object.values(expected).reduce((sum, scenario) => sum + scenario.plays, 0);
  // Both stories, all their endings, in both languages.
  expect(Object.keys(expected)).toEqual(['fake-police', 'sister-missing']);
  expect(expected['fake-police']?.outcomes).toEqual({ safe: 2, rescued: 6, harmed: 2 });
  await expect.poll(async () => (await tallies(page)).scenes.kidnap?.completions).toBe(endings);
  const kept = await tallies(page);
  expect(kept.scenes.kidnap).toMatchObject({
    enters: 2,
    completions: endings,
    leaves: { exited: 2, idle: 0 },
  });
  expect(Object.keys(kept.scenarios)).toEqual(['kidnap']);
  for (const id of scenarioIds) {
    expect(kept.scenarios.kidnap?.[id], id).toMatchObject({
      ...expected[id],
      starts: expected[id]?.plays,
      abandoned: 0,
    });
  }
});

test('going idle in the middle of the video call returns to a fresh attract loop, everything disposed', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(180_000);
  const idleSeconds = 120;
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: String(idleSeconds) });
  try {
    // The clock first, then the probe: the probe then watches the (fake) timers the page uses.
    await page.clock.install();
    await installLeakProbe(page);
    await page.goto(host.url);
    await expect.poll(async () => (await diagnostics(page)).liveWorld, { timeout: 30_000 }).not.toBeNull();
    const attractResources = ((await diagnostics(page)).liveWorld as { trackedResources: number })
      .trackedResources;
    await page.getByRole('button', { name: ATTRACT_START }).click();
    const lang: Lang = 'vi';
    const ui = kidnap.ui[lang];
    await enterStation(page, kidnap, lang);

    // Story A up to the fake officer's video call with the warrant.
    const scenario = scenarioOf(kidnap, 'fake-police', lang);
    const videoCall = scenario.nodes.find(
      (node) =>
        node.kind === 'decision' &&
        node.speaker.channel === 'video' &&
        node.messages.some((message) => message.kind === 'document'),
    );
    if (!videoCall) throw new Error('fake-police: no video call showing a document');
    const { steps } = walk(scenario, choicesTo(scenario, videoCall.id));
    await pickScenario(page, scenario);
    await skipCheck(page, ui);
    await pauseClock(page);
    for (const step of steps) {
      await tapPhone(page, ui);
      await makeChoice(page, ui, step);
    }
    await tapPhone(page, ui);
    await expect(page.locator('.story-video--fake-officer')).toBeVisible();
    await expect(page.locator('.story-docview [data-surface="document"]')).toBeVisible();
    expect((await diagnostics(page)).station).toBe('kidnap');

    // Nobody touches the screen: the warning, then its countdown runs out.
    const warning = page.getByRole('alertdialog', { name: shell[lang].idle.title });
    await page.clock.fastForward(idleSeconds * 1000 + 2000);
    await expect(warning).toBeVisible();
    await page.clock.fastForward(12_000);
    await expect(page.getByRole('button', { name: ATTRACT_START })).toBeVisible();
    await expect(warning).toBeHidden();
    // Let released work finish its last step (a timer of 0 ms, a frame) before counting.
    await page.clock.resume();
    const after = await diagnostics(page);
    expect(after).toMatchObject({ state: 'attract', station: null, sessionId: null });
    expect(after.worldsCreated).toBe(2);
    expect(after.worldsDisposed).toBe(1);
    await expect
      .poll(
        async () =>
          ((await diagnostics(page)).liveWorld as { trackedResources: number } | null)?.trackedResources,
      )
      .toBe(attractResources);
    await expect
      .poll(async () => {
        const { timeouts, intervals, frames, liveContexts, listeners, stationNodes } =
          await stationLeftovers(page);
        return { timeouts, intervals, frames, liveContexts, listeners, stationNodes };
      })
      .toEqual({ timeouts: 0, intervals: 0, frames: 0, liveContexts: 0, listeners: [], stationNodes: 0 });
    expect(await page.locator('.story').count()).toBe(0);

    const kept = await tallies(page);
    expect(kept.sessionsByEndReason.idle).toBe(1);
    expect(kept.scenes.kidnap).toMatchObject({ enters: 1, completions: 0, leaves: { idle: 1 } });
    expect(kept.scenarios.kidnap?.['fake-police']).toMatchObject({ starts: 1, plays: 0, abandoned: 1 });
  } finally {
    await host.stop();
  }
});
