/**
 * The stations' content checks (each station's check.ts, reached through the registry): every
 * shipped station passes on its real content, and broken copies of real files (a scenario
 * without a field, a "scam or safe?" item with a wrong type, a pledge card file that breaks
 * the schema) are reported with the station, the file and the field, as kiosk.log and the
 * staff notice show them.
 */
import { describe, expect, it } from 'vitest';
import {
  buildRegistry,
  checkStation,
  findStation,
  STATIONS,
  stationProblem,
  type BrokenStation,
} from '../../scenes/registry.js';
import { CONTENT as KIDNAP } from '../../scenes/kidnap/files.js';
import { loadPledgeContent } from '../../scenes/pledge/content.js';
import { CONTENT as PLEDGE } from '../../scenes/pledge/files.js';
import { CONTENT as SCAM } from '../../scenes/scam/files.js';
import { stationContent } from '../../scenes/shared/story-station/content.js';
import type { StationCheck } from '../../scenes/station.js';
import { fakeStationLoader, fakeStationMeta } from './station-fakes.js';

type Json = Record<string, unknown>;

/** A deep copy of a station's content glob with one file changed by `edit`. */
function withFile(
  modules: Readonly<Record<string, unknown>>,
  file: string,
  edit: (json: Json) => void,
): Record<string, unknown> {
  const copy = structuredClone(modules) as Record<string, unknown>;
  const json = copy[file] as Json | undefined;
  if (json === undefined) throw new Error(`no ${file} in the glob (keys: ${Object.keys(copy).join(', ')})`);
  edit(json);
  return copy;
}

/** What the shell is told about `station` when `load` throws. */
function problemOf(station: string, load: () => unknown): BrokenStation {
  try {
    load();
  } catch (error) {
    return stationProblem(station, error);
  }
  throw new Error(`the broken ${station} content was accepted`);
}

describe('the shipped stations', () => {
  it('each has a content check, reached through the registry', () => {
    expect(STATIONS.map((station) => [station.id, typeof station.loadCheck])).toEqual(
      STATIONS.map((station) => [station.id, 'function']),
    );
    expect(STATIONS.map((station) => station.id)).toEqual(
      expect.arrayContaining(['scam', 'kidnap', 'pledge']),
    );
  });

  for (const id of ['scam', 'kidnap', 'pledge']) {
    it(`${id}: its real content passes its check`, async () => {
      const station = findStation(id);
      expect(station).toBeDefined();
      if (station) expect(await checkStation(station)).toBeNull();
    });
  }
});

describe('a broken content file', () => {
  it('a scenario without its start names the file and the field', () => {
    const broken = withFile(SCAM, './content/scenarios/otp-bank.en.json', (json) => {
      delete json.start;
    });
    const problem = problemOf('scam', () => stationContent(broken));
    expect(problem).toMatchObject({
      station: 'scam',
      file: 'otp-bank.en.json',
      field: 'start',
      detail: 'is required',
      lasting: true,
    });
    expect(problem.problem).toContain('otp-bank.en.json: start: is required');
  });

  it('a "scam or safe?" item with a wrong type names the file and the field', () => {
    const broken = withFile(KIDNAP, './content/checks.vi.json', (json) => {
      const items = json.items as Json[];
      const item = items[2];
      if (item) item.text = 42;
    });
    const problem = problemOf('kidnap', () => stationContent(broken));
    expect(problem).toMatchObject({ station: 'kidnap', file: 'checks.vi.json', field: 'items[2].text' });
    expect(problem.detail).toBe('must be text');
  });

  it('a pledge card file that breaks the schema names the file and the field', () => {
    const broken = withFile(PLEDGE, './content/pledges.en.json', (json) => {
      const cards = json.cards as Json[];
      const card = cards[1];
      if (card) card.icon = 'no-such-picture';
    });
    const problem = problemOf('pledge', () => loadPledgeContent(broken));
    expect(problem).toMatchObject({
      station: 'pledge',
      file: 'pledges.en.json',
      field: 'cards.1.icon',
      detail: 'not a picture of the picture kit',
    });
  });

  it('is cached with the verdict: the check and the mount validate the same glob once', () => {
    expect(stationContent(SCAM)).toBe(stationContent(SCAM));
  });
});

describe('the registry and the checks', () => {
  const meta = fakeStationMeta;
  const loader = fakeStationLoader;
  const failing: StationCheck = () => {
    stationContent(
      withFile(SCAM, './content/scenarios/grooming.vi.json', (json) => {
        json.nodes = 'none';
      }),
    );
  };

  it('gives a station its check.ts, and reports what a failing check names', async () => {
    const registry = buildRegistry(
      { './aa/station.json': meta('aa', 1), './bb/station.json': meta('bb', 2) },
      { './aa/index.ts': loader, './bb/index.ts': loader },
      { './bb/check.ts': () => Promise.resolve(failing) },
    );
    const [aa, bb] = registry.stations;
    expect(aa?.loadCheck).toBeUndefined();
    expect(aa && (await checkStation(aa))).toBeNull();
    expect(bb && (await checkStation(bb))).toMatchObject({
      station: 'bb',
      file: 'grooming.vi.json',
      field: 'nodes',
      lasting: true,
    });
  });

  it('does not call a station broken when its check could not be loaded', async () => {
    const registry = buildRegistry(
      { './aa/station.json': meta('aa', 1) },
      { './aa/index.ts': loader },
      { './aa/check.ts': () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) },
    );
    const [aa] = registry.stations;
    expect(aa && (await checkStation(aa))).toMatchObject({
      station: 'aa',
      file: './aa/check.ts',
      lasting: false,
    });
  });

  it('calls a station broken when its check throws something else than a ContentError', async () => {
    const registry = buildRegistry(
      { './aa/station.json': meta('aa', 1) },
      { './aa/index.ts': loader },
      {
        './aa/check.ts': () =>
          Promise.resolve(() => {
            throw new TypeError("Cannot read properties of undefined (reading 'nodes')");
          }),
      },
    );
    const [aa] = registry.stations;
    expect(aa && (await checkStation(aa))).toEqual({
      station: 'aa',
      file: './aa/check.ts',
      field: '',
      detail: "Cannot read properties of undefined (reading 'nodes')",
      problem: "Cannot read properties of undefined (reading 'nodes')",
      lasting: true,
    });
  });

  it('names the station.json and its field when that file is broken', () => {
    const registry = buildRegistry(
      { './aa/station.json': meta('aa', 1), './cc/station.json': { ...meta('cc', 2), color: 'red' } },
      { './aa/index.ts': loader, './cc/index.ts': loader },
    );
    expect(registry.broken).toEqual([
      {
        station: 'cc',
        file: './cc/station.json',
        field: 'color',
        detail: 'must be a colour like "#ff6b5b"',
        problem: './cc/station.json: color: must be a colour like "#ff6b5b"',
        lasting: true,
      },
    ]);
  });

  it('names the station code, and calls it passing, when it fails for another reason than content', () => {
    expect(stationProblem('kidnap', new TypeError('Failed to fetch dynamically imported module'))).toEqual({
      station: 'kidnap',
      file: './kidnap/index.ts',
      field: '',
      detail: 'Failed to fetch dynamically imported module',
      problem: 'Failed to fetch dynamically imported module',
      lasting: false,
    });
  });
});
