/**
 * The organisers' live page at the collector's root: festival totals and each kiosk's
 * figures and health, Vietnamese first, English second, refreshing itself every 15 s.
 * Kiosks silent for more than 10 minutes stand out.
 */
import type { FestivalTotals } from '../electron/bridge/admin-contract.js';
import type { KioskSummary } from './store.js';

/** A kiosk whose last heartbeat is older than this is shown as silent. */
export const SILENT_AFTER_MS = 10 * 60_000;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page as HTML (no scripts: it reloads itself with a meta refresh). */
export function livePage(totals: FestivalTotals, kiosks: readonly KioskSummary[], now: Date): string {
  const rows = kiosks
    .map((kiosk) => {
      const silent =
        kiosk.lastHeartbeatAt === null || now.getTime() - Date.parse(kiosk.lastHeartbeatAt) > SILENT_AFTER_MS;
      return `<tr class="${silent ? 'silent' : 'ok'}" data-kiosk="${escape(kiosk.kioskId)}">
  <td>${escape(kiosk.kioskId)}</td><td>${kiosk.sessions}</td><td>${kiosk.pledges}</td><td>${kiosk.records}</td>
  <td>${kiosk.lastHeartbeatAt === null ? '—' : escape(kiosk.lastHeartbeatAt.slice(0, 16).replace('T', ' '))} UTC${silent ? ' · <strong>im lặng / silent</strong>' : ''}</td>
  <td>${kiosk.pendingRecords ?? '—'}</td><td>${escape(kiosk.appVersion ?? '—')}</td><td>${escape(kiosk.lastError ?? '')}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="15">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không Một Mình – bảng điều phối / Not Alone – organisers</title>
<style>
body{font:18px/1.4 system-ui,sans-serif;margin:2rem;color:#14213d;background:#fdfcf7}
h1{font-size:1.8rem}.totals{display:flex;gap:2rem;margin:1rem 0 2rem}
.totals div{background:#fff;border-radius:12px;padding:1rem 1.5rem;box-shadow:0 1px 4px #0002}
.totals b{display:block;font-size:2.4rem}table{border-collapse:collapse;width:100%;background:#fff}
th,td{padding:.5rem .75rem;border-bottom:1px solid #ddd;text-align:left}tr.silent{background:#ffe3e0}
.en{color:#555;font-size:.85em}
</style></head><body>
<h1>Không Một Mình – số liệu toàn lễ hội <span class="en">/ Not Alone – festival totals</span></h1>
<div class="totals">
<div data-total="sessions"><b>${totals.sessions}</b>lượt chơi <span class="en">/ sessions</span></div>
<div data-total="pledges"><b>${totals.pledges}</b>lời hứa <span class="en">/ pledges</span></div>
<div data-total="kiosks"><b>${totals.kiosks}</b>máy <span class="en">/ kiosks</span></div>
</div>
<table><thead><tr><th>Máy <span class="en">Kiosk</span></th><th>Lượt chơi <span class="en">Sessions</span></th>
<th>Lời hứa <span class="en">Pledges</span></th><th>Bản ghi <span class="en">Records</span></th>
<th>Tín hiệu cuối <span class="en">Last heartbeat</span></th><th>Chờ gửi <span class="en">Pending</span></th>
<th>Phiên bản <span class="en">Version</span></th><th>Lỗi <span class="en">Last error</span></th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="en">Cập nhật ${escape(totals.at.slice(0, 19).replace('T', ' '))} UTC · tự làm mới mỗi 15 giây / refreshes every 15 s</p>
</body></html>
`;
}
