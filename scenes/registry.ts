/**
 * The scene registry: every station the hub offers. A station is a folder of scenes/ with a
 * `station.json` (name, pitch, icon, colour: scenes/shared/content/station-meta.ts) and an
 * `index.ts` whose default export mounts it. Nothing else needs registering. A station's
 * code is loaded only when a visitor opens it, so the attract loop stays light.
 * The shell reaches stations only through this module.
 */
import { loadStationMeta, type StationMeta } from './shared/content/station-meta.js';
import { picturePath } from './shared/dom/pictures.js';
import type { StationDefinition, StationModule } from './station.js';

const metas = import.meta.glob<unknown>('./*/station.json', { eager: true, import: 'default' });
const modules = import.meta.glob<StationModule>('./*/index.ts', { import: 'default' });

/** A station left out of the hub because its files are broken. */
export interface BrokenStation {
  /** The station.json that was read, e.g. `./kidnap/station.json`. */
  readonly file: string;
  /** What is wrong, naming the file and the field (a ContentError's message). */
  readonly problem: string;
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
): Registry {
  const loaded: { meta: StationMeta; load: () => Promise<StationModule> }[] = [];
  const broken: BrokenStation[] = [];
  for (const [path, json] of Object.entries(metaFiles)) {
    try {
      const meta = loadStationMeta(json, path);
      const load = loaders[path.replace(/station\.json$/, 'index.ts')];
      if (!load) throw new Error(`${path}: station "${meta.id}" has no index.ts next to it`);
      loaded.push({ meta, load });
    } catch (error) {
      broken.push({ file: path, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return { stations: definitions(loaded), broken };
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

function definitions(
  loaded: readonly { meta: StationMeta; load: () => Promise<StationModule> }[],
): StationDefinition[] {
  return [...loaded]
    .sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id))
    .map(({ meta, load }) => ({
      id: meta.id,
      name: meta.name,
      pitch: meta.pitch,
      titleKey: `stations.${meta.id}.title`,
      pitchKey: `stations.${meta.id}.pitch`,
      color: Number.parseInt(meta.color.slice(1), 16),
      icon: picturePath(meta.icon),
      load,
    }));
}

const REGISTRY = buildRegistry(metas, modules);

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
