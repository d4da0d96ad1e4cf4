/**
 * The pledge station's content check, run by the shell after the attract loop starts: the
 * same validation as at mount (loadPledgeContent), without loading the game or the lake.
 */
import type { StationCheck } from '../station.js';
import { loadPledgeContent } from './content.js';
import { CONTENT } from './files.js';

export default (() => {
  loadPledgeContent(CONTENT);
}) satisfies StationCheck;
