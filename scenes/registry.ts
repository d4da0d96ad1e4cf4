/**
 * The scene registry: every simulation station the hub offers, as data. A station's code is
 * loaded only when a visitor opens it, so the attract loop stays light.
 */
import scamIcon from '@twemoji/svg/1f4f1.svg?url';
import type { StationDefinition } from './station.js';

export const STATIONS: readonly StationDefinition[] = [
  {
    id: 'scam',
    titleKey: 'stations.scam.title',
    pitchKey: 'stations.scam.pitch',
    color: 0xff6b5b,
    icon: scamIcon,
    load: () => import('./scam/station/index.js'),
  },
];

/** The station with this id, or undefined. */
export function findStation(
  id: string,
  stations: readonly StationDefinition[] = STATIONS,
): StationDefinition | undefined {
  return stations.find((station) => station.id === id);
}
