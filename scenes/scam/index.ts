/**
 * The scam station: four phone stories (a bank "prize" text, a task scam, a hacked friend, an
 * online groomer), a before/after "scam or safe?" check, all in ./content. The story station
 * does the rest; this module is loaded on demand by the registry, so Phaser is only downloaded
 * when a visitor opens a station.
 */
import { mountStoryStation } from '../shared/story-station/mount.js';
import type { StationModule } from '../station.js';
import { CONTENT } from './files.js';

export default {
  mount: (context) => mountStoryStation(context, CONTENT),
} satisfies StationModule;
