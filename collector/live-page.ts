/**
 * The organisers' live page at the collector's root, Vietnamese first, English second:
 * festival totals; charts per kiosk, per station and per hour; the paired learning gain;
 * each kiosk's last heartbeat and health, silent kiosks standing out; links to the same
 * CSV / JSON / HTML exports as the merge command. Charts are inline SVG drawn here (the
 * report's own chart code), the figures come from the kiosk's tallies and learning code:
 * no script, no network fetch, and it reloads itself every 15 s.
 */
import type { FestivalTotals } from '../electron/bridge/admin-contract.js';
import type { Tallies } from '../electron/bridge/contract.js';
import { learningSection } from '../electron/backoffice/export/html-learning.js';
import { barChart, escapeHtml } from '../electron/backoffice/export/svg.js';
import type { MergeResult } from '../electron/tally/merge.js';
import type { KioskSummary } from './store.js';

/** A kiosk whose last heartbeat is older than this is shown as silent. */
export const SILENT_AFTER_MS = 10 * 60_000;
/** How often the page reloads itself. */
export const REFRESH_SECONDS = 15;
/** The hour chart shows the most recent hours that had activity, at most this many. */
const HOURS_SHOWN = 24;

export interface LivePageInput {
  totals: FestivalTotals;
  kiosks: readonly KioskSummary[];
  merged: MergeResult;
  now: Date;
}

const SERIES = [
  { name: 'Lượt chơi / Sessions', color: '#1f6feb' },
  { name: 'Hoàn thành / Completions', color: '#2da44e' },
  { name: 'Lời hứa / Pledges', color: '#bf8700' },
];

function heading(vi: string, en: string): string {
  return `<h2>${escapeHtml(vi)} <span class="en">/ ${escapeHtml(en)}</span></h2>`;
}

function table(
  headers: readonly (readonly [string, string])[],
  rows: readonly (string | number)[][],
): string {
  const head = headers
    .map(([vi, en]) => `<th>${escapeHtml(vi)} <span class="en">${escapeHtml(en)}</span></th>`)
    .join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${headers.length}">—</td></tr>`}</tbody></table>`;
}

function utc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function counts(tallies: Tallies | undefined): number[] {
  return [tallies?.totals.sessions ?? 0, tallies?.totals.completions ?? 0, tallies?.totals.pledges ?? 0];
}

/** One kiosk's health row: a kiosk that never synced (USB only) is told apart from a silent one. */
function kioskRow(kiosk: KioskSummary, tallies: Tallies | undefined, now: Date): string {
  const beat = kiosk.lastHeartbeatAt;
  const silent = beat !== null && now.getTime() - Date.parse(beat) > SILENT_AFTER_MS;
  const state = beat === null ? 'usb' : silent ? 'silent' : 'ok';
  const seen =
    beat === null
      ? 'chưa đồng bộ qua mạng (chỉ USB) <span class="en">/ never synced (USB only)</span>'
      : `${escapeHtml(utc(beat))}${silent ? ' · <strong>im lặng / silent</strong>' : ''}`;
  const [sessions = kiosk.sessions, completions = 0, pledges = kiosk.pledges] =
    tallies === undefined ? [] : counts(tallies);
  const disk = kiosk.freeDiskBytes === null ? '—' : `${(kiosk.freeDiskBytes / 1e9).toFixed(1)} GB`;
  return `<tr class="${state}" data-kiosk="${escapeHtml(kiosk.kioskId)}" data-state="${state}">
  <td>${escapeHtml(kiosk.kioskId)}</td><td data-col="sessions">${sessions}</td><td>${completions}</td>
  <td data-col="pledges">${pledges}</td><td>${kiosk.records}</td><td>${seen}</td>
  <td>${kiosk.pendingRecords ?? '—'}</td><td>${disk}</td><td>${escapeHtml(kiosk.appVersion ?? '—')}</td>
  <td>${escapeHtml(kiosk.lastError ?? '')}</td></tr>`;
}

const STYLE = `
body{font:17px/1.4 "Be Vietnam Pro",system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#14213d;background:#fdfcf7}
h1{font-size:1.8rem;margin:0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f6feb}
.en{color:#57606a;font-weight:normal;font-size:.85em}
.totals{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.totals div{background:#fff;border-radius:12px;padding:.8rem 1.4rem;box-shadow:0 1px 4px #0002}
.totals b{display:block;font-size:2.2rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
tr.silent{background:#ffd9d4;font-weight:600}tr.silent td:first-child{border-left:6px solid #cf222e}
tr.usb{background:#f3f0ff}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem}
.charts figure{margin:0;background:#fff;border-radius:12px;padding:.5rem;box-shadow:0 1px 4px #0002}
.charts svg{width:100%;height:auto}figcaption{font-weight:600}
.exports a{margin-right:1.5rem}
.meta{color:#57606a;font-size:.85rem}
`;

function figure(vi: string, en: string, svg: string): string {
  return `<figure><figcaption>${escapeHtml(vi)} <span class="en">/ ${escapeHtml(en)}</span></figcaption>${svg}</figure>`;
}

/** The page as one self-contained HTML document. */
export function livePage(input: LivePageInput): string {
  const { totals, kiosks, merged, now } = input;
  const total = merged.total;
  const silent = kiosks.filter(
    (kiosk) =>
      kiosk.lastHeartbeatAt !== null && now.getTime() - Date.parse(kiosk.lastHeartbeatAt) > SILENT_AFTER_MS,
  );
  const stations = Object.entries(total.scenes).sort(([a], [b]) => a.localeCompare(b));
  const hours = total.byHour.slice(-HOURS_SHOWN);
  const cards: [string, string, string, number][] = [
    ['sessions', 'lượt chơi', 'sessions', totals.sessions],
    ['completions', 'hoàn thành', 'completions', total.totals.completions],
    ['pledges', 'lời hứa', 'pledges', totals.pledges],
    ['kiosks', 'máy', 'kiosks', totals.kiosks],
    ['silent', 'máy im lặng', 'silent kiosks', silent.length],
  ];
  const charts = [
    figure(
      'Theo máy',
      'Per kiosk',
      barChart(
        kiosks.map((kiosk) => ({ label: kiosk.kioskId, values: counts(merged.kiosks[kiosk.kioskId]) })),
        { title: 'Theo máy / Per kiosk', series: SERIES },
      ),
    ),
    figure(
      'Theo trạm',
      'Per station',
      barChart(
        stations.map(([id, scene]) => ({ label: id, values: [scene.enters, scene.completions] })),
        {
          title: 'Theo trạm / Per station',
          series: [
            { name: 'Lượt vào / Entries', color: '#1f6feb' },
            { name: 'Hoàn thành / Completions', color: '#2da44e' },
          ],
        },
      ),
    ),
    figure(
      'Theo giờ (giờ máy chủ)',
      "Per hour (collector's local time)",
      barChart(
        hours.map((bucket) => ({
          label: bucket.hour.slice(11, 13),
          values: [bucket.sessions, bucket.completions, bucket.pledges],
        })),
        { title: 'Theo giờ / Per hour', series: SERIES, width: 900 },
      ),
    ),
  ];
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không Một Mình – bảng điều phối / Not Alone – organisers</title>
<style>${STYLE}</style></head><body>
<h1>Không Một Mình – số liệu toàn lễ hội <span class="en">/ Not Alone – festival figures, live</span></h1>
<div class="totals">
${cards.map(([key, vi, en, value]) => `<div data-total="${key}"><b>${value}</b>${escapeHtml(vi)} <span class="en">/ ${escapeHtml(en)}</span></div>`).join('\n')}
</div>
${heading('Các máy', 'Kiosks')}
<table><thead><tr><th>Máy <span class="en">Kiosk</span></th><th>Lượt chơi <span class="en">Sessions</span></th>
<th>Hoàn thành <span class="en">Completions</span></th><th>Lời hứa <span class="en">Pledges</span></th>
<th>Bản ghi <span class="en">Records</span></th><th>Tín hiệu cuối <span class="en">Last heartbeat</span></th>
<th>Chờ gửi <span class="en">Pending</span></th><th>Đĩa trống <span class="en">Free disk</span></th>
<th>Phiên bản <span class="en">Version</span></th><th>Lỗi cuối <span class="en">Last error</span></th></tr></thead>
<tbody>
${kiosks.map((kiosk) => kioskRow(kiosk, merged.kiosks[kiosk.kioskId], now)).join('\n')}
</tbody></table>
<p class="meta">Máy im lặng: không có tín hiệu hơn ${SILENT_AFTER_MS / 60_000} phút. / Silent: no heartbeat for more than ${SILENT_AFTER_MS / 60_000} minutes.</p>
${heading('Biểu đồ', 'Charts')}
<div class="charts">
${charts.join('\n')}
</div>
${learningSection(total, heading, table)}
${heading('Tải về', 'Downloads')}
<p class="exports"><a href="/export/csv" download>CSV</a><a href="/export/json" download>JSON</a><a href="/export/html">Báo cáo HTML / HTML report</a></p>
<p class="meta">Cập nhật ${escapeHtml(utc(totals.at))} · tự làm mới mỗi ${REFRESH_SECONDS} giây / refreshes every ${REFRESH_SECONDS} s · dữ liệu ẩn danh / anonymous data</p>
</body></html>
`;
}
