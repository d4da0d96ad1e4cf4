/**
 * The scam station end to end, in the real browser host: open it from the hub by its name,
 * play a full path of every scenario by accessible button names (labels read from the content
 * JSON, so the test follows the data), tap the phone to skip typing, reach the debrief with
 * 111/113, do the before and after check, switch language mid-scenario, retry from the first
 * mistake, return to the hub, and check the tallies. Also: going idle mid-scenario ends the
 * session and unmounts the station. Screenshots for review go to test-results/screenshots/.
 */
import type { Page } from '@playwright/test';
import { OUTCOMES } from '../../electron/bridge/contract.js';
import type {
  CheckCounts,
  ScenarioTally as ScenarioTallyOfContract,
} from '../../electron/bridge/tallies-contract.js';
import {
  choose as chooseInEngine,
  createRun,
  currentNode,
  resultEvent,
  retryFromFirstMistake,
  type Run,
} from '../../scenes/shared/story/index.js';
import { IDLE_COUNTDOWN_MS } from '../../renderer/idle/idle-monitor.js';
import { fill } from '../../scenes/shared/story-station/ui-text.js';
import {
  diagnostics,
  expect,
  expectTouchTargets,
  screenshot,
  sessionsEndedBy,
  startHost,
  test,
} from './host-fixture.js';
import {
  byName,
  enterStation,
  makeChoice,
  pickScenario as pickCard,
  route as routeIn,
  scenarioOf,
  shell,
  startSession,
  storyStation,
  switchLanguage,
  tallies as readTallies,
  tapPhone,
  walk as walkIn,
  ATTRACT_START,
  SIZES,
  type Lang,
  type Step,
} from './visitor-steps.js';

const scam = storyStation('scam');
const ui = scam.ui;
const checks = { vi: scam.story.checks.vi.items, en: scam.story.checks.en.items };
const scenario = (id: string, lang: Lang) => scenarioOf(scam, id, lang);

/** The steps of `choiceIds` in `lang`, followed from the start. */
const walk = (id: string, lang: Lang, choiceIds: string[]) => walkIn(scenario(id, lang), choiceIds);

/** The steps of a complete path (checked to reach an ending) and the ending's title. */
function route(id: string, lang: Lang, choiceIds: string[]): { steps: Step[]; ending: string } {
  const { steps, ending } = routeIn(scenario(id, lang), choiceIds);
  return { steps, ending: ending.title };
}

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `scam-${name}`);
}

/** Opens the station from the hub by its accessible name in `lang`, up to its picker. */
async function openStation(page: Page, lang: Lang): Promise<void> {
  await enterStation(page, scam, lang);
}

/** Back at the hub, with the station unmounted. */
async function expectHub(page: Page): Promise<void> {
  await expect.poll(async () => (await diagnostics(page)).state).toBe('hub');
  expect((await diagnostics(page)).station).toBeNull();
  expect(await page.locator('.story').count()).toBe(0);
}

/**
 * Picks a scenario card by its title. The before-check is offered on the first pick of each
 * visitor session: `skipCheck` skips it with one tap.
 */
async function pickScenario(page: Page, id: string, lang: Lang, skipCheck = false): Promise<void> {
  await pickCard(page, scenario(id, lang));
  if (skipCheck) {
    await byName(page, ui[lang].check.skip).click();
    await passForewarning(page, lang);
  }
}

/** The forewarning card (the three tactics), shown once per visitor session before the first story. */
async function passForewarning(page: Page, lang: Lang, shotName?: string): Promise<void> {
  await expect(page.getByTestId('forewarn')).toBeVisible();
  await expect(page.locator('.story-tactic')).toHaveCount(3);
  if (shotName) await shot(page, shotName);
  await byName(page, ui[lang].forewarn.start).click();
}

/** Chooses by the button's name, then moves past the feedback when there is one. */
async function choose(page: Page, lang: Lang, step: Step, screenshot?: string): Promise<void> {
  if (!screenshot || !step.feedback) {
    await makeChoice(page, ui[lang], step);
    return;
  }
  await byName(page, step.label).click();
  const proceed = byName(page, ui[lang].play.continue);
  await expect(proceed).toBeVisible();
  await shot(page, screenshot);
  await proceed.click();
}

/** Plays the steps in order and checks the debrief: the ending's title and both hotlines. */
async function playPath(
  page: Page,
  lang: Lang,
  steps: Step[],
  ending: string,
  shots: Partial<Record<number, { node?: string; feedback?: string }>> = {},
): Promise<void> {
  for (const [i, step] of steps.entries()) {
    await tapPhone(page, ui[lang]);
    const names = shots[i];
    if (names?.node) {
      await expect(byName(page, step.label)).toBeVisible();
      await shot(page, names.node);
    }
    await choose(page, lang, step, names?.feedback);
  }
  await tapPhone(page, ui[lang]);
  await expect(page.getByRole('heading', { name: ending })).toBeVisible();
  await expect(page.getByTestId('story-hotline-111')).toContainText('111');
  await expect(page.getByTestId('story-hotline-113')).toContainText('113');
}

/** Items per form (the content's forms are of equal size). */
const FORM_SIZE = checks.vi.length / 2;
/** Long enough that real time passing on a slow machine never reaches it; the clock does. */
const IDLE_SECONDS = 60;

/**
 * Answers a whole round: `strategy` 'right' answers from the data, 'scam' always says scam.
 * No right/wrong is shown during a round: the next item comes at once. The before round ends
 * without a score; the after round shows its score, checked against the data. Returns it.
 */
async function doCheck(
  page: Page,
  lang: Lang,
  phase: 'before' | 'after',
  strategy: 'right' | 'scam',
  shotName?: string,
): Promise<number> {
  const text = ui[lang].check;
  let correct = 0;
  for (let i = 0; i < FORM_SIZE; i++) {
    await expect(page.getByText(fill(text.progress, { n: i + 1, total: FORM_SIZE }))).toBeVisible();
    const shown = await page.getByRole('log', { name: ui[lang].phone.messagesLabel }).innerText();
    const item = checks[lang].find((candidate) => shown.includes(candidate.text));
    if (!item) throw new Error(`check item not found in the forms: ${shown}`);
    const answer = strategy === 'right' ? item.answer : 'scam';
    if (answer === item.answer) correct += 1;
    if (i === 0 && shotName) await shot(page, shotName);
    await byName(page, answer === 'scam' ? text.scam : text.safe).click();
    // Nothing says right or wrong before the round ends.
    await expect(page.getByText(text.correct, { exact: true })).toHaveCount(0);
  }
  if (phase === 'before') {
    await expect(page.getByRole('heading', { name: text.beforeDoneTitle })).toBeVisible();
    await expect(page.getByText(fill(text.resultTitle, { correct, total: FORM_SIZE }))).toHaveCount(0);
  } else {
    await expect(
      page.getByRole('heading', { name: fill(text.resultTitle, { correct, total: FORM_SIZE }) }),
    ).toBeVisible();
  }
  return correct;
}

/** A scenario's tally without what a play cannot predict (its time, the stories started). */
type ScenarioTally = Omit<ScenarioTallyOfContract, 'durationMs' | 'starts' | 'abandoned' | 'timeouts'>;

/** Makes the choices in the engine, counting each under "<nodeId>/<choiceId>" as the tallies do. */
function chooseAll(run: Run, choiceIds: string[], tally: ScenarioTally): Run {
  let next = run;
  for (const choiceId of choiceIds) {
    const key = `${currentNode(next).id}/${choiceId}`;
    tally.choices[key] = (tally.choices[key] ?? 0) + 1;
    next = chooseInEngine(next, choiceId);
  }
  return next;
}

/**
 * What the tallies should say of `id` after playing `paths` in one visit, each after a retry
 * from the first mistake of the one before, then (if given) the `unfinished` choices of a
 * play left before its ending; worked out by the pure engine from the content.
 */
function expectedScenario(id: string, paths: string[][], unfinished: string[] = []): ScenarioTally {
  let run = createRun(scenario(id, 'en'));
  const tally: ScenarioTally = {
    plays: 0,
    outcomes: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])),
    redFlagsSpotted: 0,
    redFlagsMissed: 0,
    choices: {},
  };
  for (const [i, choiceIds] of paths.entries()) {
    if (i > 0) run = retryFromFirstMistake(run);
    run = chooseAll(run, choiceIds.slice(run.steps.length), tally);
    const result = resultEvent(run);
    tally.plays += 1;
    tally.outcomes[result.outcome] = (tally.outcomes[result.outcome] ?? 0) + 1;
    tally.redFlagsSpotted += result.redFlagsSpotted?.length ?? 0;
    tally.redFlagsMissed += result.redFlagsMissed?.length ?? 0;
  }
  // A play left mid-way records its choices but no result.
  chooseAll(createRun(run.scenario), unfinished, tally);
  return tally;
}

const checkTally = (correct: number): CheckCounts => ({ answered: 1, correct, total: FORM_SIZE });

/**
 * The scenarios and checks in the tallies. Play time cannot be predicted: it is checked to be
 * there (over a second per play) and left out of what is compared.
 */
async function talliesOf(page: Page): Promise<{
  scenarios: Record<string, ScenarioTally>;
  checks: Record<string, Record<string, CheckCounts>>;
}> {
  const tallies = await readTallies(page);
  // Everything of this station is keyed under its id; nothing under any other.
  expect(Object.keys(tallies.scenarios)).toEqual(['scam']);
  const scenarios: Record<string, ScenarioTally> = {};
  for (const [id, { durationMs, starts, abandoned, timeouts, ...rest }] of Object.entries(
    tallies.scenarios.scam ?? {},
  )) {
    expect(durationMs, `${id}: play time`).toBeGreaterThan(rest.plays * 1000);
    expect(starts, `${id}: stories started`).toBeGreaterThanOrEqual(1);
    expect(abandoned, `${id}: abandoned`).toBeLessThanOrEqual(starts);
    expect(timeouts).toBeDefined();
    scenarios[id] = rest;
  }
  return { scenarios, checks: tallies.checks.scam ?? {} };
}

async function scamTallies(page: Page) {
  return (await readTallies(page)).scenes.scam;
}

test('every scenario plays to its debrief by button names; checks, retry, language and tallies', async ({
  page,
  host,
}) => {
  test.setTimeout(600_000);
  await startSession(page, host.url, SIZES.landscape);
  await openStation(page, 'vi');
  await expectTouchTargets(page);
  await shot(page, 'picker-vi-landscape');

  // otp-bank, in Vietnamese: the before check, a risky first choice, then retry from it.
  await pickScenario(page, 'otp-bank', 'vi');
  await byName(page, ui.vi.check.start).click();
  const before = await doCheck(page, 'vi', 'before', 'scam', 'check-vi-landscape');
  await byName(page, ui.vi.check.play).click();
  await expect(page.getByTestId('forewarn')).toBeVisible();
  await switchLanguage(page, 'en');
  await shot(page, 'forewarn-en-landscape');
  await switchLanguage(page, 'vi');
  await passForewarning(page, 'vi', 'forewarn-vi-landscape');
  const otpPaths = [
    ['open-link', 'close-page', 'hang-up', 'hang-up-tell-again'],
    ['check-app', 'hesitate', 'call-official'],
  ];
  const risky = route('otp-bank', 'vi', otpPaths[0] ?? []);
  await playPath(page, 'vi', risky.steps, risky.ending, {
    0: { node: 'chat-vi-landscape', feedback: 'feedback-vi-landscape' },
    2: { node: 'call-vi-landscape' },
  });
  await expectTouchTargets(page);
  await shot(page, 'debrief-vi-landscape');
  // The first screen is short; every flag and why is behind "more".
  await expect(page.getByTestId('debrief-more')).toBeHidden();
  await byName(page, ui.vi.debrief.more).click();
  await expect(page.getByTestId('debrief-more')).toBeVisible();
  await shot(page, 'debrief-more-vi-landscape');
  await byName(page, ui.vi.debrief.retry).click();
  const safe = route('otp-bank', 'vi', otpPaths[1] ?? []);
  await playPath(page, 'vi', safe.steps, safe.ending, { 2: { node: 'countdown-vi-landscape' } });

  // The after check (the other form) compares with the before score.
  await byName(page, ui.vi.debrief.checkAgain).click();
  const after = await doCheck(page, 'vi', 'after', 'right', 'check-after-vi-landscape');
  await expect(page.getByText(fill(ui.vi.check.compare, { before, after, total: FORM_SIZE }))).toBeVisible();
  await shot(page, 'check-review-vi-landscape');
  await byName(page, ui.vi.check.tryAnother).click();

  // task-scam: start in Vietnamese, switch to English mid-scenario, play to the harmed ending.
  await pickScenario(page, 'task-scam', 'vi');
  const taskVi = walk('task-scam', 'vi', ['try-it']).steps[0];
  await tapPhone(page, ui.vi);
  await expect(byName(page, taskVi?.label ?? '')).toBeVisible();
  await switchLanguage(page, 'en');
  const taskPath = ['try-it', 'deposit', 'borrow-deposit', 'pay-fee'];
  const task = route('task-scam', 'en', taskPath);
  await expect(byName(page, task.steps[0]?.label ?? '')).toBeVisible();
  await playPath(page, 'en', task.steps, task.ending, {
    0: { node: 'chat-en-landscape' },
    1: { feedback: 'feedback-en-landscape' },
  });
  await shot(page, 'debrief-en-landscape');

  // Leave with the shell's back button: the hub, detached meanwhile, now speaks English too.
  await byName(page, shell.en.station.backLabel).click();
  await expectHub(page);
  await openStation(page, 'en');
  await shot(page, 'picker-en-landscape');

  // hacked-friend: the deepfake video call, then a real call. Re-entering the station in the
  // same visitor session does not offer the before check again.
  await pickScenario(page, 'hacked-friend', 'en');
  await expect(byName(page, ui.en.check.start)).toHaveCount(0);
  const friendPath = ['secret-question', 'take-video', 'call-back', 'warn-friends'];
  const friend = route('hacked-friend', 'en', friendPath);
  await playPath(page, 'en', friend.steps, friend.ending, {
    2: { node: 'video-en-landscape' },
    3: { node: 'call-en-landscape' },
  });
  // Both rounds were taken in this visitor session: the debrief offers no third round.
  await expect(byName(page, ui.en.debrief.checkAgain)).toHaveCount(0);
  await byName(page, ui.en.debrief.another).click();

  // grooming, then "done": back to the hub through context.exit('completed').
  // grooming: a content note first, with a way back; no badge, no score, signs to remember.
  await pickScenario(page, 'grooming', 'en');
  await expect(page.getByTestId('content-note')).toBeVisible();
  await shot(page, 'content-note-en-landscape');
  await switchLanguage(page, 'vi');
  await expect(page.getByRole('button', { name: ui.vi.note.back })).toBeVisible();
  await shot(page, 'content-note-vi-landscape');
  await switchLanguage(page, 'en');
  await byName(page, ui.en.note.back).click();
  await pickScenario(page, 'grooming', 'en');
  await byName(page, ui.en.note.start).click();
  const groomingPath = ['accept', 'move-app', 'no-photo', 'tell-adult-meet'];
  const grooming = route('grooming', 'en', groomingPath);
  await playPath(page, 'en', grooming.steps, grooming.ending);
  await expect(page.locator('.story-badge')).toHaveCount(0);
  await expect(page.getByText(ui.en.debrief.sensitiveLead)).toBeVisible();
  await shot(page, 'debrief-grooming-en-landscape');
  await byName(page, ui.en.debrief.done).click();
  await expectHub(page);

  // Two visits (left by the back button, then by "done"); five endings (otp-bank twice, with the retry).
  await expect
    .poll(() => scamTallies(page))
    .toEqual({ enters: 2, completions: 5, leaves: { completed: 1, exited: 1, idle: 0 }, pledges: {} });
  // Per scenario: outcomes and red flags as the engine works them out from the same choices,
  // and the before/after checks under the scenario they were taken for.
  const tallies = await talliesOf(page);
  expect(tallies.scenarios).toEqual({
    'otp-bank': expectedScenario('otp-bank', otpPaths),
    'task-scam': expectedScenario('task-scam', [taskPath]),
    'hacked-friend': expectedScenario('hacked-friend', [friendPath]),
    grooming: expectedScenario('grooming', [groomingPath]),
  });
  expect(tallies.checks).toEqual({
    'otp-bank': { before: checkTally(before), after: checkTally(after) },
  });
});

test('portrait, both languages: picker, check, chat, call, feedback and debrief', async ({ page, host }) => {
  test.setTimeout(480_000);
  await startSession(page, host.url, SIZES.portrait);
  await openStation(page, 'vi');
  await expectTouchTargets(page);
  await shot(page, 'picker-vi-portrait');
  await pickScenario(page, 'otp-bank', 'vi');
  await byName(page, ui.vi.check.start).click();
  const before = await doCheck(page, 'vi', 'before', 'right', 'check-vi-portrait');
  await byName(page, ui.vi.check.play).click();
  await expect(page.getByTestId('forewarn')).toBeVisible();
  await switchLanguage(page, 'en');
  await shot(page, 'forewarn-en-portrait');
  await switchLanguage(page, 'vi');
  await passForewarning(page, 'vi', 'forewarn-vi-portrait');
  const vi = route('otp-bank', 'vi', ['check-app', 'hesitate', 'call-official']);
  await playPath(page, 'vi', vi.steps, vi.ending, {
    0: { node: 'chat-vi-portrait', feedback: 'feedback-vi-portrait' },
    1: { node: 'call-vi-portrait' },
  });
  await expectTouchTargets(page);
  await shot(page, 'debrief-vi-portrait');

  // The debrief re-renders in English in place.
  await switchLanguage(page, 'en');
  await expect(
    page.getByRole('heading', {
      name: route('otp-bank', 'en', ['check-app', 'hesitate', 'call-official']).ending,
    }),
  ).toBeVisible();
  await shot(page, 'debrief-en-portrait');
  await byName(page, ui.en.debrief.more).click();
  await expect(page.getByTestId('debrief-more')).toBeVisible();
  await shot(page, 'debrief-more-en-portrait');
  await byName(page, ui.en.debrief.checkAgain).click();
  const after = await doCheck(page, 'en', 'after', 'scam', 'check-en-portrait');
  await shot(page, 'check-review-en-portrait');
  await byName(page, ui.en.check.tryAnother).click();
  await shot(page, 'picker-en-portrait');
  await pickScenario(page, 'grooming', 'en');
  await expect(page.getByTestId('content-note')).toBeVisible();
  await shot(page, 'content-note-en-portrait');
  await switchLanguage(page, 'vi');
  await expect(page.getByRole('button', { name: ui.vi.note.back })).toBeVisible();
  await shot(page, 'content-note-vi-portrait');
  await switchLanguage(page, 'en');
  await byName(page, ui.en.note.back).click();
  // In English: the SMS, its feedback, then the call; and leave mid-call with the back button.
  await pickScenario(page, 'otp-bank', 'en');
  const [sms, site, call] = walk('otp-bank', 'en', ['open-link', 'close-page', 'hang-up']).steps;
  if (!sms || !site || !call) throw new Error('otp-bank: path too short');
  await tapPhone(page, ui.en);
  await expect(byName(page, sms.label)).toBeVisible();
  await shot(page, 'chat-en-portrait');
  await choose(page, 'en', sms, 'feedback-en-portrait');
  await tapPhone(page, ui.en);
  await choose(page, 'en', site);
  await tapPhone(page, ui.en);
  await expect(byName(page, call.label)).toBeVisible();
  await shot(page, 'call-en-portrait');
  await byName(page, shell.en.station.backLabel).click();
  await expectHub(page);
  await expect
    .poll(() => scamTallies(page))
    .toEqual({ enters: 1, completions: 1, leaves: { completed: 0, exited: 1, idle: 0 }, pledges: {} });
  // Leaving mid-call records no result: one play, the choices of both, the checks of the first.
  const tallies = await talliesOf(page);
  expect(tallies.scenarios).toEqual({
    'otp-bank': expectedScenario(
      'otp-bank',
      [['check-app', 'hesitate', 'call-official']],
      ['open-link', 'close-page'],
    ),
  });
  expect(tallies.checks).toEqual({ 'otp-bank': { before: checkTally(before), after: checkTally(after) } });
});

test('going idle mid-scenario ends the session and unmounts the station', async ({ page, dataDir }) => {
  test.setTimeout(150_000);
  // Time is Playwright's clock: the idle minute is fast-forwarded, so opening the station on a
  // slow, software-WebGL machine can neither race the warning nor make the test wait for it.
  const host = await startHost(dataDir, { KIOSK_IDLE_SECONDS: String(IDLE_SECONDS) });
  try {
    const warning = page.getByRole('alertdialog', { name: shell.vi.idle.title });
    await page.clock.install();
    await startSession(page, host.url, SIZES.landscape);
    await openStation(page, 'vi');
    await pickScenario(page, 'hacked-friend', 'vi', true);
    await expect(page.getByRole('log', { name: ui.vi.phone.messagesLabel })).toBeVisible();
    expect((await diagnostics(page)).station).toBe('scam');

    // Mid-scenario, nobody touches the screen. From here page time moves only when the test
    // moves it: no warning before the idle time, then the warning over the station.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    await page.clock.fastForward(IDLE_SECONDS * 1000 - 10_000);
    await expect(warning).toBeHidden();
    await page.clock.fastForward(10_500);
    await expect(warning).toBeVisible();
    expect((await diagnostics(page)).station).toBe('scam');
    // The warning's countdown runs out: back to a fresh attract loop.
    await page.clock.fastForward(IDLE_COUNTDOWN_MS + 500);
    await expect(page.getByRole('button', { name: ATTRACT_START })).toBeVisible();
    await expect(warning).toBeHidden();
    const after = await diagnostics(page);
    expect(after.state).toBe('attract');
    expect(after.station).toBeNull();
    expect(await page.locator('.story').count()).toBe(0);
    await expect.poll(() => sessionsEndedBy(page, 'idle')).toBe(1);
    await expect
      .poll(() => scamTallies(page))
      .toEqual({ enters: 1, completions: 0, leaves: { completed: 0, exited: 0, idle: 1 }, pledges: {} });
  } finally {
    await host.stop();
  }
});
