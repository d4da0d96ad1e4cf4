/**
 * The pledge station: a 50-second "block or let pass" game, a pledge (1–3 cards and a
 * lantern colour), and the lantern lake. Loaded on demand by the registry; its content is in
 * ./content (checked at load: a broken file names itself and the field).
 */
import type { StationModule } from '../station.js';
import { loadPledgeContent } from './content.js';
import { CONTENT } from './files.js';
import { PledgeStation } from './pledge-station.js';
import './pledge.css';

export default {
  mount: (context) => new PledgeStation(context, loadPledgeContent(CONTENT)),
} satisfies StationModule;
