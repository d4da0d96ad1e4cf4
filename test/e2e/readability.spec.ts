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
import type { UiText } from '../../scenes/shared/story-station/ui-text.js';
import { expect, test } from './host-fixture.js';

type Lang = 'vi' | 'en';
type Orientation = 'landscape' | 'portrait';

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
  speaker?: { name: string; channel: string; surface?: string; mark?: string };
  choices?: ChoiceJson[];
  redFlags?: unknown[];
  ending?: { title: string };
}
interface ScenarioJson {
  id: string;
  order: number;
  title: string;
  start: string;
  contentNote?: unknown;
  nodes: NodeJson[];
}

const CONTENT = path.resolve('scenes/scam/content');
const SHARED = path.resolve('scenes/shared/story-station/content');
const SHOTS = path.resolve('test-results/readability');
/** Screenshots for review only on request (READABILITY_SHOTS=1): they are the slow part. */
const SCREENSHOTS = process.env.READABILITY_SHOTS === '1';
const readJson = (file: string): never => JSON.parse(fs.readFileSync(file, 'utf8')) as never;
const scenario = (id: string, lang: Lang): ScenarioJson =>
  readJson(path.join(CONTENT, 'scenarios', `${id}.${lang}.json`));
const ui: Record<Lang, UiText> = {
  vi: readJson(path.join(SHARED, 'ui.vi.json')),
  en: readJson(path.join(SHARED, 'ui.en.json')),
};
const shell: Record<Lang, { language: { switchLabel: string }; hub: { stationLabel: string } }> = {
  vi: readJson(path.resolve('renderer/i18n/locales/vi.json')),
  en: readJson(path.resolve('renderer/i18n/locales/en.json')),
};
const station: { name: Record<Lang, string> } = readJson(path.resolve('scenes/scam/station.json'));
/** The check's form size: half the items of the station's check file are one form. */
const CHECK_FORM_SIZE =
  (readJson(path.join(CONTENT, 'checks.vi.json')) as { items: unknown[] }).items.length / 2;
const progressText = (lang: Lang, n: number): string =>
  ui[lang].check.progress.replace('{{n}}', String(n)).replace('{{total}}', String(CHECK_FORM_SIZE));
const SIZES: Record<Orientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

/** The type scale's floors, in CSS px. */
const MIN = { message: 26, phone: 22, anywhere: 18 } as const;

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * For each ending, the shortest list of choice ids that reaches it from the start: together
 * they pass every node an ending can be reached through.
 */
function pathsToEndings(data: ScenarioJson): string[][] {
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const route = new Map<string, string[]>([[data.start, []]]);
  const queue = [data.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const choice of byId.get(id)?.choices ?? []) {
      if (route.has(choice.next)) continue;
      route.set(choice.next, [...(route.get(id) ?? []), choice.id]);
      queue.push(choice.next);
    }
  }
  return data.nodes.filter((node) => node.ending).map((node) => route.get(node.id) ?? []);
}

/** Whether the station shows feedback after this choice (play-flow's `worthShowing`). */
function hasFeedback(node: NodeJson, choice: ChoiceJson): boolean {
  return (
    choice.risky === true ||
    (choice.spots?.length ?? 0) > 0 ||
    choice.feedback !== undefined ||
    (node.redFlags?.length ?? 0) > 0
  );
}

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
    const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
    await this.measure(screen, options, shot);
    await this.setLang(otherLang(this.lang));
    await this.measure(screen, options, shot);
    await this.setOrientation(this.orientation === 'landscape' ? 'portrait' : 'landscape');
    await this.measure(screen, options, shot);
    await this.setLang(otherLang(this.lang));
    await this.measure(screen, options, shot);
  }
}

const byName = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

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
async function expectSurface(page: Page, lang: Lang, node: NodeJson, surface: string): Promise<void> {
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
  await page.setViewportSize(SIZES.landscape);
  // A fake clock, paused once the station is open: no frame is drawn and no message timer
  // fires unless the test says so, so the screens hold still while they are measured and the
  // software-rendered world does not eat the machine (taps on the phone show messages at once).
  await page.clock.install();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Chạm để bắt đầu – Touch to start' }).click();
  const hubPrefix =
    shell.vi.hub.stationLabel.split('{{pitch}}')[0]?.replace('{{name}}', station.name.vi) ?? '';
  await page.getByRole('button', { name: new RegExp(`^${escapeRe(hubPrefix)}`) }).dispatchEvent('click');
  // The station's chunk loads and parses first (slow on a busy machine).
  await expect(page.getByRole('heading', { name: ui.vi.picker.title })).toBeVisible({ timeout: 60_000 });
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  // Entrance animations (bubbles pop in from transparent) would hide text from the measure.
  await page.addStyleTag({
    content: '*, *::before, *::after { animation: none !important; transition: none !important; }',
  });
  await audit.audit('picker', {}, true);

  const ids = fs
    .readdirSync(path.join(CONTENT, 'scenarios'))
    .filter((file) => file.endsWith('.en.json'))
    .map((file) => file.replace('.en.json', ''))
    .sort((a, b) => scenario(a, 'en').order - scenario(b, 'en').order);
  const seen = new Set<string>();
  const shotsTaken = new Set<string>();
  let first = true;
  for (const id of ids) {
    for (const choiceIds of pathsToEndings(scenario(id, 'en'))) {
      await page
        .getByRole('button', { name: new RegExp(`^${escapeRe(scenario(id, audit.lang).title)}`) })
        .click();
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
      let nodeId = scenario(id, 'en').start;
      for (const choiceId of choiceIds) {
        const node = scenario(id, audit.lang).nodes.find((candidate) => candidate.id === nodeId);
        const choice = node?.choices?.find((candidate) => candidate.id === choiceId);
        if (!node || !choice) throw new Error(`${id}: no choice ${choiceId} at ${nodeId}`);
        const surface = node.speaker?.surface ?? node.speaker?.channel ?? 'none';
        await expectSurface(page, audit.lang, node, surface);
        await expect(byName(page, choice.label)).toBeVisible();
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
        const label = scenario(id, audit.lang)
          .nodes.find((candidate) => candidate.id === nodeId)
          ?.choices?.find((candidate) => candidate.id === choiceId)?.label;
        await byName(page, label ?? '').click();
        if (hasFeedback(node, choice)) {
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
        nodeId = choice.next;
      }
      await tapPhone(page);
      // The ending's last words stay a moment before the debrief comes up.
      const ending = scenario(id, audit.lang).nodes.find((candidate) => candidate.id === nodeId)?.ending;
      await whileTimeRuns(page, () =>
        expect(page.getByRole('heading', { name: ending?.title ?? '?' })).toBeVisible(),
      );
      const harmed = nodeId.includes('harmed');
      const shot = harmed && !shotsTaken.has('debrief');
      if (shot) shotsTaken.add('debrief');
      await audit.audit(`${id}-${nodeId}`, { debrief: true }, shot);
      await byName(page, ui[audit.lang].debrief.another).click();
    }
  }
  // Every ending of every scenario was reached and measured.
  const endings = ids.flatMap((id) => scenario(id, 'en').nodes.filter((node) => node.ending));
  expect(audit.audits).toBeGreaterThanOrEqual(endings.length + 4);
  expect(audit.problems).toEqual([]);
});
