/**
 * The online-kidnapping station end to end, in the real browser host: the content note (and
 * its way back to the hub), Story A played to its safe ending and again through the guesthouse
 * to a rescue, Story B played to its ending, all by accessible button names read from the
 * content JSON. Checks care mode (no score, no "scammed" badge, calm feedback, signs to
 * remember, the debrief opening with the stand's staff and 113) and that the events are kept
 * under the station's own id, "kidnap". Screenshots of each new phone surface in both
 * languages go to test-results/screenshots/ for review; one test per orientation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { deepMerge } from '../../scenes/shared/content/deep.js';
import type { UiText } from '../../scenes/shared/story-station/ui-text.js';
import { bridge, diagnostics, expect, expectTouchTargets, screenshot, test } from './host-fixture.js';

type Lang = 'vi' | 'en';
type Care = NonNullable<UiText['care']>;

interface ChoiceJson {
  id: string;
  label: string;
  next: string;
  risky?: boolean;
  spots?: string[];
  feedback?: string;
}
interface NodeJson {
  id: string;
  choices?: ChoiceJson[];
  redFlags?: unknown[];
  ending?: { title: string; kind: string };
}
interface ScenarioJson {
  id: string;
  title: string;
  start: string;
  nodes: NodeJson[];
}
interface Step {
  label: string;
  feedback: boolean;
  nodeId: string;
}
interface ShellLocale {
  language: { switchLabel: string };
  station: { backLabel: string };
  hub: { stationLabel: string };
}

const CONTENT = path.resolve('scenes/kidnap/content');
const SHARED = path.resolve('scenes/shared/story-station/content');

function readJson(file: string): never {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as never;
}

/** The station's words as the station gets them: the shared words under its own overrides. */
const ui: Record<Lang, UiText & { care: Care }> = {
  vi: deepMerge(
    readJson(path.join(SHARED, 'ui.vi.json')),
    readJson(path.join(CONTENT, 'ui.vi.json')),
  ) as never,
  en: deepMerge(
    readJson(path.join(SHARED, 'ui.en.json')),
    readJson(path.join(CONTENT, 'ui.en.json')),
  ) as never,
};
const shell: Record<Lang, ShellLocale> = {
  vi: readJson(path.resolve('renderer/i18n/locales/vi.json')),
  en: readJson(path.resolve('renderer/i18n/locales/en.json')),
};
const station: { name: Record<Lang, string> } = readJson(path.resolve('scenes/kidnap/station.json'));
const scenario = (id: string, lang: Lang): ScenarioJson =>
  readJson(path.join(CONTENT, 'scenarios', `${id}.${lang}.json`));

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byName = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The label of a choice. */
function labelOf(id: string, lang: Lang, nodeId: string, choiceId: string): string {
  const choice = scenario(id, lang)
    .nodes.find((node) => node.id === nodeId)
    ?.choices?.find((candidate) => candidate.id === choiceId);
  if (!choice) throw new Error(`${id}: no choice "${choiceId}" at "${nodeId}"`);
  return choice.label;
}

/** The steps of `choiceIds` from the start, and the ending reached (the path must end). */
function route(id: string, lang: Lang, choiceIds: string[]): { steps: Step[]; ending: NodeJson } {
  const data = scenario(id, lang);
  const nodes = new Map(data.nodes.map((node) => [node.id, node]));
  let node = nodes.get(data.start);
  const steps: Step[] = [];
  for (const choiceId of choiceIds) {
    const choice = node?.choices?.find((candidate) => candidate.id === choiceId);
    if (!node || !choice) throw new Error(`${id}: no choice "${choiceId}" at "${node?.id ?? '?'}"`);
    // Feedback follows a choice that is risky, spots a flag, comments, or passes a node with flags.
    const feedback =
      choice.risky === true ||
      (choice.spots?.length ?? 0) > 0 ||
      choice.feedback !== undefined ||
      (node.redFlags?.length ?? 0) > 0;
    steps.push({ label: choice.label, feedback, nodeId: node.id });
    node = nodes.get(choice.next);
  }
  if (!node?.ending) throw new Error(`${id}: ${choiceIds.join(' > ')} does not end`);
  return { steps, ending: node };
}

async function start(page: Page, url: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto(url);
  await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
}

async function openStation(page: Page, lang: Lang): Promise<void> {
  const prefix =
    shell[lang].hub.stationLabel.split('{{pitch}}')[0]?.replace('{{name}}', station.name[lang]) ?? '';
  // A click event: the card follows its beacon in the orbiting 3D world, so it is never "stable".
  await page.getByRole('button', { name: new RegExp(`^${escapeRe(prefix)}`) }).dispatchEvent('click');
}

async function switchLanguage(page: Page, to: Lang): Promise<void> {
  await byName(page, shell[other(to)].language.switchLabel).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Waits for the station's finite animations (a panel fading in) to end, for a fair picture. */
async function settled(page: Page): Promise<void> {
  await page.locator('.story').evaluate(async (root) => {
    const finite = root
      .getAnimations({ subtree: true })
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/**
 * Review screenshots: by default one, in the language being played. With KIDNAP_SCREENSHOTS=1
 * the same screen is also taken in the other language (two language switches each: slow on
 * software WebGL, so the everyday run stays short).
 */
const BOTH_LANGUAGES = process.env.KIDNAP_SCREENSHOTS === '1';

async function shot(page: Page, name: string, lang: Lang, orientation: string): Promise<void> {
  await settled(page);
  await screenshot(page, `kidnap-${name}-${lang}-${orientation}`);
  if (!BOTH_LANGUAGES) return;
  await switchLanguage(page, other(lang));
  await settled(page);
  await screenshot(page, `kidnap-${name}-${other(lang)}-${orientation}`);
  await switchLanguage(page, lang);
}

async function tapPhone(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('log', { name: ui[lang].phone.messagesLabel }).dispatchEvent('click');
}

/**
 * Plays `choiceIds` of a scenario by button names. `at` names a node where a screenshot is
 * taken (both languages) once its choices are up, and checks on it may run first.
 */
async function play(
  page: Page,
  lang: Lang,
  orientation: string,
  id: string,
  choiceIds: string[],
  at: Record<string, { shot: string; check?: () => Promise<void> }> = {},
  alreadyMade = 0,
): Promise<NodeJson> {
  const { steps, ending } = route(id, lang, choiceIds);
  for (const step of steps.slice(alreadyMade)) {
    await tapPhone(page, lang);
    await expect(byName(page, step.label)).toBeVisible();
    const here = at[step.nodeId];
    if (here) {
      await here.check?.();
      await shot(page, here.shot, lang, orientation);
    }
    await byName(page, step.label).click();
    if (step.feedback) await byName(page, ui[lang].play.continue).click();
  }
  // The ending's last messages: a tap shows them at once. On a slow machine the debrief may
  // already cover the phone (in portrait the log then leaves the accessibility tree).
  await page.locator('.story-phone__log').dispatchEvent('click');
  await expect(page.getByRole('heading', { name: ending.ending?.title ?? '' })).toBeVisible();
  return ending;
}

/** The care-mode debrief: staff and 113 first, no score, no crosses, no "scammed" badge. */
async function expectCareDebrief(page: Page, lang: Lang): Promise<void> {
  const first = page.locator('.story-debrief__main > :first-child');
  await expect(first).toContainText(ui[lang].care.debriefLead);
  // The hotlines sit in the strip that never scrolls away; in care mode 113 leads.
  await expect(page.locator('.story-help-strip .story-hotline__number')).toHaveText(['113', '111']);
  await expect(page.locator('.story-debrief__score')).toHaveCount(0);
  await expect(page.locator('.story-flag--missed')).toHaveCount(0);
  // No outcome badge at all (so never a "scammed" one).
  await expect(page.locator('.story-badge')).toHaveCount(0);
  for (const line of ui[lang].care.advice) await expect(page.getByText(line, { exact: true })).toBeVisible();
}

interface Tallies {
  scenes: Record<string, { enters: number; completions: number }>;
  scenarios: Record<
    string,
    Record<string, { plays: number; starts: number; outcomes: Record<string, number> }>
  >;
}
async function tallies(page: Page): Promise<Tallies> {
  return ((await bridge(page, 'tallies')) as { value: Tallies }).value;
}

async function openPastNote(page: Page, lang: Lang): Promise<void> {
  await openStation(page, lang);
  // The station's chunk and the phone load on demand: slow on a busy machine.
  await byName(page, ui[lang].care.noteStart).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: ui[lang].picker.title })).toBeVisible();
}

/** Skips the before check; the forewarning card (the three tactics) follows, once per session. */
async function skipCheck(page: Page, lang: Lang): Promise<void> {
  await byName(page, ui[lang].check.skip).click();
  await byName(page, ui[lang].forewarn.start).click();
}

async function pick(page: Page, lang: Lang, id: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${escapeRe(scenario(id, lang).title)}`) }).click();
}

test('landscape: the content note and its way back, Story A to its safe ending, Story B to its ending, events under "kidnap"', async ({
  page,
  host,
}) => {
  test.setTimeout(BOTH_LANGUAGES ? 600_000 : 240_000);
  const [lang, orientation] = ['vi', 'landscape'] as const;
  const text = ui[lang];
  await start(page, host.url, 1920, 1080);

  // The content note comes first, and its back button leaves for the hub.
  await openStation(page, lang);
  await expect(page.getByRole('heading', { name: text.care.noteTitle })).toBeVisible({ timeout: 30_000 });
  for (const line of text.care.note) await expect(page.getByText(line, { exact: true })).toBeVisible();
  await expectTouchTargets(page);
  await shot(page, 'note', lang, orientation);
  await byName(page, text.care.noteBack).click();
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  expect(await page.locator('.story').count()).toBe(0);

  // Again, on to Story A (the before check skipped), never obeying: the fake officer's video
  // call shows the warrant; the safe ending.
  await openPastNote(page, lang);
  await pick(page, lang, 'fake-police');
  await skipCheck(page, lang);
  const safe = await play(
    page,
    lang,
    orientation,
    'fake-police',
    ['hang-up', 'tell-family', 'block-go-ward'],
    {
      'video-push': {
        shot: 'video-warrant',
        check: async () => {
          await expect(page.locator('.story-video--fake-officer')).toBeVisible();
          await expect(page.locator('.story-docview [data-surface="document"]')).toBeVisible();
        },
      },
    },
  );
  expect(safe.ending?.kind).toBe('safe');
  await expectCareDebrief(page, lang);
  await expectTouchTargets(page);
  await shot(page, 'debrief-safe', lang, orientation);

  // Story B, the family: the sister's hijacked account and the family thread, to its ending.
  await byName(page, text.debrief.another).click();
  await pick(page, lang, 'sister-missing');
  const family = await play(
    page,
    lang,
    orientation,
    'sister-missing',
    ['tell-parents', 'call-113', 'comfort'],
    {
      'sister-asks': {
        shot: 'family-thread',
        check: async () => {
          await expect(page.locator('[data-surface="family-thread"]')).toBeVisible();
        },
      },
    },
  );
  expect(family.ending?.kind).toBe('safe');
  await expectCareDebrief(page, lang);
  await shot(page, 'debrief-family', lang, orientation);
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
  test.setTimeout(BOTH_LANGUAGES ? 600_000 : 240_000);
  const [lang, orientation] = ['en', 'portrait'] as const;
  const text = ui[lang];
  await start(page, host.url, 1080, 1920);
  await switchLanguage(page, 'en');
  await openStation(page, lang);
  await expect(page.getByRole('heading', { name: text.care.noteTitle })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'note', lang, orientation);
  await byName(page, text.care.noteStart).click();
  await pick(page, lang, 'fake-police');
  await skipCheck(page, lang);

  // A risky step is met calmly: no shake, no red.
  await tapPhone(page, lang);
  await byName(page, labelOf('fake-police', lang, 'parcel-call', 'listen')).click();
  await expect(page.locator('.story-feedback--calm')).toBeVisible();
  await expect(page.locator('.story-feedback--bad')).toHaveCount(0);
  await expect(page.locator('.story--shake')).toHaveCount(0);
  await byName(page, text.play.continue).click();
  const rescued = await play(
    page,
    lang,
    orientation,
    'fake-police',
    ['listen', 'cooperate', 'stay-room', 'go-reception'],
    {
      'video-warrant': { shot: 'video-warrant' },
      guesthouse: {
        shot: 'guesthouse',
        check: async () => {
          await expect(page.locator('.story-docview [data-surface="place"]')).toBeVisible();
          await expect(page.locator('[data-surface="family-thread"]')).toBeVisible();
        },
      },
      'cut-contact': {
        shot: 'banner',
        check: async () => {
          await expect(page.locator('.story-banner')).toBeVisible();
        },
      },
    },
    1,
  );
  expect(rescued.ending?.kind).toBe('rescued');
  await expect(page.getByText(/not be punished for having been tricked/).first()).toBeVisible();
  await expectCareDebrief(page, lang);
  await shot(page, 'debrief-rescued', lang, orientation);
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
