/**
 * The report's learning section: per station and per form of the before round, the sessions
 * that took both rounds, the mean share right before and after, the mean paired gain with its
 * 95% interval, hits and correct rejections apart, and the share at ceiling. Worded as an
 * immediate effect only: a kiosk without contact data cannot measure retention.
 */
import type { Tallies } from '../../bridge/contract.js';
import { sharePct, summarizeLearning } from '../../bridge/learning.js';
import { byStation } from './by-station.js';
import { reportLabel } from './labels.js';
import { escapeHtml } from './svg.js';

type Label = readonly [string, string];
type Heading = (vi: string, en: string) => string;
type Table = (headers: readonly Label[], rows: readonly (string | number)[][]) => string;

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
  const [noteVi, noteEn] = reportLabel('learning.note');
  return [
    heading(...reportLabel('heading.learning')),
    `<p class="meta">${escapeHtml(noteVi)} / ${escapeHtml(noteEn)}</p>`,
    table(
      [
        reportLabel('learning.stationForm'),
        reportLabel('learning.pairedSessions'),
        reportLabel('learning.rightBefore'),
        reportLabel('learning.rightAfter'),
        reportLabel('learning.meanGain'),
        reportLabel('learning.interval95'),
        reportLabel('learning.scamsCaught'),
        reportLabel('learning.realTrusted'),
        reportLabel('learning.allRight'),
      ],
      rows,
    ),
  ].join('\n');
}
