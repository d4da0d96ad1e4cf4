/**
 * Loads a story station's content at once: every scenario in both languages, the tactic
 * wording (shared by every station) and the station's check forms, with every cross-file rule
 * checked. The story station calls it once per page with the JSON from `import.meta.glob`;
 * staff see every broken file at once.
 */
import { loadCheckPool, validateCheckPair, type CheckPool } from './checks.js';
import { baseName, ContentError } from '../content/content-error.js';
import { parseContentFileName } from '../content/file-name.js';
import { loadScenario, validateScenarioPair } from './load.js';
import type { Scenario } from './schema.js';
import { loadTactics, type Tactics } from './tactics.js';

/**
 * Content ids that are not the engine's: `ui.<lang>.json` holds the story station's button
 * and heading text and is validated by it (scenes/shared/story-station/ui-text.ts). They are
 * skipped here so a whole content folder can still be handed over in one glob.
 */
export const STATION_ONLY_CONTENT_IDS: ReadonlySet<string> = new Set(['ui']);

/** One parsed content file and its name (or path). */
export interface ContentFile {
  readonly fileName: string;
  readonly json: unknown;
}

/** A scenario in both languages. */
export interface ScenarioPair {
  readonly id: string;
  readonly vi: Scenario;
  readonly en: Scenario;
}

export interface StoryContent {
  readonly scenarios: readonly ScenarioPair[];
  readonly tactics: { readonly vi: Tactics; readonly en: Tactics };
  readonly checks: { readonly vi: CheckPool; readonly en: CheckPool };
}

/** Every content problem found, across files; `errors` holds one ContentError per file. */
export class ContentBundleError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'ContentBundleError';
  }
}

type ByLang<T> = Partial<Record<'vi' | 'en', T>>;

/**
 * Validates and assembles all content files. Scenario files are any `<id>.<lang>.json`
 * other than `tactics.*`, `checks.*` and the station-only `ui.*`.
 * @throws ContentBundleError listing every problem in every file
 */
export function loadContent(files: readonly ContentFile[]): StoryContent {
  const errors: ContentError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ContentError) {
        errors.push(error);
        return undefined;
      }
      throw error;
    }
  };

  const scenarios = new Map<string, ByLang<Scenario>>();
  // Files given, even if broken: a broken file is reported as broken, not also as missing.
  const given = new Set<string>();
  const tactics: ByLang<Tactics> = {};
  const checks: ByLang<CheckPool> = {};
  for (const file of files) {
    const name = attempt(() => parseContentFileName(file.fileName));
    if (!name || STATION_ONLY_CONTENT_IDS.has(name.id)) continue;
    given.add(`${name.id}.${name.lang}.json`);
    if (name.id === 'tactics') {
      const loaded = attempt(() => loadTactics(file.json, file.fileName));
      if (loaded) tactics[name.lang] = loaded;
    } else if (name.id === 'checks') {
      const loaded = attempt(() => loadCheckPool(file.json, file.fileName));
      if (loaded) checks[name.lang] = loaded;
    } else {
      const loaded = attempt(() => loadScenario(file.json, file.fileName));
      if (!loaded) {
        scenarios.set(name.id, scenarios.get(name.id) ?? {});
        continue;
      }
      const pair = scenarios.get(loaded.id) ?? {};
      if (pair[loaded.lang]) {
        errors.push(new ContentError(baseName(file.fileName), [{ path: '', message: 'is given twice' }]));
      }
      pair[loaded.lang] = loaded;
      scenarios.set(loaded.id, pair);
    }
  }

  const missing = (name: string): void => {
    if (given.has(name)) return;
    errors.push(
      new ContentError(name, [{ path: '', message: 'is missing (every file needs a vi and an en version)' }]),
    );
  };
  const pairs: ScenarioPair[] = [];
  for (const [id, pair] of scenarios) {
    if (!pair.vi) missing(`${id}.vi.json`);
    if (!pair.en) missing(`${id}.en.json`);
    const { vi, en } = pair;
    if (!vi || !en) continue;
    const matched = attempt(() => {
      validateScenarioPair(vi, en);
      return true;
    });
    if (matched) pairs.push({ id, vi, en });
  }
  if (scenarios.size === 0)
    errors.push(new ContentError('scenarios', [{ path: '', message: 'no scenario files given' }]));
  if (!tactics.vi) missing('tactics.vi.json');
  if (!tactics.en) missing('tactics.en.json');
  if (!checks.vi) missing('checks.vi.json');
  if (!checks.en) missing('checks.en.json');
  const checksVi = checks.vi;
  const checksEn = checks.en;
  if (checksVi && checksEn) {
    attempt(() => {
      validateCheckPair(checksVi, checksEn);
    });
  }

  if (errors.length > 0 || !tactics.vi || !tactics.en || !checksVi || !checksEn)
    throw new ContentBundleError(errors);
  return {
    scenarios: pairs,
    tactics: { vi: tactics.vi, en: tactics.en },
    checks: { vi: checksVi, en: checksEn },
  };
}
