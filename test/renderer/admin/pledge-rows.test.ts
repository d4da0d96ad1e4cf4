import { describe, expect, it } from 'vitest';
import type { VisitorEvent } from '../../../electron/bridge/contract.js';
import { addRecord, createAggregate, toTallies } from '../../../electron/backoffice/tallies.js';
import { lanternColourRows, pledgeCardRows } from '../../../renderer/admin/pledge-rows.js';
import { sid, stamp } from '../../backoffice/helpers.js';

const pledge = (pledgeId: string, colour: string): VisitorEvent => ({
  type: 'pledge',
  sessionId: sid('visitor'),
  sceneId: 'pledge',
  pledgeId,
  colour,
});

function tallies(events: VisitorEvent[], days: Date[]) {
  const agg = createAggregate();
  events.forEach((event, i) => addRecord(agg, stamp(event, days[i % days.length])));
  return toTallies(agg, 'k', new Date());
}

describe('pledge rows of the staff panel', () => {
  const yesterday = new Date(2025, 10, 21, 12);
  const today = new Date(2025, 10, 22, 12);
  const allTime = tallies(
    [pledge('tell-an-adult', 'gold'), pledge('tell-an-adult', 'teal'), pledge('block-report', 'gold')],
    [yesterday, today, today],
  );
  const day = tallies([pledge('tell-an-adult', 'teal'), pledge('block-report', 'gold')], [today]);

  it('lists pledges per card, today beside all time, most chosen first', () => {
    expect(pledgeCardRows(day, allTime)).toEqual([
      { stationId: 'pledge', id: 'tell-an-adult', today: 1, allTime: 2 },
      { stationId: 'pledge', id: 'block-report', today: 1, allTime: 1 },
    ]);
  });

  it('lists lantern colours summed over the days, with zero for a colour not chosen today', () => {
    const noneToday = tallies([pledge('block-report', 'gold')], [today]);
    expect(lanternColourRows(noneToday, allTime)).toEqual([
      { stationId: 'pledge', id: 'gold', today: 1, allTime: 2 },
      { stationId: 'pledge', id: 'teal', today: 0, allTime: 1 },
    ]);
  });

  it('is empty without pledges', () => {
    const empty = tallies([], [today]);
    expect(pledgeCardRows(empty, empty)).toEqual([]);
    expect(lanternColourRows(empty, empty)).toEqual([]);
  });
});
