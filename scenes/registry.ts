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

/**
 * The station definitions from metadata and loaders, in hub order.
 * @throws ContentError for a broken station.json; Error for a station without its index.ts
 */
export function buildStations(
  metaFiles: Readonly<Record<string, unknown>>,
  loaders: Readonly<Record<string, () => Promise<StationModule>>>,
): StationDefinition[] {
  const loaded: { meta: StationMeta; load: () => Promise<StationModule> }[] = [];
  for (const [path, json] of Object.entries(metaFiles)) {
    const meta = loadStationMeta(json, path);
    const load = loaders[path.replace(/station\.json$/, 'index.ts')];
    if (!load) throw new Error(`${path}: station "${meta.id}" has no index.ts next to it`);
    loaded.push({ meta, load });
  }
  return loaded
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

export const STATIONS: readonly StationDefinition[] = buildStations(metas, modules);

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
