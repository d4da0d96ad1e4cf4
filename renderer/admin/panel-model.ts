/**
 * Turns the back office's tallies into the rows and series the staff panel shows. Pure (no
 * DOM, no i18n) so it is unit-tested; the views only format and place what comes out.
 */
import type { Tallies } from '../../electron/bridge/contract.js';
import { summarizeLearning, type LearningSummary } from '../../electron/bridge/learning.js';
import { hourLabel } from './format.js';

/** End reasons in the order staff read them; unknown reasons from newer versions follow. */
export const END_REASON_ORDER = ['visitor', 'completed', 'idle', 'staff'] as const;

export interface StationRow {
  id: string;
  today: { enters: number; completions: number };
  allTime: { enters: number; completions: number };
}

export interface ScenarioRow {
  stationId: string;
  scenarioId: string;
  /** Stories started and abandoned before an ending (all time). */
  starts: number;
  abandoned: number;
  todayPlays: number;
  allPlays: number;
  spotted: number;
  missed: number;
  /** Average play time in whole seconds (all time), null before the first play. */
  averageSeconds: number | null;
}

export interface Series {
  labels: string[];
  values: number[];
}

/**
 * One row per station: every registered station (even if never visited, so staff see a 0)
 * plus any station found in the tallies (an older or removed one), in registry order first.
 */
export function stationRows(today: Tallies, allTime: Tallies, registered: readonly string[]): StationRow[] {
  const ids = [...registered];
  for (const id of [...Object.keys(allTime.scenes), ...Object.keys(today.scenes)]) {
    if (!ids.includes(id)) ids.push(id);
  }
  const counts = (tallies: Tallies, id: string) => ({
    enters: tallies.scenes[id]?.enters ?? 0,
    completions: tallies.scenes[id]?.completions ?? 0,
  });
  return ids.map((id) => ({ id, today: counts(today, id), allTime: counts(allTime, id) }));
}

/** Every [station, key, value] of a two-level tallies record. */
function entries<T>(record: Record<string, Record<string, T>>): [string, string, T][] {
  return Object.entries(record).flatMap(([stationId, inner]) =>
    Object.entries(inner).map(([key, value]): [string, string, T] => [stationId, key, value]),
  );
}

/** Plays and red flags per station and scenario (all time), with today's plays, most played first. */
export function scenarioRows(today: Tallies, allTime: Tallies): ScenarioRow[] {
  return entries(allTime.scenarios)
    .map(([stationId, scenarioId, all]) => ({
      stationId,
      scenarioId,
      starts: all.starts,
      abandoned: all.abandoned,
      todayPlays: today.scenarios[stationId]?.[scenarioId]?.plays ?? 0,
      allPlays: all.plays,
      spotted: all.redFlagsSpotted,
      missed: all.redFlagsMissed,
      averageSeconds: all.plays === 0 ? null : Math.round(all.durationMs / all.plays / 1000),
    }))
    .sort((a, b) => b.allPlays - a.allPlays || a.scenarioId.localeCompare(b.scenarioId));
}

export interface LearningRow {
  stationId: string;
  /** The form of the before round (the order A→B or B→A). */
  form: string;
  today: LearningSummary | null;
  allTime: LearningSummary | null;
}

/** The paired learning figure per station and form, today beside all time. */
export function learningRows(today: Tallies, allTime: Tallies): LearningRow[] {
  return entries(allTime.learning)
    .map(([stationId, form, sums]) => {
      const day = today.learning[stationId]?.[form];
      return {
        stationId,
        form,
        today: day ? summarizeLearning(day) : null,
        allTime: summarizeLearning(sums),
      };
    })
    .sort((a, b) => a.stationId.localeCompare(b.stationId) || a.form.localeCompare(b.form));
}

/** Session counts by end reason, known reasons first, zeros kept so the list never jumps. */
export function endReasonRows(tallies: Tallies): { reason: string; count: number }[] {
  const known: readonly string[] = END_REASON_ORDER;
  const extra = Object.keys(tallies.sessionsByEndReason)
    .filter((reason) => !known.includes(reason))
    .sort();
  return [...known, ...extra].map((reason) => ({ reason, count: tallies.sessionsByEndReason[reason] ?? 0 }));
}

/**
 * Sessions per hour as a bar series: every hour from the first to the last bucket (empty
 * hours as 0, so the bars keep a true time axis), labelled "HH:00".
 */
export function hourlySeries(tallies: Tallies, field: 'sessions' | 'completions' = 'sessions'): Series {
  const buckets = [...tallies.byHour].sort((a, b) => a.hour.localeCompare(b.hour));
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (first === undefined || last === undefined) return { labels: [], values: [] };
  const byKey = new Map(buckets.map((bucket) => [bucket.hour, bucket[field]]));
  const labels: string[] = [];
  const values: number[] = [];
  for (let key = first.hour, guard = 0; guard < 24 * 366; guard++) {
    labels.push(hourLabel(key));
    values.push(byKey.get(key) ?? 0);
    if (key >= last.hour) break;
    const next = nextHour(key);
    if (next === null) break;
    key = next;
  }
  return { labels, values };
}

/** The bucket key one local hour after "YYYY-MM-DDTHH", or null when it is malformed. */
export function nextHour(key: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/.exec(key);
  if (!match) return null;
  const [, y, mo, d, hh] = match.map(Number) as [number, number, number, number, number];
  // Date.UTC avoids daylight-saving jumps: buckets are labels, not instants.
  const next = new Date(Date.UTC(y, mo - 1, d, hh + 1));
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}T${pad(next.getUTCHours())}`;
}
