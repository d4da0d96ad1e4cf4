/**
 * The online-kidnapping station: two phone stories (the student called by fake police, and the
 * family of a sister who cannot be reached), its own "scam or safe?" items and the care options
 * (content note, no score, calm feedback) in ./content. The story station does the rest; this
 * module is loaded on demand by the registry.
 */
import { mountStoryStation } from '../shared/story-station/mount.js';
import type { StationModule } from '../station.js';
import { CONTENT } from './files.js';

export default {
  mount: (context) => mountStoryStation(context, CONTENT),
} satisfies StationModule;
