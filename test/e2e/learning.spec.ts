/**
 * The learning figure end to end (LEARNING-DESIGN §4), in the real browser host: a visitor
 * session takes the before check, plays two stories, and takes the after check offered as the
 * first button of the debrief; a second session takes only the before check. Every answer is
 * in the journal (item, form, round, answer, right or not), the forms alternate between the
 * sessions, and the staff panel and the CSV show the paired gain of exactly the one session
 * that took both rounds. Screenshots of the check rounds go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { UiText } from '../../scenes/shared/story-station/ui-text.js';
import { expect, screenshot, startHost, test } from './host-fixture.js';

type Lang = 'vi' | 'en';
interface CheckItemJson {
  id: string;
  form: 'A' | 'B';
  text: string;
  answer: 'scam' | 'safe';
}

const PIN = '135790';
const START = 'Chạm để bắt đầu – Touch to start';
const FINISH = 'Kết thúc lượt chơi và quay về màn hình chờ';
const readJson = (file: string): never => JSON.parse(readFileSync(path.resolve(file), 'utf8')) as never;
const BACK = (readJson('renderer/i18n/locales/vi.json') as { station: { backLabel: string } }).station
  .backLabel;
const ui: Record<Lang, UiText> = {
  vi: readJson('scenes/shared/story-station/content/ui.vi.json'),
  en: readJson('scenes/shared/story-station/content/ui.en.json'),
};
const items: CheckItemJson[] = (readJson('scenes/scam/content/checks.vi.json') as { items: CheckItemJson[] })
  .items;
const FORM_SIZE = items.length / 2;
const stationName: string = (readJson('scenes/scam/station.json') as { name: Record<Lang, string> }).name.vi;

const byName = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

async function openStation(page: Page): Promise<void> {
  await page.getByRole('button', { name: START }).click();
  await page
    .getByRole('button', { name: new RegExp(stationName) })
    .first()
    .dispatchEvent('click');
  await expect(page.getByRole('heading', { name: ui.vi.picker.title })).toBeVisible();
}

async function pick(page: Page, scenarioId: string): Promise<void> {
  const title = (readJson(`scenes/scam/content/scenarios/${scenarioId}.vi.json`) as { title: string }).title;
  await page
    .getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .click();
}

/** Answers a round: 'right' from the data, or 'scam' every time; returns the form shown. */
async function answerRound(page: Page, strategy: 'right' | 'scam', shot?: string): Promise<'A' | 'B'> {
  let form: 'A' | 'B' | undefined;
  for (let i = 0; i < FORM_SIZE; i++) {
    await expect(page.getByText(fill(ui.vi.check.progress, { n: i + 1, total: FORM_SIZE }))).toBeVisible();
    const shown = await page.getByRole('log', { name: ui.vi.phone.messagesLabel }).innerText();
    const item = items.find((candidate) => shown.includes(candidate.text));
    if (!item) throw new Error(`not a check item: ${shown}`);
    form ??= item.form;
    expect(item.form, 'a round shows one form').toBe(form);
    if (i === 0 && shot) await screenshot(page, shot);
    await byName(
      page,
      (strategy === 'right' ? item.answer : 'scam') === 'scam' ? ui.vi.check.scam : ui.vi.check.safe,
    ).click();
  }
  if (!form) throw new Error('empty round');
  return form;
}

/** Plays a story to its debrief, taking the first choice at every step. */
async function playToDebrief(page: Page): Promise<void> {
  const debrief = page.locator('.story-debrief');
  const proceed = byName(page, ui.vi.play.continue);
  const choice = page.locator('.story-choice').first();
  for (let step = 0; step < 30; step++) {
    await page.getByRole('log', { name: ui.vi.phone.messagesLabel }).dispatchEvent('click');
    await expect(debrief.or(proceed).or(choice)).toBeVisible();
    if (await debrief.isVisible()) return;
    if (await proceed.isVisible()) await proceed.click();
    else await choice.click();
  }
  throw new Error('no debrief after 30 steps');
}

interface JournalLine {
  type: string;
  sessionId: string;
  phase?: string;
  form?: string;
  itemId?: string;
  answer?: string;
  correct?: boolean | number;
  total?: number;
}

test('before check, two stories, after check: per-item answers, alternating forms, paired gain in panel and CSV', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(540_000);
  const host = await startHost(dataDir, { KIOSK_ADMIN_PIN: PIN });
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(host.url);
    await page.waitForFunction(() => 'kioskAdminDiagnostics' in window);

    // Session 1: before check (always "scam": every scam right, every safe message wrong).
    await openStation(page);
    await pick(page, 'otp-bank');
    await expect(page.getByTestId('check-intro')).toBeVisible();
    await byName(page, ui.vi.check.start).click();
    const firstForm = await answerRound(page, 'scam');
    // No score and no answers after the before round.
    await expect(page.getByRole('heading', { name: ui.vi.check.beforeDoneTitle })).toBeVisible();
    await expect(page.locator('.story-review')).toHaveCount(0);
    await byName(page, ui.vi.check.play).click();
    await byName(page, ui.vi.forewarn.start).click();
    await playToDebrief(page);
    // Story 2 first: the after check waits as the debrief's first button, one tap away.
    await byName(page, ui.vi.debrief.another).click();
    await pick(page, 'hacked-friend');
    await expect(page.getByTestId('check-intro')).toHaveCount(0);
    await playToDebrief(page);
    const actions = page.locator('.story-debrief .story-actions button');
    await expect(actions.first()).toHaveText(ui.vi.debrief.checkAgain);
    await actions.first().click();
    const secondForm = await answerRound(page, 'right');
    expect(secondForm).not.toBe(firstForm);
    const half = FORM_SIZE / 2;
    await expect(
      page.getByText(fill(ui.vi.check.compare, { before: half, after: FORM_SIZE, total: FORM_SIZE })),
    ).toBeVisible();
    // Answers and reasons of both rounds, after the after round.
    await expect(page.locator('.story-review__item')).toHaveCount(2 * FORM_SIZE);
    await byName(page, ui.vi.check.done).click();
    await page.getByRole('button', { name: FINISH }).click();

    // Session 2: the before check is offered again (a new visitor) in the other form; then leave.
    await openStation(page);
    await pick(page, 'otp-bank');
    await byName(page, ui.vi.check.start).click();
    const thirdForm = await answerRound(page, 'right');
    expect(thirdForm, 'sessions alternate the first form').not.toBe(firstForm);
    await expect(page.getByRole('heading', { name: ui.vi.check.beforeDoneTitle })).toBeVisible();
    await page.getByRole('button', { name: BACK }).click();
    await page.getByRole('button', { name: FINISH }).click();
    await expect(page.getByRole('button', { name: START })).toBeVisible();

    // The journal holds every answer, each with its item, form, round and whether it was right.
    const journal = readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as JournalLine);
    const answers = journal.filter((line) => line.type === 'check-answer');
    expect(answers).toHaveLength(3 * FORM_SIZE);
    for (const line of answers) {
      const item = items.find((candidate) => candidate.id === line.itemId);
      expect(item?.form).toBe(line.form);
      expect(line.correct).toBe(line.answer === item?.answer);
    }
    const sessions = [...new Set(answers.map((line) => line.sessionId))];
    expect(sessions).toHaveLength(2);
    const rounds = journal.filter((line) => line.type === 'check');
    expect(rounds.map((line) => [line.phase, line.form, line.correct, line.total])).toEqual([
      ['before', firstForm, half, FORM_SIZE],
      ['after', secondForm, FORM_SIZE, FORM_SIZE],
      ['before', thirdForm, FORM_SIZE, FORM_SIZE],
    ]);

    // The staff panel: one paired session, under the form taken first, 50% → 100%, +50.
    await page.keyboard.press('Control+Shift+A');
    await expect(page.getByTestId('admin-pad')).toBeVisible();
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('admin-panel');
    await expect(panel).toBeVisible({ timeout: 20_000 });
    // Per station and form, each figure on its row, as the tallies compute them: "always scam"
    // before hits every scam and trusts no safe message; every answer right after.
    const figure = (name: string) => panel.getByTestId(`alltime-learning-scam-${firstForm}-${name}`);
    await expect(figure('sessions')).toHaveText('1');
    await expect(figure('mean')).toHaveText('50% → 100%');
    await expect(figure('gain')).toHaveText('+50 (—…—)');
    await expect(figure('hits')).toHaveText('100% → 100%');
    await expect(figure('rejections')).toHaveText('0% → 100%');
    await expect(figure('ceiling')).toHaveText('0% → 100%');
    await expect(panel.getByTestId('admin-tallies')).toContainText(/tức thì/);
    // No per-scenario check rows: the check belongs to the station and its form, not a story.
    await expect(panel.locator('[data-testid^="alltime-rate-"]')).toHaveCount(0);
    await expect(panel.getByTestId(`alltime-learning-scam-${thirdForm}-sessions`)).toHaveCount(0);
    // The learning rows in both languages and orientations, for review.
    await figure('ceiling').scrollIntoViewIfNeeded();
    await screenshot(page, 'learning-panel-vi-landscape');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await figure('ceiling').scrollIntoViewIfNeeded();
    await screenshot(page, 'learning-panel-vi-portrait');
    await panel.getByRole('button', { name: 'Switch the staff panel to English' }).click();
    await expect(panel.getByTestId('admin-tallies')).toContainText('Immediate learning');
    await figure('ceiling').scrollIntoViewIfNeeded();
    await screenshot(page, 'learning-panel-en-portrait');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await figure('ceiling').scrollIntoViewIfNeeded();
    await screenshot(page, 'learning-panel-en-landscape');
    await panel.getByRole('button', { name: 'Chuyển bảng nhân viên sang tiếng Việt' }).click();

    // The CSV says the same: one paired session, 50 → 100, hits and correct rejections apart.
    const downloads: import('@playwright/test').Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await panel.getByRole('button', { name: 'Xuất dữ liệu hôm nay' }).click();
    await expect(panel.getByTestId('admin-result')).toContainText('Đã tải xuống', { timeout: 20_000 });
    await expect.poll(() => downloads.some((d) => d.suggestedFilename().endsWith('.csv'))).toBe(true);
    const csvDownload = downloads.find((d) => d.suggestedFilename().endsWith('.csv'));
    const csv = readFileSync((await csvDownload?.path()) ?? '', 'utf8');
    const metric = (name: string): string | undefined =>
      csv
        .split(/\r?\n/)
        .find((line) => line.includes(',learning,') && line.includes(`,${name},`))
        ?.split(',')[4];
    expect(metric('paired_sessions')).toBe('1');
    expect(metric('mean_before_pct')).toBe('50');
    expect(metric('mean_after_pct')).toBe('100');
    expect(metric('mean_gain_pct')).toBe('50');
    expect(metric('hit_rate_before_pct')).toBe('100');
    expect(
      csv.split(/\r?\n/).filter((line) => line.includes(',learning,') && line.includes(',paired_sessions,')),
    ).toHaveLength(1);
  } finally {
    await host.stop();
  }
});
