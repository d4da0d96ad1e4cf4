/**
 * Tallies as a tidy "long" CSV that opens right in Excel: UTF-8 with a BOM (so Vietnamese
 * diacritics show), CRLF line ends, one row per (kiosk, section, key, metric) with a
 * numeric value and a label in Vietnamese and English (the staff locale's, see labels.ts).
 * Long rather than wide so that every section (totals, stations, hours, days, checks,
 * scenarios) fits one sheet and a pivot table can slice it any way.
 */
import { stringify } from 'csv-stringify/sync';
import type { CheckCounts, Tallies } from '../../bridge/contract.js';
import { sharePct, summarizeLearning } from '../../bridge/learning.js';
import { byStation } from './by-station.js';
import { metricLabel } from './labels.js';

export const CSV_COLUMNS = ['kiosk', 'section', 'key', 'metric', 'value', 'label_vi', 'label_en'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/** The BOM Excel needs to read UTF-8 (EF BB BF). */
export const UTF8_BOM = '\uFEFF';

/** Correct answers as a percentage of questions, one decimal; null without questions. */
export function ratePct(counts: CheckCounts): number | null {
  return counts.total === 0 ? null : Math.round((counts.correct / counts.total) * 1000) / 10;
}

/** The CSV rows of one kiosk's (or a merge's) tallies, labelled `kiosk`. */
export function talliesRows(tallies: Tallies, kiosk: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const push = (section: string, key: string, metric: string, value: number | null): void => {
    const [vi, en] = metricLabel(metric);
    rows.push({ kiosk, section, key, metric, value: value ?? '', label_vi: vi, label_en: en });
  };
  push('totals', 'all', 'records', tallies.records);
  for (const metric of ['sessions', 'completions', 'pledges'] as const)
    push('totals', 'all', metric, tallies.totals[metric]);
  for (const [reason, count] of Object.entries(tallies.sessionsByEndReason))
    push('end_reason', reason, 'sessions', count);
  for (const [sceneId, scene] of Object.entries(tallies.scenes)) {
    push('station', sceneId, 'enters', scene.enters);
    push('station', sceneId, 'completions', scene.completions);
    for (const [reason, count] of Object.entries(scene.leaves))
      push('station', sceneId, `left_${reason}`, count);
    for (const [pledgeId, count] of Object.entries(scene.pledges))
      push('pledge', `${sceneId}/${pledgeId}`, 'pledges', count);
  }
  // One row per station, day and lantern colour: key "<station>/<YYYY-MM-DD>/<colour>".
  for (const [sceneId, day, colours] of byStation(tallies.colours)) {
    for (const [colour, count] of Object.entries(colours).sort(([a], [b]) => a.localeCompare(b)))
      push('lantern', `${sceneId}/${day}/${colour}`, 'lanterns', count);
  }
  for (const [section, buckets] of [
    ['hour', tallies.byHour.map((b) => ({ key: b.hour, ...b }))],
    ['day', tallies.byDay.map((b) => ({ key: b.day, ...b }))],
  ] as const) {
    for (const bucket of buckets) {
      for (const metric of ['sessions', 'completions', 'pledges'] as const)
        push(section, bucket.key, metric, bucket[metric]);
    }
  }
  for (const [sceneId, scenarioId, phases] of byStation(tallies.checks)) {
    for (const phase of ['before', 'after'] as const) {
      const key = `${sceneId}/${scenarioId}`;
      push('check', key, `${phase}_answered`, phases[phase].answered);
      push('check', key, `${phase}_correct`, phases[phase].correct);
      push('check', key, `${phase}_total`, phases[phase].total);
      push('check', key, `${phase}_rate_pct`, ratePct(phases[phase]));
    }
  }
  for (const [sceneId, scenarioId, scenario] of byStation(tallies.scenarios)) {
    const key = `${sceneId}/${scenarioId}`;
    push('scenario', key, 'starts', scenario.starts);
    push('scenario', key, 'abandoned', scenario.abandoned);
    push('scenario', key, 'plays', scenario.plays);
    for (const [outcome, count] of Object.entries(scenario.outcomes))
      push('scenario', key, `outcome_${outcome}`, count);
    push('scenario', key, 'red_flags_spotted', scenario.redFlagsSpotted);
    push('scenario', key, 'red_flags_missed', scenario.redFlagsMissed);
    push(
      'scenario',
      key,
      'duration_avg_s',
      scenario.plays === 0 ? null : Math.round(scenario.durationMs / scenario.plays / 100) / 10,
    );
  }
  for (const [sceneId, form, sums] of byStation(tallies.learning)) {
    const summary = summarizeLearning(sums);
    const key = `${sceneId}/${form}`;
    push('learning', key, 'paired_sessions', sums.sessions);
    push('learning', key, 'mean_before_pct', sharePct(summary?.before.mean ?? null));
    push('learning', key, 'mean_after_pct', sharePct(summary?.after.mean ?? null));
    push('learning', key, 'mean_gain_pct', sharePct(summary?.gain ?? null));
    push('learning', key, 'gain_ci95_low_pct', sharePct(summary?.gainLow ?? null));
    push('learning', key, 'gain_ci95_high_pct', sharePct(summary?.gainHigh ?? null));
    for (const phase of ['before', 'after'] as const) {
      push('learning', key, `hit_rate_${phase}_pct`, sharePct(summary?.[phase].hitRate ?? null));
      push(
        'learning',
        key,
        `correct_rejection_${phase}_pct`,
        sharePct(summary?.[phase].correctRejectionRate ?? null),
      );
      push('learning', key, `ceiling_${phase}_pct`, sharePct(summary?.[phase].ceilingShare ?? null));
    }
  }
  // One row per choice made: key "<station>/<scenario>/<node>/<choice>", so a pivot can split it.
  for (const [sceneId, scenarioId, scenario] of byStation(tallies.scenarios)) {
    for (const [choice, count] of Object.entries(scenario.choices).sort(([a], [b]) => a.localeCompare(b)))
      push('choice', `${sceneId}/${scenarioId}/${choice}`, 'chosen', count);
    for (const [node, count] of Object.entries(scenario.timeouts).sort(([a], [b]) => a.localeCompare(b)))
      push('timeout', `${sceneId}/${scenarioId}/${node}`, 'timeouts', count);
  }
  return rows;
}

/** The CSV text: BOM, header row, CRLF line ends, RFC 4180 quoting. */
export function toCsv(rows: readonly CsvRow[]): string {
  return stringify(rows as CsvRow[], {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
  });
}
