/**
 * What a visitor does at a story station, for the end-to-end specs of every story station
 * (scam, kidnap, readability…): start a session, open a station from the hub by its name,
 * switch language, pick a scenario, skip the before check, tap the phone, choose by button
 * name, and read the tallies back. The words come from the same content files the station
 * reads (validated by the engine's own loaders), so the specs follow the data; which choices
 * reach which ending comes from the engine's path finder over the content graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Tallies } from '../../electron/bridge/tallies-contract.js';
import {
  allPaths,
  choose,
  createRun,
  currentNode,
  lastFeedback,
  loadContent,
  type Ending,
  type Scenario,
  type ScenarioPath,
  type StoryContent,
} from '../../scenes/shared/story/index.js';
import { loadUiTexts, type UiText, type UiTexts } from '../../scenes/shared/story-station/ui-text.js';
import { bridge, expect } from './host-fixture.js';

export type Lang = 'vi' | 'en';
export type Orientation = 'landscape' | 'portrait';

/** The kiosk's screen sizes, in CSS px. */
export const SIZES: Record<Orientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

/** The attract loop's button (both languages in one label: nobody has chosen yet). */
export const ATTRACT_START = 'Chạm để bắt đầu – Touch to start';

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** Parsed JSON; callers say what shape they expect (the loaders below validate content). */
export function readJson(file: string): never {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as never;
}

export const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The button whose accessible name is exactly `name`. */
export const byName = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The parts of the shell's locale files the specs read. */
export interface ShellLocale {
  language: { switchLabel: string };
  station: { backLabel: string };
  hub: { stationLabel: string };
  idle: { title: string; stayLabel: string };
}

export const shell: Record<Lang, ShellLocale> = {
  vi: readJson(path.resolve('renderer/i18n/locales/vi.json')),
  en: readJson(path.resolve('renderer/i18n/locales/en.json')),
};

/** A story station's content as the station itself loads it (scenes/shared/story-station/content.ts). */
export interface StoryStationText {
  readonly id: string;
  readonly name: Record<Lang, string>;
  readonly ui: UiTexts;
  readonly story: StoryContent;
}

function jsonFiles(dir: string): { fileName: string; json: unknown }[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ fileName: name, json: readJson(path.join(dir, name)) }));
}

/** Loads `scenes/<id>`: its name, its words over the shared words, its scenarios and checks. */
export function storyStation(id: string): StoryStationText {
  const own = jsonFiles(path.resolve('scenes', id, 'content'));
  const shared = jsonFiles(path.resolve('scenes/shared/story-station/content'));
  const isUi = (file: { fileName: string }): boolean => /(^|[\\/])ui\.(vi|en)\.json$/.test(file.fileName);
  const tactics = shared.filter((file) => /(^|[\\/])tactics\.(vi|en)\.json$/.test(file.fileName));
  const station: { name: Record<Lang, string> } = readJson(path.resolve('scenes', id, 'station.json'));
  return {
    id,
    name: station.name,
    ui: loadUiTexts(shared, own.filter(isUi)),
    story: loadContent([...tactics, ...own.filter((file) => !isUi(file))]),
  };
}

/** A scenario of the station in one language. */
export function scenarioOf(station: StoryStationText, id: string, lang: Lang): Scenario {
  const pair = station.story.scenarios.find((candidate) => candidate.id === id);
  if (!pair) throw new Error(`${station.id}: no scenario "${id}"`);
  return pair[lang];
}

/** One choice to make: where, its button's name, and whether feedback follows it. */
export interface Step {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly label: string;
  readonly feedback: boolean;
}

/**
 * The steps of `choiceIds` from the start, in the scenario's language, as the engine plays
 * them (feedback follows a step exactly when the engine has feedback for it), and the node
 * they lead to: its ending when they end.
 */
export function walk(
  scenario: Scenario,
  choiceIds: readonly string[],
): { steps: Step[]; ending: Ending | null } {
  let run = createRun(scenario);
  const steps: Step[] = [];
  for (const choiceId of choiceIds) {
    const node = currentNode(run);
    const choice = node.kind === 'decision' ? node.choices.find((c) => c.id === choiceId) : undefined;
    if (!choice) throw new Error(`${scenario.id}: no choice "${choiceId}" at "${node.id}"`);
    run = choose(run, choiceId);
    const feedback = lastFeedback(run);
    const worthShowing =
      feedback !== null &&
      (feedback.step.risky ||
        feedback.spotted.length > 0 ||
        feedback.missed.length > 0 ||
        feedback.choice.feedback !== undefined);
    steps.push({ nodeId: node.id, choiceId, label: choice.label, feedback: worthShowing });
  }
  const last = currentNode(run);
  return { steps, ending: last.kind === 'ending' ? last.ending : null };
}

/** The steps of a complete path (checked to reach an ending) and its ending. */
export function route(scenario: Scenario, choiceIds: readonly string[]): { steps: Step[]; ending: Ending } {
  const { steps, ending } = walk(scenario, choiceIds);
  if (!ending) throw new Error(`${scenario.id}: ${choiceIds.join(' → ')} does not end`);
  return { steps, ending };
}

/**
 * For every ending of the scenario, the shortest complete path that reaches it (the engine's
 * path finder over the content graph), in the order the endings are written. A content
 * change that adds, removes or re-routes an ending changes this list, never silently skips it.
 */
export function pathsToEveryEnding(scenario: Scenario): ScenarioPath[] {
  const shortest = new Map<string, ScenarioPath>();
  for (const candidate of allPaths(scenario)) {
    const known = shortest.get(candidate.endingId);
    if (!known || candidate.steps.length < known.steps.length) shortest.set(candidate.endingId, candidate);
  }
  return scenario.nodes.flatMap((node) => {
    const found = node.kind === 'ending' ? shortest.get(node.id) : undefined;
    return found ? [found] : [];
  });
}

/** The choices of the shortest path from the start to `nodeId` (empty for the start itself). */
export function choicesTo(scenario: Scenario, nodeId: string): string[] {
  const through = allPaths(scenario)
    .filter((candidate) => candidate.steps.some((step) => step.nodeId === nodeId))
    .sort((a, b) => a.steps.length - b.steps.length)[0];
  if (!through) throw new Error(`${scenario.id}: no path passes "${nodeId}"`);
  const at = through.steps.findIndex((step) => step.nodeId === nodeId);
  return through.steps.slice(0, at).map((step) => step.choiceId);
}

/** Sets the viewport, opens the kiosk and touches the attract loop: a visitor session starts. */
export async function startSession(
  page: Page,
  url: string,
  size: { width: number; height: number } = SIZES.landscape,
): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(url);
  await page.getByRole('button', { name: ATTRACT_START }).click();
}

/** The hub button's name: "<open> <name>: <pitch>" (renderer/i18n hub.stationLabel). */
export function hubLabel(station: StoryStationText, lang: Lang): RegExp {
  const prefix =
    shell[lang].hub.stationLabel.split('{{pitch}}')[0]?.replace('{{name}}', station.name[lang]) ?? '';
  return new RegExp(`^${escapeRe(prefix)}`);
}

/** Opens the station from the hub by its accessible name in `lang`. */
export async function openStation(page: Page, station: StoryStationText, lang: Lang): Promise<void> {
  // A click event, not a pointer click: the card follows its beacon in the orbiting 3D world,
  // so it is never "stable" and a click at its old position can miss it.
  await page.getByRole('button', { name: hubLabel(station, lang) }).dispatchEvent('click');
}

/**
 * Opens the station from the hub and goes on to its scenario picker: past its content note
 * first, when it has one (a care-mode station shows it at every visit).
 */
export async function enterStation(page: Page, station: StoryStationText, lang: Lang): Promise<void> {
  await openStation(page, station, lang);
  const care = station.ui[lang].care;
  // The station's chunk and the phone load on demand: slow on a busy machine.
  if (care) await byName(page, care.noteStart).click({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: station.ui[lang].picker.title })).toBeVisible({
    timeout: 30_000,
  });
}

/** Switches the kiosk's language with the top bar's button, and waits until it took. */
export async function switchLanguage(page: Page, to: Lang): Promise<void> {
  await byName(page, shell[otherLang(to)].language.switchLabel).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Picks a scenario card by its title. */
export async function pickScenario(page: Page, scenario: Scenario): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${escapeRe(scenario.title)}`) }).click();
}

/** Skips the before check; the forewarning card (the three tactics) follows, once per session. */
export async function skipCheck(page: Page, ui: UiText): Promise<void> {
  await byName(page, ui.check.skip).click();
  await expect(page.getByTestId('forewarn')).toBeVisible();
  await byName(page, ui.forewarn.start).click();
}

/**
 * Taps the phone: messages still typing appear at once, and the choices with them. A click
 * event: in portrait the debrief may already lie over the phone.
 */
export async function tapPhone(page: Page, ui: UiText): Promise<void> {
  await page.getByRole('log', { name: ui.phone.messagesLabel }).dispatchEvent('click');
}

/** Chooses by the button's name, then moves past the feedback when the engine gives one. */
export async function makeChoice(page: Page, ui: UiText, step: Step): Promise<void> {
  await byName(page, step.label).click();
  if (step.feedback) await byName(page, ui.play.continue).click();
}

/**
 * Ends the station's finite animations (a panel fading in) at once, for a fair picture: jumped
 * to their end state rather than awaited, so nothing waits on a timeline a fake clock holds.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('.story').evaluate((root) => {
    for (const animation of root.getAnimations({ subtree: true })) {
      if (animation.effect?.getComputedTiming().iterations === Infinity) continue;
      try {
        animation.finish();
      } catch {
        // An animation that cannot finish (no effect, or playback rate 0) is left as it is.
      }
    }
  });
}

/** The tallies as the staff panel reads them (the bridge's `tallies` channel). */
export async function tallies(page: Page): Promise<Tallies> {
  return ((await bridge(page, 'tallies')) as { value: Tallies }).value;
}
