/**
 * The staff panel's pledge rows: pledges per card and lantern colours chosen, per station,
 * today beside all time. Pure (no DOM, no i18n) so it is unit-tested; tallies-view.ts shows it.
 */
import { stationTally, type Tallies } from '../../electron/bridge/contract.js';

export interface PledgeRow {
  stationId: string;
  /** A pledge card id or a lantern colour id (content ids). */
  id: string;
  today: number;
  allTime: number;
}

function rows(
  today: Tallies,
  allTime: Tallies,
  read: (tallies: Tallies, stationId: string) => Record<string, number>,
): PledgeRow[] {
  const stations = [...new Set([...Object.keys(allTime.scenes), ...Object.keys(allTime.colours)])];
  return stations
    .flatMap((stationId) => {
      const day = read(today, stationId);
      return Object.entries(read(allTime, stationId)).map(([id, all]) => ({
        stationId,
        id,
        today: Object.hasOwn(day, id) ? (day[id] ?? 0) : 0,
        allTime: all,
      }));
    })
    .sort(
      (a, b) => a.stationId.localeCompare(b.stationId) || b.allTime - a.allTime || a.id.localeCompare(b.id),
    );
}

/** Pledges per station and card, most chosen first (all time). */
export function pledgeCardRows(today: Tallies, allTime: Tallies): PledgeRow[] {
  return rows(today, allTime, (tallies, stationId) => stationTally(tallies, stationId).pledgesById);
}

/** Lantern colours per station (today is the kiosk's day; all time summed over the days). */
export function lanternColourRows(today: Tallies, allTime: Tallies): PledgeRow[] {
  return rows(today, allTime, (tallies, stationId) => stationTally(tallies, stationId).colours);
}
