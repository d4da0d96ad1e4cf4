import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, type JournalRecord } from '../../../electron/bridge/contract.js';
import { dispatch } from '../../../electron/bridge/dispatch.js';
import { CSV_COLUMNS } from '../../../electron/backoffice/export/csv.js';
import { ExportJsonSchema, localDate } from '../../../electron/backoffice/export/format.js';
import { createBridgeHandlers } from '../../../electron/backoffice/index.js';
import { roundOutboundTime } from '../../../electron/backoffice/outbound.js';
import { readLines } from '../helpers.js';
import { closeAll, openKiosk, setUp, type Kiosk } from '../admin/support.js';
import { readCsvObjects } from './csv-reader.js';
import { sid } from '../helpers.js';
import en from '../../../renderer/admin/locales/en.json' with { type: 'json' };
import vi from '../../../renderer/admin/locales/vi.json' with { type: 'json' };

afterEach(closeAll);

async function exportVia(kiosk: Kiosk, token: string, period: 'today' | 'all') {
  const answer = await dispatch(createBridgeHandlers(kiosk.backOffice), 'adminExport', {
    adminToken: token,
    period,
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return CHANNELS.adminExport.response.parse(answer.value);
}

function fileOf(kiosk: Kiosk, downloadPath: string | null): string {
  if (downloadPath === null) throw new Error('no download path');
  const [, , id, name] = downloadPath.split('/');
  return path.join(kiosk.dir, 'exports', id ?? '', name ?? '');
}

describe('export (browser host)', () => {
  it('writes CSV (BOM, CRLF), JSON, raw journal and HTML as downloads, totals equal to the tallies', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    kiosk.playSession('visitor-0001');
    kiosk.playSession('visitor-0002');
    kiosk.backOffice.record({
      type: 'check',
      sessionId: sid('visitor-0002'),
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      phase: 'before',
      correct: 1,
      total: 4,
    });
    kiosk.backOffice.record({
      type: 'check',
      sessionId: sid('visitor-0002'),
      sceneId: 'scam',
      scenarioId: 'otp-bank',
      phase: 'after',
      correct: 3,
      total: 4,
    });
    const kioskId = kiosk.backOffice.settings().kioskId;
    const date = localDate(kiosk.clock.now());
    const result = await exportVia(kiosk, token, 'all');
    expect(result.folder).toBeNull();
    expect(result.records).toBe(14);
    expect(result.files.map((f) => f.name)).toEqual([
      `tallies-${kioskId}-${date}.csv`,
      `tallies-${kioskId}-${date}.json`,
      `journal-${kioskId}-${date}.jsonl`,
      `report-${kioskId}-${date}.html`,
    ]);
    for (const file of result.files) {
      expect(file.downloadPath).toMatch(/^\/export\/[A-Za-z0-9_-]{22}\/[a-z]/);
      expect(fs.statSync(fileOf(kiosk, file.downloadPath)).size).toBe(file.bytes);
    }
    const [csvFile, jsonFile, journalFile, htmlFile] = result.files.map((f) => fileOf(kiosk, f.downloadPath));

    const csv = fs.readFileSync(csvFile ?? '');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = readCsvObjects(text);
    const tallies = kiosk.backOffice.tallies();
    const value = (section: string, key: string, metric: string): string | undefined =>
      rows.find((r) => r.section === section && r.key === key && r.metric === metric)?.value;
    expect(value('totals', 'all', 'sessions')).toBe(String(tallies.totals.sessions));
    expect(value('totals', 'all', 'completions')).toBe(String(tallies.totals.completions));
    expect(value('totals', 'all', 'pledges')).toBe(String(tallies.totals.pledges));
    expect(value('totals', 'all', 'records')).toBe('14');
    expect(value('station', 'scam', 'enters')).toBe('2');
    expect(value('check', 'scam/otp-bank', 'before_rate_pct')).toBe('25');
    expect(value('check', 'scam/otp-bank', 'after_rate_pct')).toBe('75');
    expect(value('scenario', 'scam/bank-call', 'outcome_safe')).toBe('2');
    // Two plays of 73 s each (the helper's session), each with one choice at node n-1.
    expect(value('scenario', 'scam/bank-call', 'duration_avg_s')).toBe('73');
    expect(value('choice', 'scam/bank-call/n-1/hang-up', 'chosen')).toBe('2');
    expect(value('station', 'scam', 'left_idle')).toBe('0');
    expect(rows.find((r) => r.metric === 'left_exited')?.label_en).toBe('Left the station: walked out');
    expect(rows.find((r) => r.metric === 'sessions')?.label_vi).toBe('Lượt tham quan');
    // Every metric written has its own label in both languages (from the staff locale).
    expect([
      ...new Set(rows.filter((r) => r.label_vi === r.metric || r.label_en === r.metric).map((r) => r.metric)),
    ]).toEqual([]);
    expect(rows.every((r) => r.kiosk === kioskId)).toBe(true);

    const json = ExportJsonSchema.parse(JSON.parse(fs.readFileSync(jsonFile ?? '', 'utf8')));
    const journalBytes = fs.readFileSync(journalFile ?? '');
    expect(json.header).toMatchObject({
      format: 'not-alone-kiosk-export',
      formatVersion: 2,
      kioskId,
      period: 'all',
      appVersion: '1.2.3',
      recordCount: 14,
      journalFile: path.basename(journalFile ?? ''),
      sha256: crypto.createHash('sha256').update(journalBytes).digest('hex'),
    });
    expect(json.tallies.totals).toEqual(tallies.totals);
    // The journal's records, each with its time rounded down to 5 minutes and nothing else changed.
    const stored = readLines(path.join(kiosk.dir, 'journal.jsonl')) as JournalRecord[];
    const exported = journalBytes
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JournalRecord);
    expect(exported).toEqual(stored.map((record) => ({ ...record, at: roundOutboundTime(record.at) })));
    expect(exported.every((record) => new Date(record.at).getTime() % (5 * 60_000) === 0)).toBe(true);
    expect(journalBytes.toString('utf8').startsWith('{"id":"')).toBe(true);

    const html = fs.readFileSync(htmlFile ?? '', 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Không Một Mình');
    expect(html).not.toMatch(/<script|https?:\/\/|src=|href=|@import|url\(/i);
    // The report's words are the staff locale's (report.html), the period's too.
    expect(html).toContain(
      `<h2>${vi.report.html.heading.totals}<small>${en.report.html.heading.totals}</small></h2>`,
    );
    expect(html).toContain(`${vi.report.html.period.all} / ${en.report.html.period.all}`);
    // No per-scenario check table: the check is per station and form, which the learning
    // section shows; before/after rates per scenario would mislead.
    expect(html).not.toContain('Check rounds per scenario');
    expect(html).not.toContain('Bài kiểm tra theo kịch bản');
    expect(html).toContain(en.report.html.heading.learning);
  });

  it('exports only today after an end of day, and "all" still everything', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    kiosk.playSession('visitor-0001');
    await kiosk.backOffice.admin.action({ adminToken: token, action: 'end-of-day' });
    kiosk.playSession('visitor-0002');
    const journal = fs.readFileSync(path.join(kiosk.dir, 'journal.jsonl'), 'utf8').split('\n');
    const today = await exportVia(kiosk, token, 'today');
    expect(today.records).toBe(6);
    const todayLines = fs.readFileSync(fileOf(kiosk, today.files[2]?.downloadPath ?? null), 'utf8');
    expect(todayLines).toBe(`${journal.slice(6, 12).join('\n')}\n`);
    const json = ExportJsonSchema.parse(
      JSON.parse(fs.readFileSync(fileOf(kiosk, today.files[1]?.downloadPath ?? null), 'utf8')),
    );
    expect(json.header.period).toBe('today');
    expect(json.tallies.totals.sessions).toBe(1);
    expect((await exportVia(kiosk, token, 'all')).records).toBe(12);
  });

  it('audits the export and needs a staff session', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    await exportVia(kiosk, token, 'all');
    expect(fs.readFileSync(path.join(kiosk.dir, 'audit.jsonl'), 'utf8')).toContain('"action":"export"');
    const refused = await dispatch(createBridgeHandlers(kiosk.backOffice), 'adminExport', {
      adminToken: 'x'.repeat(43),
      period: 'all',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
