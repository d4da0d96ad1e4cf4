import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BROKEN_STATIONS,
  buildRegistry,
  buildStations,
  findStation,
  STATIONS,
  stationTexts,
} from '../../scenes/registry.js';
import { fakeStationLoader, fakeStationMeta } from './station-fakes.js';

const meta = fakeStationMeta;
const loader = fakeStationLoader;

describe('the registry', () => {
  it('finds every station folder, with its name from station.json', () => {
    const onDisk = JSON.parse(fs.readFileSync('scenes/scam/station.json', 'utf8')) as {
      name: { en: string };
    };
    expect(findStation('scam')?.name.en).toBe(onDisk.name.en);
    expect(STATIONS.every((station) => typeof station.load === 'function')).toBe(true);
  });

  it('orders stations by their order, parses the colour and gives i18n keys and texts', () => {
    const stations = buildStations(
      { './bb/station.json': meta('bb', 2), './aa/station.json': meta('aa', 1) },
      { './aa/index.ts': loader, './bb/index.ts': loader },
    );
    expect(stations.map((station) => station.id)).toEqual(['aa', 'bb']);
    expect(stations[0]?.color).toBe(0x00ff80);
    expect(stations[0]?.titleKey).toBe('stations.aa.title');
    expect(stationTexts(stations, 'en')).toEqual({
      stations: { aa: { title: 'aa en', pitch: 'p en' }, bb: { title: 'bb en', pitch: 'p en' } },
    });
  });

  it('refuses a station without its index.ts, and a picture the kit does not have', () => {
    expect(() => buildStations({ './aa/station.json': meta('aa', 1) }, {})).toThrow(/has no index\.ts/);
    expect(() =>
      buildStations(
        { './aa/station.json': { ...meta('aa', 1), icon: 'no-such' } },
        { './aa/index.ts': loader },
      ),
    ).toThrow(/no picture "no-such"/);
  });
});

describe('a broken station file', () => {
  it('leaves that station out of the hub, names its file and field, and keeps the others', () => {
    const fixture = JSON.parse(
      fs.readFileSync('test/scenes/fixtures/broken/station.json', 'utf8'),
    ) as unknown;
    const registry = buildRegistry(
      {
        './aa/station.json': meta('aa', 1),
        './broken/station.json': fixture,
        './cc/station.json': meta('cc', 3),
      },
      { './aa/index.ts': loader, './broken/index.ts': loader, './cc/index.ts': loader },
    );
    expect(registry.stations.map((station) => station.id)).toEqual(['aa', 'cc']);
    expect(registry.broken).toHaveLength(1);
    expect(registry.broken[0]?.file).toBe('./broken/station.json');
    expect(registry.broken[0]?.problem).toBe('./broken/station.json: color: must be a colour like "#ff6b5b"');
  });

  it('leaves out a station whose index.ts is missing, and refuses all-or-nothing callers', () => {
    const registry = buildRegistry(
      { './aa/station.json': meta('aa', 1), './bb/station.json': meta('bb', 2) },
      {
        './aa/index.ts': loader,
      },
    );
    expect(registry.stations.map((station) => station.id)).toEqual(['aa']);
    expect(registry.broken[0]?.problem).toMatch(/bb\/station\.json: station "bb" has no index\.ts/);
    expect(() => buildStations({ './bb/station.json': meta('bb', 2) }, {})).toThrow(/has no index\.ts/);
  });

  it('has no broken station among the ones shipped', () => {
    expect(BROKEN_STATIONS).toEqual([]);
  });
});
