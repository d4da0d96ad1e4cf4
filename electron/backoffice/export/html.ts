/**
 * The one-page printable report (HTML): totals, charts by hour and per station, before/after
 * recognition per station and form, and scenario outcomes, in Vietnamese with English
 * subtitles; its words come from the staff locale (labels.ts, key `report.html`). Fully
 * self-contained: inline CSS and SVG, no script, no external URL (it must open offline and
 * print the same on any organiser's laptop).
 */
import type { Tallies } from '../../bridge/contract.js';
import { byStation } from './by-station.js';
import { learningSection } from './html-learning.js';
import { metricLabel, reportLabel } from './labels.js';
import { barChart, escapeHtml } from './svg.js';

export const CAMPAIGN_VI = 'Không Một Mình';
export const CAMPAIGN_EN = 'Not Alone – Together for Online Safety';

export interface ReportInput {
  /** What the report covers, e.g. "kiosk-a1b2c3" or "3 ki-ốt / 3 kiosks". */
  subject: string;
  periodLabel: { vi: string; en: string };
  from: string | null;
  to: string | null;
  generatedAt: string;
  appVersion: string;
  tallies: Tallies;
  /** Merges: one row per kiosk in a comparison table. */
  kiosks?: Record<string, Tallies>;
}

const COLORS = {
  sessions: '#1f6feb',
  completions: '#2da44e',
  pledges: '#bf8700',
  before: '#8c959f',
  after: '#cf222e',
};

type Label = readonly [string, string];

function heading([vi, en]: Label): string {
  return `<h2>${escapeHtml(vi)}<small>${escapeHtml(en)}</small></h2>`;
}

/** A label as one "vi / en" string (chart titles and series). */
function both([vi, en]: Label): string {
  return `${vi} / ${en}`;
}

function localTime(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function table(headers: readonly Label[], rows: readonly (string | number)[][]): string {
  const head = headers
    .map(([vi, en]) => `<th>${escapeHtml(vi)}<small>${escapeHtml(en)}</small></th>`)
    .join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${headers.length}">—</td></tr>`}</tbody></table>`;
}

/** Sessions, completions and pledges summed per hour of the day (00–23) over the period. */
function byHourOfDay(tallies: Tallies): { label: string; values: number[] }[] {
  const hours = Array.from({ length: 24 }, (_, h) => ({
    label: String(h).padStart(2, '0'),
    values: [0, 0, 0],
  }));
  for (const bucket of tallies.byHour) {
    const hour = hours[Number(bucket.hour.slice(11, 13))];
    if (hour === undefined) continue;
    hour.values[0] = (hour.values[0] ?? 0) + bucket.sessions;
    hour.values[1] = (hour.values[1] ?? 0) + bucket.completions;
    hour.values[2] = (hour.values[2] ?? 0) + bucket.pledges;
  }
  return hours;
}

/** Seconds as "M:SS". */
function minutesSeconds(seconds: number): string {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

const SERIES = [
  { name: both(reportLabel('column.sessions')), color: COLORS.sessions },
  { name: both(reportLabel('column.completions')), color: COLORS.completions },
  { name: both(metricLabel('pledges')), color: COLORS.pledges },
];

const STYLE = `
body{font-family:"Be Vietnam Pro","Segoe UI",Arial,sans-serif;color:#1b1f24;margin:24px auto;max-width:900px;padding:0 16px}
h1{margin:0;font-size:26px}h1 small,h2 small,th small{display:block;font-weight:normal;color:#57606a;font-size:60%}
h2{font-size:18px;margin:24px 0 8px;border-bottom:2px solid #1f6feb;padding-bottom:4px}
.meta{color:#57606a;font-size:13px;margin:6px 0 0}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{flex:1 1 150px;border:1px solid #d0d7de;border-radius:8px;padding:10px}
.card b{display:block;font-size:28px}.card span{font-size:12px;color:#57606a}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left}
th{background:#f6f8fa}td:not(:first-child){text-align:right}
footer{margin-top:24px;font-size:11px;color:#57606a}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}svg,table{break-inside:avoid}.card{border-color:#999}}
`;

/** Pledges per card, and lantern colours per day, of every station that recorded any. */
function pledgeSection(t: Tallies): string {
  const cards = Object.keys(t.scenes)
    .sort()
    .flatMap((station) =>
      Object.entries(t.scenes[station]?.pledges ?? {})
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([card, count]) => [`${station} / ${card}`, count]),
    );
  const colours = byStation(t.colours).flatMap(([station, day, counts]) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([colour, count]) => [`${station} / ${day}`, colour, count]),
  );
  if (cards.length === 0 && colours.length === 0) return '';
  return [
    heading(reportLabel('heading.pledgesPerCard')),
    table([reportLabel('column.stationCard'), metricLabel('pledges')], cards),
    heading(reportLabel('heading.lanternsPerDay')),
    table(
      [reportLabel('column.stationDay'), reportLabel('column.colour'), reportLabel('column.lanterns')],
      colours,
    ),
  ].join('\n');
}

/** The report as one self-contained HTML document. */
export function renderReport(input: ReportInput): string {
  const t = input.tallies;
  const cards = [
    [metricLabel('sessions'), t.totals.sessions],
    [metricLabel('completions'), t.totals.completions],
    [metricLabel('pledges'), t.totals.pledges],
    [metricLabel('records'), t.records],
  ] as const;
  const [titleVi, titleEn] = reportLabel('title');
  const stations = Object.entries(t.scenes).sort(([a], [b]) => a.localeCompare(b));
  const parts: string[] = [];
  parts.push(
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${CAMPAIGN_VI} – ${input.subject}`)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(CAMPAIGN_VI)} – ${escapeHtml(titleVi)}<small>${escapeHtml(CAMPAIGN_EN)} – ${escapeHtml(titleEn)}</small></h1>`,
    `<p class="meta">${escapeHtml(input.subject)} · ${escapeHtml(input.periodLabel.vi)} / ${escapeHtml(input.periodLabel.en)} · ` +
      `${escapeHtml(localTime(input.from))} → ${escapeHtml(localTime(input.to))}</p></header>`,
    heading(reportLabel('heading.totals')),
    `<div class="cards">${cards
      .map(
        ([[vi, en], value]) =>
          `<div class="card"><b>${value}</b><span>${escapeHtml(vi)} / ${escapeHtml(en)}</span></div>`,
      )
      .join('')}</div>`,
    heading(reportLabel('heading.byHour')),
    barChart(byHourOfDay(t), { title: both(reportLabel('chart.byHour')), series: SERIES }),
  );
  if (t.byDay.length > 1) {
    parts.push(
      heading(reportLabel('heading.byDay')),
      barChart(
        t.byDay.map((d) => ({ label: d.day.slice(5), values: [d.sessions, d.completions, d.pledges] })),
        { title: both(reportLabel('heading.byDay')), series: SERIES },
      ),
    );
  }
  parts.push(
    heading(reportLabel('heading.perStation')),
    barChart(
      stations.map(([id, s]) => ({ label: id, values: [s.enters, s.completions] })),
      {
        title: both(reportLabel('heading.perStation')),
        series: [
          { name: both(reportLabel('column.entries')), color: COLORS.sessions },
          { name: both(reportLabel('column.completions')), color: COLORS.completions },
        ],
        height: 200,
      },
    ),
    table(
      [
        reportLabel('column.station'),
        reportLabel('column.entries'),
        reportLabel('column.completions'),
        reportLabel('column.walkedOut'),
        reportLabel('column.idleTimeout'),
      ],
      stations.map(([id, s]) => [id, s.enters, s.completions, s.leaves.exited ?? 0, s.leaves.idle ?? 0]),
    ),
  );
  parts.push(pledgeSection(t));
  parts.push(learningSection(t, (vi, en) => heading([vi, en]), table));
  parts.push(
    heading(reportLabel('heading.scenarios')),
    table(
      [
        reportLabel('column.stationScenario'),
        reportLabel('column.started'),
        reportLabel('column.abandoned'),
        reportLabel('column.endings'),
        reportLabel('column.safe'),
        reportLabel('column.harmed'),
        reportLabel('column.rescued'),
        reportLabel('column.flagsSpotted'),
        reportLabel('column.flagsMissed'),
        reportLabel('column.avgTime'),
      ],
      byStation(t.scenarios).map(([station, id, s]) => [
        `${station} / ${id}`,
        s.starts,
        s.abandoned,
        s.plays,
        s.outcomes.safe ?? 0,
        s.outcomes.harmed ?? 0,
        s.outcomes.rescued ?? 0,
        s.redFlagsSpotted,
        s.redFlagsMissed,
        s.plays === 0 ? '—' : minutesSeconds(s.durationMs / s.plays / 1000),
      ]),
    ),
  );
  if (input.kiosks !== undefined) {
    const kiosks = Object.entries(input.kiosks).sort(([a], [b]) => a.localeCompare(b));
    parts.push(
      heading(reportLabel('heading.perKiosk')),
      table(
        [
          reportLabel('column.kiosk'),
          reportLabel('column.sessions'),
          reportLabel('column.completions'),
          metricLabel('pledges'),
          metricLabel('records'),
        ],
        kiosks.map(([id, k]) => [id, k.totals.sessions, k.totals.completions, k.totals.pledges, k.records]),
      ),
    );
  }
  parts.push(
    `<footer>${escapeHtml(both(reportLabel('footer.generated')))} ${escapeHtml(localTime(input.generatedAt))} · ` +
      `v${escapeHtml(input.appVersion)} · ${escapeHtml(both(reportLabel('footer.anonymous')))}</footer></body></html>`,
  );
  return parts.join('\n');
}
