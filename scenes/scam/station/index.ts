/**
 * The scam-simulation station's entry point, loaded on demand by the scene registry (so
 * Phaser is only downloaded when a visitor opens the station).
 */
import './scam.css';
import type { StationContext, StationHandle, StationModule } from '../../station.js';
import { stationContent } from './content.js';
import { ScamStation } from './station.js';

/** Mounts the station into `context.root`; throws a clear content error if a file is broken. */
export function mount(context: StationContext): StationHandle {
  const station = new ScamStation(context, stationContent());
  station.start();
  return {
    destroy() {
      station.destroy();
    },
  };
}

export default { mount } satisfies StationModule;
