/**
 * Lantern colours per station and day: counted from pledge records, read back by the station
 * (stationTally), kept by the replay checkpoint, and absent (defaulted) in older tallies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stationTally, TalliesSchema, type VisitorEvent } from '../../electron/bridge/contract.js';
import { CHECKPOINT_FILE, openJournal } from '../../electron/backoffice/journal.js';
import { addRecord, createAggregate, fromTallies, toTallies } from '../../electron/backoffice/tallies.js';
import { memoryLogger, sid, stamp, tempDir } from './helpers.js';

/** Local "YYYY-MM-DD", computed independently of the code under test. */
function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

const pledge = (label: string, pledgeId: string, colour?: string): VisitorEvent => ({
  type: 'pledge',
  sessionId: sid(label),
  sceneId: 'pledge',
  pledgeId,
  ...(colour === undefined ? {} : { colour }),
});

const dayOne = new Date(2025, 10, 22, 10, 0);
const dayTwo = new Date(2025, 10, 23, 16, 30);

function pledges(): ReturnType<typeof stamp>[] {
  return [
    stamp(pledge('v1', 'tell-an-adult', 'gold'), dayOne),
    stamp(pledge('v1', 'never-share-otp', 'gold'), dayOne),
    stamp(pledge('v2', 'tell-an-adult', 'teal'), dayOne),
    stamp(pledge('v3', 'tell-an-adult', 'teal'), dayTwo),
    // Records from before colours existed: a pledge without one.
    stamp(pledge('v4', 'never-share-otp'), dayTwo),
  ];
}

describe('lantern colours in the tallies', () => {
  it('counts colours per station and local day, and pledges per card', () => {
    const agg = createAggregate();
    for (const record of pledges()) addRecord(agg, record);
    const tallies = toTallies(agg, 'k', new Date());
    expect(TalliesSchema.parse(tallies)).toEqual(tallies);
    expect(tallies.colours).toEqual({
      pledge: { [localDay(dayOne)]: { gold: 2, teal: 1 }, [localDay(dayTwo)]: { teal: 1 } },
    });
    expect(tallies.scenes.pledge?.pledges).toEqual({ 'tell-an-adult': 3, 'never-share-otp': 2 });
  });

  it('gives the station its colours summed over the days', () => {
    const agg = createAggregate();
    for (const record of pledges()) addRecord(agg, record);
    const station = stationTally(toTallies(agg, 'k', new Date()), 'pledge');
    expect(station.colours).toEqual({ gold: 2, teal: 2 });
    expect(station.pledges).toBe(5);
    expect(stationTally(toTallies(agg, 'k', new Date()), 'scam').colours).toEqual({});
  });

  it('survives the round trip through the checkpoint shape (fromTallies)', () => {
    const agg = createAggregate();
    for (const record of pledges()) addRecord(agg, record);
    const restored = fromTallies(toTallies(agg, 'k', new Date(0)), []);
    addRecord(restored, stamp(pledge('v5', 'tell-an-adult', 'gold'), dayTwo));
    expect(toTallies(restored, 'k', new Date(0)).colours.pledge?.[localDay(dayTwo)]).toEqual({
      teal: 1,
      gold: 1,
    });
  });

  it('reads tallies written before colours were counted (older exports) as no colours', () => {
    const agg = createAggregate();
    for (const record of pledges()) addRecord(agg, record);
    const older: Partial<ReturnType<typeof toTallies>> = toTallies(agg, 'k', new Date());
    delete older.colours;
    const parsed = TalliesSchema.parse(older);
    expect(parsed.colours).toEqual({});
    expect(stationTally(parsed, 'pledge').colours).toEqual({});
  });

  it('ignores a checkpoint of the previous format, so the colours come from a full replay', () => {
    const dir = tempDir();
    const now = new Date('2025-11-23T08:00:00.000Z');
    const first = openJournal({ dataDir: dir, logger: memoryLogger(), now: () => now });
    first.appendMany(pledges());
    first.close();
    const file = path.join(dir, CHECKPOINT_FILE);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: number; tallies: object };
    // What a kiosk running the previous version left: format 4, no colours in its tallies.
    const olderTallies: Record<string, unknown> = { ...saved.tallies };
    delete olderTallies.colours;
    fs.writeFileSync(file, JSON.stringify({ ...saved, format: saved.format - 1, tallies: olderTallies }));

    const reopened = openJournal({ dataDir: dir, logger: memoryLogger(), now: () => now });
    expect(reopened.lastReplay.checkpointBytes).toBe(0);
    expect(stationTally(toTallies(reopened.aggregate, 'k', now), 'pledge').colours).toEqual({
      gold: 2,
      teal: 2,
    });
    reopened.close();

    // The current format's checkpoint (written on close) is used and keeps the colours.
    const warm = openJournal({ dataDir: dir, logger: memoryLogger(), now: () => now });
    expect(warm.lastReplay.checkpointBytes).toBe(warm.bytes);
    expect(stationTally(toTallies(warm.aggregate, 'k', now), 'pledge').colours).toEqual({ gold: 2, teal: 2 });
    warm.close();
  });
});
