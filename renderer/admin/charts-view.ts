/**
 * The panel's charts card: sessions by hour today, and completions per station (today beside
 * all time). Charts exist only while the panel is open. Runs in the renderer.
 */
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { BarChart } from './charts.js';
import { hourlySeries, stationRows } from './panel-model.js';
import type { PanelData, ViewContext } from './panel-types.js';

export interface ChartsView {
  element: HTMLElement;
  render(data: PanelData, context: ViewContext): void;
  /** Destroys both charts (the panel closed). */
  destroy(): void;
  /** How many charts are alive (for tests and diagnostics). */
  liveCharts(): number;
}

export function createChartsView(loc: Localized, registeredStations: readonly string[]): ChartsView {
  const hourCanvas = h('canvas', { 'aria-hidden': 'true' });
  const stationCanvas = h('canvas', { 'aria-hidden': 'true' });
  const hourly = new BarChart(hourCanvas);
  const perStation = new BarChart(stationCanvas);
  const element = h(
    'section',
    { class: 'admin-card admin-card--charts' },
    loc.text(h('h3', { class: 'admin-card__title' }), 'admin:charts.title'),
    h(
      'figure',
      { class: 'admin-chart' },
      loc.text(h('figcaption'), 'admin:charts.byHour'),
      h('div', { class: 'admin-chart__box' }, hourCanvas),
    ),
    h(
      'figure',
      { class: 'admin-chart' },
      loc.text(h('figcaption'), 'admin:charts.byStation'),
      h('div', { class: 'admin-chart__box' }, stationCanvas),
    ),
  );
  return {
    element,
    render(data, context) {
      if (!element.isConnected) return;
      const hours = hourlySeries(data.today);
      hourly.show(hours.labels, [
        { label: loc.t('admin:charts.sessions'), values: hours.values, colorVar: '--coral' },
      ]);
      const rows = stationRows(data.today, data.allTime, registeredStations);
      perStation.show(
        rows.map((row) => context.stationName(row.id)),
        [
          {
            label: loc.t('admin:charts.today'),
            values: rows.map((row) => row.today.completions),
            colorVar: '--sun',
          },
          {
            label: loc.t('admin:charts.allTime'),
            values: rows.map((row) => row.allTime.completions),
            colorVar: '--sky',
          },
        ],
      );
    },
    destroy() {
      hourly.destroy();
      perStation.destroy();
    },
    liveCharts() {
      return Number(hourly.isLive) + Number(perStation.isLive);
    },
  };
}
