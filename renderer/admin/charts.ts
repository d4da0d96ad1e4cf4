/**
 * The panel's two bar charts (sessions by hour today, completions per station) with chart.js,
 * registered piece by piece so only bar charts are bundled. Charts are created when the panel
 * opens and destroyed when it closes, so no canvas, observer or timer outlives the panel.
 * Runs in the renderer.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Series } from './panel-model.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarDataset {
  label: string;
  values: number[];
  /** A CSS custom property of the shared palette, e.g. "--coral". */
  colorVar: string;
}

/** Reads a palette colour from the shell's design tokens, so charts match the exhibit. */
function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

export class BarChart {
  private chart: Chart<'bar'> | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Draws (or redraws in place) the chart with these labels and datasets. */
  show(labels: string[], datasets: BarDataset[]): void {
    const data = {
      labels,
      datasets: datasets.map((set) => ({
        label: set.label,
        data: set.values,
        backgroundColor: token(set.colorVar, '#ff6b5b'),
        borderRadius: 6,
        maxBarThickness: 56,
      })),
    };
    if (this.chart) {
      this.chart.data = data;
      this.chart.update('none');
      return;
    }
    const ink = token('--ink-dim', '#b9c2ea');
    const font = { family: token('--font', 'sans-serif'), size: 15 };
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data,
      options: {
        // The host draws in software: animations would cost every frame for nothing.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: datasets.length > 1, labels: { color: ink, font } },
          tooltip: { enabled: true },
        },
        scales: {
          x: { ticks: { color: ink, font }, grid: { display: false } },
          y: {
            beginAtZero: true,
            ticks: { color: ink, font, precision: 0 },
            grid: { color: 'rgba(255,255,255,0.1)' },
          },
        },
      },
    });
  }

  /** Frees the chart (its resize observer and canvas context). Safe to call twice. */
  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  get isLive(): boolean {
    return this.chart !== null;
  }
}

/** A single-series convenience for the hourly chart. */
export function seriesDataset(series: Series, label: string, colorVar: string): BarDataset {
  return { label, values: series.values, colorVar };
}
