/** Reads the station's real content files from disk, as the phone scene would get them. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  loadScenario,
  type ContentFile,
  type Scenario,
  type ScenarioFileSchema,
} from '../../../scenes/scam/engine/index.js';

export const CONTENT_DIR = fileURLToPath(new URL('../../../scenes/scam/content/', import.meta.url));
export const SCENARIO_DIR = path.join(CONTENT_DIR, 'scenarios');

/** The four scenarios the brief asks for. */
export const REQUIRED_SCENARIOS = ['otp-bank', 'task-scam', 'hacked-friend', 'grooming'] as const;

/** Parsed JSON of one content file; `file` is relative to the content folder. */
export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, file), 'utf8')) as unknown;
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

/** Every content file (scenarios, tactics, checks) as the bundle loader takes them. */
export function allContentFiles(): ContentFile[] {
  const top = fs
    .readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ fileName: name, json: readJson(name) }));
  const scenarios = scenarioFileNames().map((name) => ({
    fileName: `../content/scenarios/${name}`,
    json: readJson(path.join('scenarios', name)),
  }));
  return [...top, ...scenarios];
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
