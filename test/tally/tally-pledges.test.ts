/**
 * Pledges per card and lantern colours per day through the exports (CSV, HTML report) and the
 * organisers' merge: each kiosk's records are counted once, colours summed per station and day.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VisitorEvent } from '../../electron/bridge/contract.js';
import { talliesRows } from '../../electron/backoffice/export/csv.js';
import { renderReport } from '../../electron/backoffice/export/html.js';
import { addRecord, createAggregate, toTallies } from '../../electron/backoffice/tallies.js';
import { runTally } from '../../electron/tally/run.js';
import { closeAll, openKiosk, setUp, type Kiosk } from '../backoffice/admin/support.js';
import { readCsvObjects } from '../backoffice/export/csv-reader.js';
import { sid, stamp, tempDir } from '../backoffice/helpers.js';

afterEach(closeAll);

const pledge = (label: string, pledgeId: string, colour?: string): VisitorEvent => ({
  type: 'pledge',
  sessionId: sid(label),
  sceneId: 'pledge',
  pledgeId,
  ...(colour === undefined ? {} : { colour }),
});

function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

async function kioskWithId(kioskId: string): Promise<{ kiosk: Kiosk; token: string }> {
  const kiosk = openKiosk();
  const token = await setUp(kiosk);
  await kiosk.backOffice.admin.action({ adminToken: token, action: 'set-settings', settings: { kioskId } });
  return { kiosk, token };
}

async function exportAll(kiosk: Kiosk, token: string): Promise<string> {
  const result = await kiosk.backOffice.admin.exportPeriod(token, 'all');
  const folder = tempDir('downloads-');
  for (const file of result.files) {
    const [, , id, name] = (file.downloadPath ?? '').split('/');
    fs.copyFileSync(path.join(kiosk.dir, 'exports', id ?? '', name ?? ''), path.join(folder, file.name));
  }
  return folder;
}

describe('pledges and lantern colours in the exports', () => {
  it('writes one CSV row per card and per station, day and colour, and both tables in the report', () => {
    const day = new Date(2025, 10, 22, 11);
    const agg = createAggregate();
    for (const [label, card, colour] of [
      ['v1', 'tell-an-adult', 'gold'],
      ['v1', 'never-share-otp', 'gold'],
      ['v2', 'tell-an-adult', 'teal'],
    ] as const)
      addRecord(agg, stamp(pledge(label, card, colour), day));
    const tallies = toTallies(agg, 'kiosk-1', new Date());
    const rows = talliesRows(tallies, 'kiosk-1');
    const value = (section: string, key: string) =>
      rows.find((row) => row.section === section && row.key === key)?.value;
    expect(value('pledge', 'pledge/tell-an-adult')).toBe(2);
    expect(value('lantern', `pledge/${localDay(day)}/gold`)).toBe(2);
    expect(value('lantern', `pledge/${localDay(day)}/teal`)).toBe(1);
    expect(rows.find((row) => row.section === 'lantern')?.label_en).toBe('Lanterns by colour');

    const html = renderReport({
      subject: 'kiosk-1',
      periodLabel: { vi: 'Hôm nay', en: 'Today' },
      from: null,
      to: null,
      generatedAt: new Date().toISOString(),
      appVersion: '1.0.0',
      tallies,
    });
    expect(html).toContain('Pledges per card');
    expect(html).toContain('<td>pledge / tell-an-adult</td><td>2</td>');
    expect(html).toContain('Lantern colours per day');
    expect(html).toContain(`<td>pledge / ${localDay(day)}</td><td>teal</td><td>1</td>`);
  });

  it('leaves the pledge tables out of a report without pledges', () => {
    const html = renderReport({
      subject: 'k',
      periodLabel: { vi: 'Hôm nay', en: 'Today' },
      from: null,
      to: null,
      generatedAt: new Date().toISOString(),
      appVersion: '1.0.0',
      tallies: toTallies(createAggregate(), 'k', new Date()),
    });
    expect(html).not.toContain('Pledges per card');
  });

  it('merges colours and cards of several kiosks, each record once', async () => {
    const a = await kioskWithId('hanoi-01');
    a.kiosk.backOffice.record(pledge('a1', 'tell-an-adult', 'gold'));
    a.kiosk.backOffice.record(pledge('a1', 'never-share-otp', 'gold'));
    const a1 = await exportAll(a.kiosk, a.token);
    a.kiosk.backOffice.record(pledge('a2', 'tell-an-adult', 'teal'));
    const a2 = await exportAll(a.kiosk, a.token); // overlaps a1
    const b = await kioskWithId('hue-02');
    b.kiosk.backOffice.record(pledge('b1', 'tell-an-adult', 'teal'));
    // A record from a kiosk version before colours: still a pledge, no lantern colour.
    b.kiosk.backOffice.record(pledge('b2', 'never-share-otp'));
    const b1 = await exportAll(b.kiosk, b.token);

    const out = tempDir('merged-');
    const code = runTally(
      { inputs: [a1, a2, b1], outDir: out },
      {
        out: () => undefined,
        err: () => undefined,
        now: () => new Date('2025-11-23T10:00:00Z'),
        toolVersion: '9',
      },
    );
    expect(code).toBe(0);
    const merged = JSON.parse(fs.readFileSync(path.join(out, 'tallies-merged-2025-11-23.json'), 'utf8')) as {
      total: {
        colours: Record<string, Record<string, Record<string, number>>>;
        scenes: Record<string, { pledges: Record<string, number> }>;
      };
      kiosks: Record<string, { colours: Record<string, Record<string, Record<string, number>>> }>;
    };
    const sum = (byDay: Record<string, Record<string, number>> | undefined) => {
      const out: Record<string, number> = {};
      for (const day of Object.values(byDay ?? {}))
        for (const [colour, n] of Object.entries(day)) out[colour] = (out[colour] ?? 0) + n;
      return out;
    };
    expect(sum(merged.total.colours.pledge)).toEqual({ gold: 2, teal: 2 });
    expect(sum(merged.kiosks['hue-02']?.colours.pledge)).toEqual({ teal: 1 });
    expect(merged.total.scenes.pledge?.pledges).toEqual({ 'tell-an-adult': 3, 'never-share-otp': 2 });

    const rows = readCsvObjects(
      fs.readFileSync(path.join(out, 'tallies-merged-2025-11-23.csv'), 'utf8').slice(1),
    );
    const lanterns = rows.filter((row) => row.kiosk === 'ALL' && row.section === 'lantern');
    expect(lanterns.reduce((total, row) => total + Number(row.value), 0)).toBe(4);
    const html = fs.readFileSync(path.join(out, 'report-merged-2025-11-23.html'), 'utf8');
    expect(html).toContain('<td>pledge / tell-an-adult</td><td>3</td>');
  });
});
