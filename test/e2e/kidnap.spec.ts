/**
 * The online-kidnapping station end to end, in the real browser host: the content note (and
 * its way back to the hub), Story A played to its safe ending and again through the guesthouse
 * to a rescue, Story B played to its ending, all by accessible button names read from the
 * content JSON. Checks care mode (no score, no "scammed" badge, calm feedback, signs to
 * remember, the debrief opening with the stand's staff and 113) and that the events are kept
 * under the station's own id, "kidnap"; one test per orientation. Every ending in both
 * languages, the idle reset and the review screenshots are in kidnap-endings.spec.ts.
 */
import type { Page } from '@playwright/test';
import { diagnostics, expect, expectTouchTargets, test } from './host-fixture.js';
import {
  byName,
  enterStation,
  openStation,
  pickScenario,
  route,
  scenarioOf,
  skipCheck,
  startSession,
  storyStation,
  switchLanguage,
  tallies,
  tapPhone,
  SIZES,
  type Lang,
} from './visitor-steps.js';

const kidnap = storyStation('kidnap');
/** The station's words, with its care-mode words (the content note, the debrief's lead and advice). */
function textOf(lang: Lang) {
  const text = kidnap.ui[lang];
  const care = text.care;
  if (!care) throw new Error('kidnap: care mode is off');
  return { ...text, care };
}
const scenario = (id: string, lang: Lang) => scenarioOf(kidnap, id, lang);

/**
 * Plays `choiceIds` of a scenario by button names (the first `alreadyMade` of them are made
 * already); `checks` run at a node once its choices are up. Returns the ending reached.
 */
async function play(
  page: Page,
  lang: Lang,
  id: string,
  choiceIds: string[],
  checks: Record<string, () => Promise<void>> = {},
  alreadyMade = 0,
) {
  const text = textOf(lang);
  const { steps, ending } = route(scenario(id, lang), choiceIds);
  for (const step of steps.slice(alreadyMade)) {
    await tapPhone(page, text);
    await expect(byName(page, step.label)).toBeVisible();
    await checks[step.nodeId]?.();
    await byName(page, step.label).click();
    if (step.feedback) await byName(page, text.play.continue).click();
  }
  // The ending's last messages: a tap shows them at once.
  await tapPhone(page, text);
  await expect(page.getByRole('heading', { name: ending.title })).toBeVisible();
  return ending;
}

/** The care-mode debrief: staff and 113 first, no score, no crosses, no "scammed" badge. */
async function expectCareDebrief(page: Page, lang: Lang): Promise<void> {
  const { care } = textOf(lang);
  const first = page.locator('.story-debrief__main > :first-child');
  await expect(first).toContainText(care.debriefLead);
  // The hotlines sit in the strip that never scrolls away; in care mode 113 leads.
  await expect(page.locator('.story-help-strip .story-hotline__number')).toHaveText(['113', '111']);
  await expect(page.locator('.story-debrief__score')).toHaveCount(0);
  await expect(page.locator('.story-flag--missed')).toHaveCount(0);
  // No outcome badge at all (so never a "scammed" one).
  await expect(page.locator('.story-badge')).toHaveCount(0);
  for (const line of care.advice) await expect(page.getByText(line, { exact: true })).toBeVisible();
}

test('landscape: the content note and its way back, Story A to its safe ending, Story B to its ending, events under "kidnap"', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const lang: Lang = 'vi';
  const text = textOf(lang);
  await startSession(page, host.url, SIZES.landscape);

  // The content note comes first, and its back button leaves for the hub.
  await openStation(page, kidnap, lang);
  await expect(page.getByRole('heading', { name: text.care.noteTitle })).toBeVisible({ timeout: 30_000 });
  for (const line of text.care.note) await expect(page.getByText(line, { exact: true })).toBeVisible();
  await expectTouchTargets(page);
  await byName(page, text.care.noteBack).click();
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  expect(await page.locator('.story').count()).toBe(0);

  // Again, on to Story A (the before check skipped), never obeying: the fake officer's video
  // call shows the warrant; the safe ending.
  await enterStation(page, kidnap, lang);
  await pickScenario(page, scenario('fake-police', lang));
  await skipCheck(page, text);
  const safe = await play(page, lang, 'fake-police', ['hang-up', 'tell-family', 'block-go-ward'], {
    'video-push': async () => {
      await expect(page.locator('.story-video--fake-officer')).toBeVisible();
      await expect(page.locator('.story-docview [data-surface="document"]')).toBeVisible();
    },
  });
  expect(safe.kind).toBe('safe');
  await expectCareDebrief(page, lang);
  await expectTouchTargets(page);

  // Story B, the family: the sister's hijacked account and the family thread, to its ending.
  await byName(page, text.debrief.another).click();
  await pickScenario(page, scenario('sister-missing', lang));
  const family = await play(page, lang, 'sister-missing', ['tell-parents', 'call-113', 'comfort'], {
    'sister-asks': async () => {
      await expect(page.locator('[data-surface="family-thread"]')).toBeVisible();
    },
  });
  expect(family.kind).toBe('safe');
  await expectCareDebrief(page, lang);
  await byName(page, text.debrief.done).click();
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');

  // Every event is kept under the station's own id.
  await expect.poll(async () => (await tallies(page)).scenes.kidnap?.completions).toBe(2);
  const kept = await tallies(page);
  expect(kept.scenes.kidnap?.enters).toBe(2);
  expect(Object.keys(kept.scenarios)).toEqual(['kidnap']);
  const plays = kept.scenarios.kidnap ?? {};
  expect(plays['fake-police']).toMatchObject({
    plays: 1,
    starts: 1,
    outcomes: { safe: 1, rescued: 0, harmed: 0 },
  });
  expect(plays['sister-missing']).toMatchObject({ plays: 1, starts: 1, outcomes: { safe: 1 } });
});

test('portrait: Story A obeying, calm feedback, the guesthouse, the banners, rescued; events under "kidnap"', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const lang: Lang = 'en';
  const text = textOf(lang);
  await startSession(page, host.url, SIZES.portrait);
  await switchLanguage(page, lang);
  await openStation(page, kidnap, lang);
  await expect(page.getByRole('heading', { name: text.care.noteTitle })).toBeVisible({ timeout: 30_000 });
  await byName(page, text.care.noteStart).click();
  await pickScenario(page, scenario('fake-police', lang));
  await skipCheck(page, text);

  // A risky step is met calmly: no shake, no red.
  const [listen] = route(scenario('fake-police', lang), [
    'listen',
    'cooperate',
    'stay-room',
    'go-reception',
  ]).steps;
  await tapPhone(page, text);
  await byName(page, listen?.label ?? '?').click();
  await expect(page.locator('.story-feedback--calm')).toBeVisible();
  await expect(page.locator('.story-feedback--bad')).toHaveCount(0);
  await expect(page.locator('.story--shake')).toHaveCount(0);
  await byName(page, text.play.continue).click();
  const rescued = await play(
    page,
    lang,
    'fake-police',
    ['listen', 'cooperate', 'stay-room', 'go-reception'],
    {
      guesthouse: async () => {
        await expect(page.locator('.story-docview [data-surface="place"]')).toBeVisible();
        await expect(page.locator('[data-surface="family-thread"]')).toBeVisible();
      },
      'cut-contact': async () => {
        await expect(page.locator('.story-banner')).toBeVisible();
      },
    },
    1,
  );
  expect(rescued.kind).toBe('rescued');
  await expect(page.getByText(/not be punished for having been tricked/).first()).toBeVisible();
  await expectCareDebrief(page, lang);
  await byName(page, text.debrief.done).click();
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');

  await expect.poll(async () => (await tallies(page)).scenes.kidnap?.completions).toBe(1);
  const kept = await tallies(page);
  expect(Object.keys(kept.scenarios)).toEqual(['kidnap']);
  expect(kept.scenarios.kidnap?.['fake-police']).toMatchObject({
    plays: 1,
    outcomes: { safe: 0, rescued: 1, harmed: 0 },
  });
});
