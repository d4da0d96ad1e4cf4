/**
 * Stand-ins for the registry's inputs in tests: a valid station.json for `id` at `order`, and a
 * loader whose station mounts nothing.
 */
import type { StationModule } from '../../scenes/station.js';

/** A valid station.json (scenes/shared/content/station-meta.ts) for a test station. */
export const fakeStationMeta = (id: string, order: number) => ({
  id,
  order,
  icon: 'phone',
  color: '#00ff80',
  name: { vi: `${id} vi`, en: `${id} en` },
  pitch: { vi: 'p vi', en: 'p en' },
});

/** A station module that mounts nothing. */
export const fakeStationLoader = (): Promise<StationModule> =>
  Promise.resolve({ mount: () => ({ destroy: () => undefined }) });
