/** Reads the scam station's real content files (and the shared ones) from disk, as the station gets them. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  loadScenario,
  type ContentFile,
  type Scenario,
  type ScenarioFileSchema,
} from '../../../../scenes/shared/story/index.js';

export const CONTENT_DIR = fileURLToPath(new URL('../../../../scenes/scam/content/', import.meta.url));
/** What every story station shares: the tactics' wording and the station words. */
export const SHARED_DIR = fileURLToPath(
  new URL('../../../../scenes/shared/story-station/content/', import.meta.url),
);
export const SCENARIO_DIR = path.join(CONTENT_DIR, 'scenarios');

/** The four scenarios the brief asks for. */
export const REQUIRED_SCENARIOS = ['otp-bank', 'task-scam', 'hacked-friend', 'grooming'] as const;

/** Parsed JSON of one content file; `file` is relative to the station's content folder, or else the shared one. */
export function readJson(file: string): unknown {
  const own = path.join(CONTENT_DIR, file);
  const where = fs.existsSync(own) ? own : path.join(SHARED_DIR, file);
  return JSON.parse(fs.readFileSync(where, 'utf8')) as unknown;
}

/** The shared content files (tactics, station words). */
export function sharedContentFiles(): ContentFile[] {
  return fs
    .readdirSync(SHARED_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ fileName: `./content/${name}`, json: readJson(name) }));
}

/** Every scenario file name, e.g. `otp-bank.vi.json`. */
export function scenarioFileNames(): string[] {
  return fs
    .readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** Every scenario id with files on disk. */
export function scenarioIds(): string[] {
  return [...new Set(scenarioFileNames().map((name) => name.replace(/\.(vi|en)\.json$/, '')))].sort();
}

/** Loads one scenario file through the engine. */
export function loadFile(fileName: string): Scenario {
  return loadScenario(readJson(path.join('scenarios', fileName)), fileName);
}

/** Every content file (scenarios, checks, and the shared tactics and words) as the loaders take them. */
export function allContentFiles(): ContentFile[] {
  const top = fs
    .readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ fileName: name, json: readJson(name) }));
  const scenarios = scenarioFileNames().map((name) => ({
    fileName: `../content/scenarios/${name}`,
    json: readJson(path.join('scenarios', name)),
  }));
  return [...top, ...scenarios, ...sharedContentFiles()];
}

/** A scenario file as written (before defaults), for building broken variants. */
export type ScenarioJson = z.input<typeof ScenarioFileSchema>;

/** A deep, mutable copy of a real scenario file, for feeding broken variants to the loader. */
export function scenarioCopy(fileName: string): ScenarioJson {
  return structuredClone(readJson(path.join('scenarios', fileName))) as ScenarioJson;
}

/** `items[index]`, or a test failure saying what was missing (instead of a `!`). */
export function at<T>(items: readonly T[] | undefined, index: number): T {
  const item = items?.[index];
  if (item === undefined) throw new Error(`test fixture has no item at [${index}]`);
  return item;
}
