/**
 * The report's learning section: per station and per form of the before round, the sessions
 * that took both rounds, the mean share right before and after, the mean paired gain with its
 * 95% interval, hits and correct rejections apart, and the share at ceiling. Worded as an
 * immediate effect only: a kiosk without contact data cannot measure retention.
 */
import type { Tallies } from '../../bridge/contract.js';
import { sharePct, summarizeLearning } from '../../bridge/learning.js';
import { byStation } from './by-station.js';

type Heading = (vi: string, en: string) => string;
type Table = (headers: readonly [string, string][], rows: readonly (string | number)[][]) => string;

function pct(share: number | null | undefined): string {
  const value = sharePct(share ?? null);
  return value === null ? '—' : `${value.toFixed(1)} %`;
}

function signedPct(share: number | null): string {
  const value = sharePct(share);
  if (value === null) return '—';
  return `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
}

/** The section's HTML (heading, note and table). */
export function learningSection(tallies: Tallies, heading: Heading, table: Table): string {
  const rows = byStation(tallies.learning).map(([station, form, sums]) => {
    const s = summarizeLearning(sums);
    const interval =
      s?.gainLow == null || s.gainHigh == null ? '—' : `${signedPct(s.gainLow)} … ${signedPct(s.gainHigh)}`;
    return [
      `${station} / ${form}`,
      sums.sessions,
      pct(s?.before.mean),
      pct(s?.after.mean),
      s === null ? '—' : `${signedPct(s.gain)} pt`,
      interval,
      `${pct(s?.before.hitRate)} → ${pct(s?.after.hitRate)}`,
      `${pct(s?.before.correctRejectionRate)} → ${pct(s?.after.correctRejectionRate)}`,
      `${pct(s?.before.ceilingShare)} / ${pct(s?.after.ceilingShare)}`,
    ];
  });
  return [
    heading('Hiệu quả tức thì: trước / sau khi chơi', 'Immediate effect: before / after playing'),
    '<p class="meta">Chỉ tính các lượt làm đủ cả hai bài kiểm tra (ghép cặp theo lượt). Đo ngay sau khi chơi; ' +
      'không nói gì về việc ghi nhớ lâu dài. / Only sessions that took both checks (paired by session). ' +
      'Measured right after playing; it says nothing about how long the effect lasts.</p>',
    table(
      [
        ['Trạm / đề trước', 'Station / form before'],
        ['Lượt đủ 2 bài', 'Sessions, both rounds'],
        ['Đúng trước', 'Right before'],
        ['Đúng sau', 'Right after'],
        ['Tiến bộ TB', 'Mean gain'],
        ['Khoảng tin cậy 95%', '95% interval'],
        ['Nhận ra lừa đảo', 'Scams caught'],
        ['Nhận đúng tin thật', 'Real messages trusted'],
        ['Đúng hết trước / sau', 'All right before / after'],
      ],
      rows,
    ),
  ].join('\n');
}
