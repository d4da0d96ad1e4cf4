/**
 * The panel's tallies card: today beside all time: sessions, station completions, pledges,
 * how sessions ended, per-station entries/completions, before → after recognition rates per
 * scenario and red flags, pledges per card and lantern colours. Runs in the renderer.
 */
import type { Tallies } from '../../electron/bridge/contract.js';
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { formatCount, formatDateTime, formatDuration } from './format.js';
import type { LearningSummary } from '../../electron/bridge/learning.js';
import { endReasonRows, learningRows, rateRows, scenarioRows, stationRows } from './panel-model.js';
import type { PanelData, ViewContext } from './panel-types.js';
import { lanternColourRows, pledgeCardRows } from './pledge-rows.js';

export interface TalliesView {
  element: HTMLElement;
  render(data: PanelData, context: ViewContext): void;
}

function percent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

function share(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

function signed(value: number | null): string {
  if (value === null) return '—';
  const points = Math.round(value * 100);
  return `${points > 0 ? '+' : ''}${points}`;
}

/** "12 · 55% → 80% · +25 (+12…+38)": paired sessions, means, gain and its 95% interval. */
function learningCell(summary: LearningSummary | null, loc: Localized, context: ViewContext): string {
  if (summary === null) return '—';
  return loc.t('admin:tallies.learningCell', {
    sessions: formatCount(summary.sessions, context.language),
    before: share(summary.before.mean),
    after: share(summary.after.mean),
    gain: signed(summary.gain),
    low: signed(summary.gainLow),
    high: signed(summary.gainHigh),
  });
}

export function createTalliesView(loc: Localized, registeredStations: readonly string[]): TalliesView {
  const since = h('p', { class: 'admin-card__note' });
  const table = h('table', { class: 'admin-table', 'data-testid': 'admin-tallies' });
  const element = h(
    'section',
    { class: 'admin-card admin-card--tallies' },
    loc.text(h('h3', { class: 'admin-card__title' }), 'admin:tallies.title'),
    since,
    table,
  );

  return {
    element,
    render(data, context) {
      const { today, allTime } = data;
      const count = (value: number): string => formatCount(value, context.language);
      since.textContent = data.dayStartedAt
        ? loc.t('admin:tallies.since', { time: formatDateTime(data.dayStartedAt) })
        : '';
      const head = h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}),
          h('th', { scope: 'col' }, loc.t('admin:tallies.today')),
          h('th', { scope: 'col' }, loc.t('admin:tallies.allTime')),
        ),
      );
      const body = h('tbody');
      const row = (label: string, a: string, b: string, id?: string, kind = ''): void => {
        body.append(
          h(
            'tr',
            { class: kind },
            h('th', { scope: 'row' }, label),
            h('td', { 'data-testid': id ? `today-${id}` : undefined }, a),
            h('td', { 'data-testid': id ? `alltime-${id}` : undefined }, b),
          ),
        );
      };
      const section = (key: string): void => {
        body.append(
          h('tr', { class: 'admin-table__section' }, h('th', { colspan: 3, scope: 'rowgroup' }, loc.t(key))),
        );
      };
      const totals = (field: keyof Tallies['totals']): [string, string] => [
        count(today.totals[field]),
        count(allTime.totals[field]),
      ];
      row(loc.t('admin:tallies.sessions'), ...totals('sessions'), 'sessions', 'is-key');
      row(loc.t('admin:tallies.completions'), ...totals('completions'), 'completions');
      row(loc.t('admin:tallies.pledges'), ...totals('pledges'), 'pledges');

      section('admin:tallies.endedBy');
      const todayReasons = new Map(endReasonRows(today).map((entry) => [entry.reason, entry.count]));
      for (const { reason, count: all } of endReasonRows(allTime)) {
        const label = loc.t(`admin:tallies.reason.${reason}`, { defaultValue: reason });
        row(label, count(todayReasons.get(reason) ?? 0), count(all), `reason-${reason}`, 'is-sub');
      }

      section('admin:tallies.stations');
      for (const station of stationRows(today, allTime, registeredStations)) {
        row(
          context.stationName(station.id),
          `${count(station.today.enters)} / ${count(station.today.completions)}`,
          `${count(station.allTime.enters)} / ${count(station.allTime.completions)}`,
          `station-${station.id}`,
          'is-sub',
        );
      }

      const rates = rateRows(today, allTime);
      if (rates.length > 0) {
        section('admin:tallies.rates');
        for (const rate of rates) {
          row(
            `${context.stationName(rate.stationId)} · ${rate.scenarioId}`,
            `${percent(rate.todayBefore)} → ${percent(rate.todayAfter)}`,
            `${percent(rate.allBefore)} → ${percent(rate.allAfter)}`,
            `rate-${rate.stationId}-${rate.scenarioId}`,
            'is-sub',
          );
        }
      }
      const scenarios = scenarioRows(today, allTime);
      if (scenarios.length > 0) {
        section('admin:tallies.scenarios');
        for (const scenario of scenarios) {
          row(
            `${context.stationName(scenario.stationId)} · ${scenario.scenarioId}`,
            count(scenario.todayPlays),
            `${count(scenario.allPlays)} · ${count(scenario.spotted)} / ${count(scenario.missed)} · ${formatDuration(scenario.averageSeconds)}`,
            `scenario-${scenario.stationId}-${scenario.scenarioId}`,
            'is-sub',
          );
        }
      }
      const learning = learningRows(today, allTime);
      if (learning.length > 0) {
        section('admin:tallies.learning');
        for (const entry of learning) {
          row(
            loc.t('admin:tallies.learningRow', {
              station: context.stationName(entry.stationId),
              form: entry.form,
            }),
            learningCell(entry.today, loc, context),
            learningCell(entry.allTime, loc, context),
            `learning-${entry.stationId}-${entry.form}`,
            'is-sub',
          );
        }
      }
      for (const [key, rows, kind] of [
        ['admin:tallies.pledgeCards', pledgeCardRows(today, allTime), 'pledge'],
        ['admin:tallies.lanternColours', lanternColourRows(today, allTime), 'colour'],
      ] as const) {
        if (rows.length > 0) section(key);
        for (const entry of rows) {
          row(
            `${context.stationName(entry.stationId)} · ${entry.id}`,
            count(entry.today),
            count(entry.allTime),
            `${kind}-${entry.stationId}-${entry.id}`,
            'is-sub',
          );
        }
      }
      table.replaceChildren(head, body);
    },
  };
}
