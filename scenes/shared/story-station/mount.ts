/**
 * Mounting a story station: a station that is its content plus this call. The content is
 * validated once per page load and station (a broken file throws, naming it), then a
 * StoryStation runs in `context.root` until the shell destroys it.
 */
import '../dom/station.css';
import type { StationContext, StationHandle } from '../../station.js';
import type { ContentFile } from '../story/index.js';
import { loadStationContent, type StationContent } from './content.js';
import { StoryStation } from './station.js';

const loaded = new Map<string, StationContent>();

/** Parsed JSON modules from `import.meta.glob(…, { eager: true, import: 'default' })`. */
export type ContentModules = Readonly<Record<string, unknown>>;

/** The files of a glob, as the content loaders take them. */
export function contentFiles(modules: ContentModules): ContentFile[] {
  return Object.entries(modules).map(([fileName, json]) => ({ fileName, json }));
}

/**
 * Mounts the story station for `context.stationId` with the station's content files.
 * @throws ContentBundleError or ContentError when a content file is broken
 */
export function mountStoryStation(context: StationContext, modules: ContentModules): StationHandle {
  let content = loaded.get(context.stationId);
  if (!content) {
    content = loadStationContent(contentFiles(modules));
    loaded.set(context.stationId, content);
  }
  const station = new StoryStation(context, content);
  station.start();
  return {
    destroy() {
      station.destroy();
    },
  };
}
