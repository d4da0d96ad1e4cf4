/**
 * The scene registry: every station the hub offers. A station is a folder of scenes/ with a
 * `station.json` (name, pitch, icon, colour: scenes/shared/content/station-meta.ts) and an
 * `index.ts` whose default export mounts it. Nothing else needs registering. A station's
 * code is loaded only when a visitor opens it, so the attract loop stays light.
 * The shell reaches stations only through this module.
 */
import { ContentError } from './shared/content/content-error.js';
import { loadStationMeta, type StationMeta } from './shared/content/station-meta.js';
import { picturePath } from './shared/dom/pictures.js';
import type { StationCheck, StationDefinition, StationModule } from './station.js';

const metas = import.meta.glob<unknown>('./*/station.json', { eager: true, import: 'default' });
const modules = import.meta.glob<StationModule>('./*/index.ts', { import: 'default' });
// Lazy like the stations: each check is its own chunk (content JSON and its schemas, no
// Phaser or three), loaded after the attract loop runs, so the first load stays light.
const checks = import.meta.glob<StationCheck>('./*/check.ts', { import: 'default' });

/** A station left out of the hub because a file of it is broken (station.json or content). */
export interface BrokenStation {
  /** The station's folder (its id when its station.json can be read), e.g. `kidnap`. */
  readonly station: string;
  /** The file at fault, e.g. `./kidnap/station.json` or `student-police.en.json`. */
  readonly file: string;
  /** The field at fault, e.g. `nodes[3].choices[1].next`; empty for the whole file. */
  readonly field: string;
  /** What is wrong with that field (the first problem; developers' words). */
  readonly detail: string;
  /** Every problem, each naming the file and the field (a ContentError's message). */
  readonly problem: string;
  /**
   * True when a file of the station is at fault (bundled, so it stays broken until it is fixed
   * and the kiosk rebuilt): the station is hidden. False for what may pass, such as a chunk
   * that could not be fetched while the host restarted: the station stays on offer.
   */
  readonly lasting: boolean;
}

/** The stations that can run, and those left out (with why, for kiosk.log and staff). */
export interface Registry {
  readonly stations: StationDefinition[];
  readonly broken: BrokenStation[];
}

/**
 * The station definitions from metadata and loaders, in hub order. A broken station (its
 * station.json invalid, its index.ts missing) is left out and listed in `broken`, so one bad
 * file on a festival morning costs one station, not the kiosk.
 */
export function buildRegistry(
  metaFiles: Readonly<Record<string, unknown>>,
  loaders: Readonly<Record<string, () => Promise<StationModule>>>,
  checkLoaders: Readonly<Record<string, () => Promise<StationCheck>>> = {},
): Registry {
  const loaded: Loaded[] = [];
  const broken: BrokenStation[] = [];
  for (const [path, json] of Object.entries(metaFiles)) {
    try {
      const meta = loadStationMeta(json, path);
      const load = loaders[path.replace(/station\.json$/, 'index.ts')];
      if (!load) throw new Error(`${path}: station "${meta.id}" has no index.ts next to it`);
      const loadCheck = checkLoaders[path.replace(/station\.json$/, 'check.ts')];
      loaded.push({ meta, load, loadCheck });
    } catch (error) {
      broken.push({ ...stationProblem(folderOf(path), error, path), lasting: true });
    }
  }
  return { stations: definitions(loaded), broken };
}

/**
 * What is wrong with a station, for kiosk.log and the staff notice: the file and the field
 * of the first problem of a ContentError (or ContentBundleError), the whole message besides.
 * Any other error (a chunk that failed to load, a bug at mount) names `fallbackFile` and is not
 * `lasting`.
 */
export function stationProblem(
  station: string,
  error: unknown,
  fallbackFile = `./${station}/index.ts`,
): BrokenStation {
  const problem = error instanceof Error ? error.message : String(error);
  const content = firstContentError(error);
  const issue = content?.issues[0];
  if (content === undefined || issue === undefined) {
    // "<file>: <what>" as this module words its own errors; otherwise the whole message.
    const own = problem.startsWith(`${fallbackFile}: `) ? problem.slice(fallbackFile.length + 2) : problem;
    return { station, file: fallbackFile, field: '', detail: firstLine(own), problem, lasting: false };
  }
  return {
    station,
    file: content.fileName,
    field: issue.path,
    detail: firstLine(issue.message),
    problem,
    lasting: true,
  };
}

/**
 * Runs a station's content check (loading its chunk first).
 * @returns null when the content is sound or the station has no check, else what is wrong:
 *   `lasting` whatever the check threw (the bundled files give the same verdict every time),
 *   not `lasting` when the check's chunk could not be fetched
 */
export async function checkStation(station: StationDefinition): Promise<BrokenStation | null> {
  if (station.loadCheck === undefined) return null;
  const file = `./${station.id}/check.ts`;
  let check: StationCheck;
  try {
    check = await station.loadCheck();
  } catch (error) {
    return stationProblem(station.id, error, file);
  }
  try {
    check();
    return null;
  } catch (error) {
    return { ...stationProblem(station.id, error, file), lasting: true };
  }
}

interface Loaded {
  meta: StationMeta;
  load: () => Promise<StationModule>;
  loadCheck: (() => Promise<StationCheck>) | undefined;
}

/**
 * The error itself when it is a ContentError, or the first ContentError of one that gathers
 * them (the story engine's ContentBundleError: matched by shape, so the story engine stays
 * out of the first load).
 */
function firstContentError(error: unknown): ContentError | undefined {
  if (error instanceof ContentError) return error;
  if (error instanceof Error && 'errors' in error && Array.isArray(error.errors)) {
    return (error.errors as unknown[]).find((inner): inner is ContentError => inner instanceof ContentError);
  }
  return undefined;
}

/** `kidnap` for `./kidnap/station.json`. */
function folderOf(path: string): string {
  return path.split(/[\\/]/).at(-2) ?? path;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

/**
 * Like buildRegistry, for callers that want every station or nothing (tests, tools).
 * @throws Error naming the file and field of the first broken station
 */
export function buildStations(
  metaFiles: Readonly<Record<string, unknown>>,
  loaders: Readonly<Record<string, () => Promise<StationModule>>>,
): StationDefinition[] {
  const { stations, broken } = buildRegistry(metaFiles, loaders);
  const [first] = broken;
  if (first !== undefined) throw new Error(first.problem);
  return stations;
}

function definitions(loaded: readonly Loaded[]): StationDefinition[] {
  return [...loaded]
    .sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id))
    .map(({ meta, load, loadCheck }) => ({
      id: meta.id,
      name: meta.name,
      pitch: meta.pitch,
      titleKey: `stations.${meta.id}.title`,
      pitchKey: `stations.${meta.id}.pitch`,
      color: Number.parseInt(meta.color.slice(1), 16),
      icon: picturePath(meta.icon),
      load,
      ...(loadCheck && { loadCheck }),
    }));
}

const REGISTRY = buildRegistry(metas, modules, checks);

/** Every station that can run, in hub order (broken ones are left out: BROKEN_STATIONS). */
export const STATIONS: readonly StationDefinition[] = REGISTRY.stations;
/** Stations left out because a file of theirs is broken: the shell logs them and tells staff. */
export const BROKEN_STATIONS: readonly BrokenStation[] = REGISTRY.broken;

/** The station with this id, or undefined. */
export function findStation(
  id: string,
  stations: readonly StationDefinition[] = STATIONS,
): StationDefinition | undefined {
  return stations.find((station) => station.id === id);
}

/**
 * The stations' names and pitches as i18n resources (`stations.<id>.title` / `.pitch`), so
 * the shell's translated labels follow the language like its own text.
 */
export function stationTexts(
  stations: readonly StationDefinition[],
  language: 'vi' | 'en',
): { stations: Record<string, { title: string; pitch: string }> } {
  return {
    stations: Object.fromEntries(
      stations.map((station) => [
        station.id,
        { title: station.name[language], pitch: station.pitch[language] },
      ]),
    ),
  };
}
