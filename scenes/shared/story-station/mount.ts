/**
 * Mounting a story station: a station that is its content plus this call. The content is
 * validated once per page load and station (a broken file throws, naming it), then a
 * StoryStation runs in `context.root` until the shell destroys it.
 */
import '../dom/station.css';
import type { StationContext, StationHandle } from '../../station.js';
import { stationContent, type ContentModules } from './content.js';
import { StoryStation } from './station.js';

/**
 * Mounts the story station for `context.stationId` with the station's content files.
 * @throws ContentBundleError or ContentError when a content file is broken
 */
export function mountStoryStation(context: StationContext, modules: ContentModules): StationHandle {
  const station = new StoryStation(context, stationContent(modules));
  station.start();
  return {
    destroy() {
      station.destroy();
    },
  };
}
