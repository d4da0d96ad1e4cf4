/**
 * The online-kidnapping station's content check, run by the shell after the attract loop starts: the same
 * validation as at mount (and cached for it), without loading the phone or Phaser.
 */
import { stationContent } from '../shared/story-station/content.js';
import type { StationCheck } from '../station.js';
import { CONTENT } from './files.js';

export default (() => {
  stationContent(CONTENT);
}) satisfies StationCheck;
