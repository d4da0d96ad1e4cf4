import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTally, parseArgs } from '../../electron/tally/run.js';
import { closeAll, openKiosk, setUp, type Kiosk } from '../backoffice/admin/support.js';
import { readCsvObjects } from '../backoffice/export/csv-reader.js';
import { tempDir } from '../backoffice/helpers.js';

afterEach(closeAll);

/**
 * Exports everything the kiosk has so far and gathers the files in one folder, as staff's
 * downloads land in one folder (each file has its own one-time download id); returns it.
 */
async function exportAll(kiosk: Kiosk, token: string): Promise<string> {
  const result = await kiosk.backOffice.admin.exportPeriod(token, 'all');
  const folder = tempDir('downloads-');
  for (const file of result.files) {
    const [, , id, name] = (file.downloadPath ?? '').split('/');
    fs.copyFileSync(path.join(kiosk.dir, 'exports', id ?? '', name ?? ''), path.join(folder, file.name));
  }
  return folder;
}

async function kioskWithId(kioskId: string): Promise<{ kiosk: Kiosk; token: string }> {
  const kiosk = openKiosk();
  const token = await setUp(kiosk);
  await kiosk.backOffice.admin.action({ adminToken: token, action: 'set-settings', settings: { kioskId } });
  return { kiosk, token };
}

function run(inputs: string[], outDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runTally(
    { inputs, outDir },
    {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      now: () => new Date('2025-11-23T10:00:00Z'),
      toolVersion: '9.9.9',
    },
  );
  const json = path.join(outDir, 'tallies-merged-2025-11-23.json');
  const merged = fs.existsSync(json)
    ? (JSON.parse(fs.readFileSync(json, 'utf8')) as {
        header: { recordCount: number; duplicatesSkipped: number; rejected: { file: string }[] };
        total: { totals: { sessions: number }; records: number };
        kiosks: Record<string, { totals: { sessions: number } }>;
      })
    : null;
  return { code, out, err: err.join('\n'), merged };
}

describe('npm run tally (merge)', () => {
  it('counts overlapping exports and the same export given twice once, per kiosk and in total', async () => {
    const a = await kioskWithId('hanoi-01');
    a.kiosk.playSession('visitor-a001');
    a.kiosk.playSession('visitor-a002');
    const a1 = await exportAll(a.kiosk, a.token); // 2 sessions
    a.kiosk.playSession('visitor-a003');
    const a2 = await exportAll(a.kiosk, a.token); // 3 sessions, overlapping a1
    const b = await kioskWithId('hue-02');
    b.kiosk.playSession('visitor-b001');
    const b1 = await exportAll(b.kiosk, b.token);
    const copy = path.join(tempDir('copy-'), 'a1-again');
    fs.cpSync(a1, copy, { recursive: true });

    const out = tempDir('merged-');
    const { code, merged, err } = run([a1, a2, b1, copy, a1], out);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(merged?.total.totals.sessions).toBe(4);
    expect(merged?.total.records).toBe(24);
    expect(merged?.kiosks['hanoi-01']?.totals.sessions).toBe(3);
    expect(merged?.kiosks['hue-02']?.totals.sessions).toBe(1);
    expect(merged?.header.duplicatesSkipped).toBe(12 + 12);

    const csv = fs.readFileSync(path.join(out, 'tallies-merged-2025-11-23.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsvObjects(csv.toString('utf8').slice(1));
    const sessions = (kiosk: string): string | undefined =>
      rows.find((r) => r.kiosk === kiosk && r.section === 'totals' && r.metric === 'sessions')?.value;
    expect([sessions('ALL'), sessions('hanoi-01'), sessions('hue-02')]).toEqual(['4', '3', '1']);
    const html = fs.readFileSync(path.join(out, 'report-merged-2025-11-23.html'), 'utf8');
    expect(html).toContain('hanoi-01');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('rejects corrupt, truncated, foreign and other-version files by name and merges the rest', async () => {
    const a = await kioskWithId('hanoi-01');
    a.kiosk.playSession('visitor-a001');
    const good = await exportAll(a.kiosk, a.token);
    const b = await kioskWithId('hue-02');
    b.kiosk.playSession('visitor-b001');
    b.kiosk.playSession('visitor-b002');
    const truncated = await exportAll(b.kiosk, b.token);
    const journal = fs.readdirSync(truncated).find((n) => n.endsWith('.jsonl')) ?? '';
    const bytes = fs.readFileSync(path.join(truncated, journal));
    fs.writeFileSync(path.join(truncated, journal), bytes.subarray(0, bytes.length - 40));

    const bad = tempDir('bad-');
    fs.writeFileSync(
      path.join(bad, 'tallies-corrupt.json'),
      '{"header": {"format": "not-alone-kiosk-export", ',
    );
    fs.writeFileSync(path.join(bad, 'other-program.json'), JSON.stringify({ name: 'spreadsheet', rows: [] }));
    const goodJson = fs.readdirSync(good).find((n) => n.endsWith('.json')) ?? '';
    const future = JSON.parse(fs.readFileSync(path.join(good, goodJson), 'utf8')) as {
      header: { formatVersion: number };
    };
    future.header.formatVersion = 99;
    fs.writeFileSync(path.join(bad, 'tallies-future.json'), JSON.stringify(future));
    fs.writeFileSync(
      path.join(bad, 'journal-cut.jsonl'),
      '{"id":"00000000-0000-4000-8000-000000000001","at":"2025-11-2',
    );
    fs.writeFileSync(path.join(bad, 'journal-foreign.jsonl'), '{"event":"click","x":1}\n');

    const out = tempDir('merged-');
    const { code, merged, err } = run([good, truncated, bad], out);
    expect(code).toBe(1);
    for (const name of [
      journal,
      'tallies-corrupt.json',
      'other-program.json',
      'tallies-future.json',
      'journal-cut.jsonl',
      'journal-foreign.jsonl',
    ]) {
      expect(err).toMatch(new RegExp(`Rejected [^\\n]*${name.replaceAll('.', '\\.')}: `));
    }
    expect(err).toContain('SHA-256 differs');
    expect(err).toContain('not a Không Một Mình kiosk export');
    expect(err).toContain('export format version 99');
    expect(err).toContain('not valid JSON');
    // Everything that was fine is merged.
    expect(merged?.total.totals.sessions).toBe(1);
    expect(merged?.kiosks['hanoi-01']?.totals.sessions).toBe(1);
    expect(merged?.header.rejected).toHaveLength(6);
  });

  it('exits 2 and writes nothing when nothing is usable; checks its arguments', () => {
    const bad = tempDir('bad-');
    fs.writeFileSync(path.join(bad, 'x.json'), 'nope');
    const out = path.join(tempDir('merged-'), 'out');
    const { code, err } = run([bad, path.join(bad, 'missing')], out);
    expect(code).toBe(2);
    expect(err).toContain('Nothing usable');
    expect(err).toContain('missing: no such file or folder');
    expect(fs.existsSync(out)).toBe(false);
    expect(parseArgs([], '/cwd')).toEqual({ error: 'Give at least one export folder or file.' });
    expect(parseArgs(['a', '--out', 'o'], '/cwd')).toEqual({ inputs: ['a'], outDir: 'o' });
    expect(parseArgs(['--out'], '/cwd')).toEqual({ error: '--out needs a folder.' });
  });
});
