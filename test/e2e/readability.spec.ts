/**
 * Readability of the scam station as an exhibit (issue 14). The walk reaches every node of
 * every scenario, the feedback after each choice on the way and every ending's debrief, and
 * measures each screen: the picker, the check, each phone surface's first screen, the first
 * feedback and EVERY debrief in all four variants (vi/en × 1920×1080/1080×1920, switched in
 * place, one change at a time); every other screen in the variant the walk is in (it changes
 * orientation at each full audit). On each: no visible text below the type scale's floor (phone
 * messages 26 px, every other phone line 22 px, the rest 18 px), nothing ellipsised or clipped,
 * no phone header spilling out of its place, no button label over two lines; on each debrief
 * the 111 and 113 boxes fully on screen and uncovered, the actions in at most two rows, and a
 * visible "more below" whenever it scrolls. A fake clock, paused, keeps the screens still and
 * the software-rendered canvases idle. READABILITY_SHOTS=1 saves screenshots of those screens
 * to test-results/readability/ for review.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Scenario, ScenarioNode } from '../../scenes/shared/story/index.js';
import { expect, test } from './host-fixture.js';
import {
  byName,
  enterStation,
  otherLang,
  pathsToEveryEnding,
  pickScenario,
  scenarioOf,
  shell,
  startSession,
  storyStation,
  walk,
  SIZES,
  type Lang,
  type Orientation,
} from './visitor-steps.js';

const scam = storyStation('scam');
const SHOTS = path.resolve('test-results/readability');
/** Screenshots for review only on request (READABILITY_SHOTS=1): they are the slow part. */
const SCREENSHOTS = process.env.READABILITY_SHOTS === '1';
const ui = scam.ui;
const scenario = (id: string, lang: Lang): Scenario => scenarioOf(scam, id, lang);
/** The check's form size: half the items of the station's check file are one form. */
const CHECK_FORM_SIZE = scam.story.checks.vi.items.length / 2;
const progressText = (lang: Lang, n: number): string =>
  ui[lang].check.progress.replace('{{n}}', String(n)).replace('{{total}}', String(CHECK_FORM_SIZE));

/** The type scale's floors, in CSS px. */
const MIN = { message: 26, phone: 22, anywhere: 18 } as const;

interface AuditOptions {
  readonly debrief?: boolean;
}

/** Everything wrong with what is on screen now; empty when it reads well. Runs in the page. */
function inspect(args: { min: typeof MIN; debrief: boolean }): string[] {
  const problems: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const describe = (el: Element): string =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 40)}"`;
  const visible = (el: Element): boolean =>
    el.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true }) &&
    el.getBoundingClientRect().width > 0;

  // 1. Text sizes: every visible text run on screen.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const flagged = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || flagged.has(el) || !(node.textContent ?? '').trim()) continue;
    if (el.closest('.story-sr, script, style, [hidden]') || !visible(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.bottom <= 0 || box.top >= vh || box.right <= 0 || box.left >= vw) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const onPhone = el.closest('.story-phone') !== null;
    const message =
      el.closest('.story-msg--in, .story-page__text') !== null && !el.closest('.story-msg__caption');
    const min = message ? args.min.message : onPhone ? args.min.phone : args.min.anywhere;
    if (size + 0.01 < min) {
      flagged.add(el);
      problems.push(`text ${size.toFixed(1)}px < ${min}px: ${describe(el)}`);
    }
  }

  // 2. Nothing ellipsised or clipped (scroll boxes that scroll on purpose excepted).
  const scrollers = '.story-phone__log, .story__panel, .story-debrief__scroll, .story__stage';
  for (const el of document.querySelectorAll('.story *, .top-bar *')) {
    if (!visible(el) || el.matches(scrollers) || el.closest('.story-sr') || !el.textContent.trim()) continue;
    const style = getComputedStyle(el);
    const wide = el.scrollWidth > el.clientWidth + 1;
    if (style.textOverflow === 'ellipsis' && wide) problems.push(`ellipsised: ${describe(el)}`);
    else if (/hidden|clip|scroll|auto/.test(style.overflowX) && wide)
      problems.push(`clipped sideways: ${describe(el)}`);
    else if (/hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
      problems.push(`clipped: ${describe(el)}`);
  }
  // The phone's placed parts (header, lock, status) hold their words inside their place.
  for (const el of document.querySelectorAll('.story-phone > :not(.story-phone__log)')) {
    if (visible(el) && el.scrollHeight > el.clientHeight + 2)
      problems.push(
        `spills out of its place on the phone (${el.scrollHeight} > ${el.clientHeight}): ${describe(el)}`,
      );
  }
  // Marked (deceptive) parts and whole addresses lie inside the phone's screen.
  const phone = document.querySelector('.story-phone')?.getBoundingClientRect();
  for (const el of document.querySelectorAll('.story-mark, .story-browser__url')) {
    const box = el.getBoundingClientRect();
    if (!phone || !visible(el) || el.closest('.story-phone__log')) continue;
    if (
      box.left < phone.left - 1 ||
      box.right > phone.right + 1 ||
      box.top < phone.top - 1 ||
      box.bottom > phone.bottom + 1
    )
      problems.push(`outside the phone: ${describe(el)}`);
  }

  // 3. Action and choice labels: at most two lines (cards hold a title and a summary).
  for (const el of document.querySelectorAll('.story :is(.pill, .story-choice)')) {
    if (!visible(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set(
      [...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top / 4)),
    );
    if (tops.size > 2) problems.push(`button label on ${tops.size} lines: ${describe(el)}`);
  }

  // 4. The debrief: both hotlines fully on screen, uncovered; a sign when it scrolls.
  if (args.debrief) {
    for (const number of ['111', '113']) {
      const el = document.querySelector(`[data-testid="story-hotline-${number}"]`);
      if (!el || !visible(el)) {
        problems.push(`hotline ${number} not shown`);
        continue;
      }
      const box = el.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > vw || box.bottom > vh)
        problems.push(`hotline ${number} not fully inside the viewport: ${JSON.stringify(box)}`);
      const scroller = el.closest('.story-debrief__scroll, .story__panel');
      const clip = scroller?.getBoundingClientRect();
      if (clip && (box.top < clip.top - 1 || box.bottom > clip.bottom + 1))
        problems.push(`hotline ${number} scrolled out of its panel`);
      // Inside the rounded corners: the middle and both ends of the box's midline.
      const mid = (box.top + box.bottom) / 2;
      for (const [x, y] of [
        [box.left + box.width * 0.15, mid],
        [(box.left + box.right) / 2, mid],
        [box.right - box.width * 0.15, mid],
      ] as const) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !el.contains(hit))
          problems.push(`hotline ${number} covered at ${x},${y} by ${hit ? describe(hit) : 'nothing'}`);
      }
    }
    const scroll = document.querySelector('.story-debrief__scroll');
    const hint = document.querySelector('.story-scroll-hint');
    if (
      scroll &&
      scroll.scrollTop + scroll.clientHeight < scroll.scrollHeight - 4 &&
      !(hint && visible(hint))
    )
      problems.push('the debrief scrolls but shows no "more below"');
    if (scroll && hint && visible(hint)) {
      const sign = hint.getBoundingClientRect();
      const text = scroll.getBoundingClientRect();
      if (sign.top < text.bottom - 1 && sign.bottom > text.top + 1)
        problems.push('"more below" covers the debrief text');
    }
    const actions = document.querySelector('.story-actions--sticky');
    if (actions) {
      const rows = new Set(
        [...actions.children].map((child) => Math.round(child.getBoundingClientRect().top)),
      );
      if (rows.size > 2) problems.push(`debrief actions on ${rows.size} rows`);
    }
  }
  return problems;
}

/** Walks the variants in a snake (one change at a time) and collects every problem found. */
class Auditor {
  lang: Lang = 'vi';
  orientation: Orientation = 'landscape';
  readonly problems: string[] = [];
  audits = 0;

  constructor(private readonly page: Page) {}

  async setOrientation(orientation: Orientation): Promise<void> {
    const t0 = Date.now();
    this.orientation = orientation;
    await this.page.setViewportSize(SIZES[orientation]);
    await expect(this.page.locator('.story')).toHaveAttribute('data-orientation', orientation);
    if (process.env.READABILITY_TIMING) console.log(`resize ${Date.now() - t0}ms`);
  }

  async setLang(lang: Lang): Promise<void> {
    const t0 = Date.now();
    await this.page.getByRole('button', { name: shell[this.lang].language.switchLabel, exact: true }).click();
    this.lang = lang;
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
    if (process.env.READABILITY_TIMING) console.log(`lang ${Date.now() - t0}ms`);
  }

  private async measure(screen: string, options: AuditOptions, shot: boolean): Promise<void> {
    const found = await this.page.evaluate(inspect, { min: MIN, debrief: options.debrief === true });
    for (const problem of found)
      this.problems.push(`${screen} [${this.lang} ${this.orientation}]: ${problem}`);
    if (shot && SCREENSHOTS)
      await this.page.screenshot({
        path: path.join(SHOTS, `${screen}-${this.lang}-${this.orientation}.png`),
      });
  }

  /** Measures the screen now up in the current variant only (a cheap check). */
  async check(screen: string, options: AuditOptions = {}): Promise<void> {
    this.audits += 1;
    await this.measure(screen, options, false);
  }

  /** Measures the screen now up in all four variants, ending in the other orientation. */
  async audit(screen: string, options: AuditOptions = {}, shot = false): Promise<void> {
    this.audits += 1;
    await this.measure(screen, options, shot);
    await this.setLang(otherLang(this.lang));
    await this.measure(screen, options, shot);
    await this.setOrientation(this.orientation === 'landscape' ? 'portrait' : 'landscape');
    await this.measure(screen, options, shot);
    await this.setLang(otherLang(this.lang));
    await this.measure(screen, options, shot);
  }
}

/** Taps the phone (dispatched: in portrait a debrief may lie over it): pending messages show. */
async function tapPhone(page: Page): Promise<void> {
  await page.locator('.story-phone__log').dispatchEvent('click');
}

/**
 * Lets the fake clock run at real speed until `done` holds, then pauses it again. Not
 * `runFor`: a jump would also expire the timeouts of requests still on their way to the host.
 */
async function whileTimeRuns(page: Page, done: () => Promise<void>): Promise<void> {
  await page.clock.resume();
  await done();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1500);
}

/**
 * The phone behaves like the surface it shows: a call rings (or dials) until its first words,
 * then runs a timer on the fake clock; a browser shows the whole address with its deceptive
 * part marked; an SMS thread never says "Online". Then a tap shows the node's messages.
 */
async function expectSurface(page: Page, lang: Lang, node: ScenarioNode, surface: string): Promise<void> {
  const phone = page.locator('.story-phone');
  await expect(phone).toHaveAttribute('data-surface', surface);
  const state = page.getByTestId('call-state');
  const fresh = (await page.locator('.story-phone__log .story-msg--in').count()) === 0;
  if ((surface === 'call' || surface === 'call-out') && fresh) {
    await expect(state).toHaveText(surface === 'call' ? ui[lang].phone.incomingCall : ui[lang].phone.calling);
  }
  await tapPhone(page);
  if (surface === 'call' || surface === 'call-out') {
    await expect(state).toHaveText(/^\d+:\d\d$/);
    const before = await state.innerText();
    await whileTimeRuns(page, () => expect(state).not.toHaveText(before));
  }
  if (surface === 'browser') {
    // The whole domain, with the part the lesson is about marked.
    await expect(page.locator('.story-browser__url')).toHaveText(node.speaker?.name ?? '?');
    await expect(page.locator('.story-browser__url .story-mark')).toHaveText(node.speaker?.mark ?? '?');
  }
  if (surface === 'sms')
    await expect(page.locator('.story-phone__header')).not.toContainText(ui[lang].phone.online);
  // The visitor's earlier choices are actions, never bubbles sent to the other side.
  await expect(page.locator('.story-phone__log .story-msg--choice')).toHaveCount(0);
}

test('every screen of the scam station reads from a metre away, in both languages and orientations', async ({
  page,
  host,
}) => {
  test.setTimeout(420_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const audit = new Auditor(page);
  // A fake clock, paused once the station is open: no frame is drawn and no message timer
  // fires unless the test says so, so the screens hold still while they are measured and the
  // software-rendered world does not eat the machine (taps on the phone show messages at once).
  await page.clock.install();
  await startSession(page, host.url, SIZES.landscape);
  await enterStation(page, scam, 'vi');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  // Entrance animations (bubbles pop in from transparent) would hide text from the measure.
  await page.addStyleTag({
    content: '*, *::before, *::after { animation: none !important; transition: none !important; }',
  });
  await audit.audit('picker', {}, true);

  const ids = scam.story.scenarios
    .map((pair) => pair.id)
    .sort((a, b) => scenario(a, 'en').order - scenario(b, 'en').order);
  const seen = new Set<string>();
  const shotsTaken = new Set<string>();
  let first = true;
  for (const id of ids) {
    for (const found of pathsToEveryEnding(scenario(id, 'en'))) {
      await pickScenario(page, scenario(id, audit.lang));
      if (first) {
        // The before-check, once per visitor: its intro, a question, an answer, the result.
        first = false;
        await expect(byName(page, ui[audit.lang].check.start)).toBeVisible();
        await audit.check('check-intro');
        await byName(page, ui[audit.lang].check.start).click();
        // The before round: one tap per item, no feedback; then no score, only "play".
        for (let i = 0; i < CHECK_FORM_SIZE; i++) {
          await expect(page.getByText(progressText(audit.lang, i + 1))).toBeVisible();
          await byName(page, ui[audit.lang].check.scam).click();
          if (i === 0) await audit.audit('check-answer', {}, true);
        }
        await expect(byName(page, ui[audit.lang].check.play)).toBeVisible();
        await audit.audit('check-result');
        await byName(page, ui[audit.lang].check.play).click();
        // The forewarning card, once per visitor session.
        await expect(byName(page, ui[audit.lang].forewarn.start)).toBeVisible();
        await audit.audit('forewarn');
        await byName(page, ui[audit.lang].forewarn.start).click();
      }
      if (scenario(id, audit.lang).contentNote !== undefined) {
        await expect(byName(page, ui[audit.lang].note.start)).toBeVisible();
        await audit.audit(`${id}-note`);
        await byName(page, ui[audit.lang].note.start).click();
      }
      const choiceIds = found.steps.map((step) => step.choiceId);
      for (const [i, { nodeId, choiceId }] of found.steps.entries()) {
        // The words in the language the walk is in now (it switches at every full audit).
        const scenarioNow = scenario(id, audit.lang);
        const step = walk(scenarioNow, choiceIds).steps[i];
        const node = scenarioNow.nodes.find((candidate) => candidate.id === nodeId);
        if (!node || node.kind !== 'decision' || !step)
          throw new Error(`${id}: no choice ${choiceId} at ${nodeId}`);
        const surface = node.speaker.surface ?? node.speaker.channel;
        await expectSurface(page, audit.lang, node, surface);
        await expect(byName(page, step.label)).toBeVisible();
        if (!seen.has(`${id}/${nodeId}`)) {
          seen.add(`${id}/${nodeId}`);
          // Each surface's first screen in all four variants (with screenshots); the others in
          // the variant the walk is in (it changes orientation at every full audit).
          if (shotsTaken.has(surface)) await audit.check(`${id}-${nodeId}`);
          else {
            shotsTaken.add(surface);
            await audit.audit(`${id}-${nodeId}`, {}, true);
          }
        }
        await byName(page, step.label).click();
        if (step.feedback) {
          const proceed = byName(page, ui[audit.lang].play.continue);
          await expect(proceed).toBeVisible();
          if (!seen.has(`${id}/${nodeId}/${choiceId}`)) {
            seen.add(`${id}/${nodeId}/${choiceId}`);
            if (shotsTaken.has('feedback')) await audit.check(`${id}-${nodeId}-${choiceId}`);
            else {
              shotsTaken.add('feedback');
              await audit.audit(`${id}-${nodeId}-${choiceId}`, {}, true);
            }
          }
          await byName(page, ui[audit.lang].play.continue).click();
        }
      }
      const nodeId = found.endingId;
      await tapPhone(page);
      // The ending's last words stay a moment before the debrief comes up.
      const ending = scenario(id, audit.lang).nodes.find((candidate) => candidate.id === nodeId);
      await whileTimeRuns(page, () =>
        expect(
          page.getByRole('heading', { name: ending?.kind === 'ending' ? ending.ending.title : '?' }),
        ).toBeVisible(),
      );
      const harmed = nodeId.includes('harmed');
      const shot = harmed && !shotsTaken.has('debrief');
      if (shot) shotsTaken.add('debrief');
      await audit.audit(`${id}-${nodeId}`, { debrief: true }, shot);
      await byName(page, ui[audit.lang].debrief.another).click();
    }
  }
  // Every ending of every scenario was reached and measured.
  const endings = ids.flatMap((id) => scenario(id, 'en').nodes.filter((node) => node.kind === 'ending'));
  expect(audit.audits).toBeGreaterThanOrEqual(endings.length + 4);
  expect(audit.problems).toEqual([]);
});
