/**
 * The panel's tallies card: today beside all time: sessions, station completions, pledges,
 * how sessions ended, per-station entries/completions, plays and red flags per scenario,
 * the immediate learning figures per station and form, pledges per card and lantern colours.
 * Runs in the renderer.
 */
import type { Tallies } from '../../electron/bridge/contract.js';
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { formatCount, formatDateTime, formatDuration } from './format.js';
import { LEARNING_FIGURES, learningFigures } from './learning-figures.js';
import { endReasonRows, learningRows, scenarioRows, stationRows } from './panel-model.js';
import type { PanelData, ViewContext } from './panel-types.js';
import { lanternColourRows, pledgeCardRows } from './pledge-rows.js';

export interface TalliesView {
  element: HTMLElement;
  render(data: PanelData, context: ViewContext): void;
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
      // Per station and form, as the tallies compute them: a heading row, then one row per
      // figure. "Immediate" is in the section title: nothing here measures retention.
      const learning = learningRows(today, allTime);
      if (learning.length > 0) {
        section('admin:tallies.learning');
        for (const entry of learning) {
          const id = `learning-${entry.stationId}-${entry.form}`;
          row(
            loc.t('admin:tallies.learningRow', {
              station: context.stationName(entry.stationId),
              form: entry.form,
            }),
            '',
            '',
            undefined,
            'is-sub is-group',
          );
          const day = learningFigures(entry.today, context.language);
          const all = learningFigures(entry.allTime, context.language);
          for (const figure of LEARNING_FIGURES) {
            row(
              loc.t(`admin:tallies.learningFigure.${figure}`),
              day[figure],
              all[figure],
              `${id}-${figure}`,
              'is-sub is-figure',
            );
          }
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
