/**
 * Tiny inline-SVG bar charts for the printable report: no library, no script, no external
 * URL, so the report opens offline on any laptop and prints as it looks.
 */

/** Escapes text for HTML/SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface Bar {
  label: string;
  /** One value per series. */
  values: number[];
}

export interface ChartOptions {
  /** Accessible title (read by screen readers, shown as a tooltip). */
  title: string;
  /** Series names and colours, one per entry of Bar.values. */
  series: { name: string; color: string }[];
  width?: number;
  height?: number;
}

/** A grouped vertical bar chart as an `<svg>` element string. */
export function barChart(bars: readonly Bar[], options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 220;
  const top = 16;
  const bottom = 40;
  const left = 40;
  const plotH = height - top - bottom;
  const plotW = width - left - 8;
  const max = Math.max(1, ...bars.flatMap((bar) => bar.values));
  const slot = bars.length === 0 ? plotW : plotW / bars.length;
  const seriesCount = Math.max(1, options.series.length);
  const barW = Math.max(1, (slot * 0.8) / seriesCount);
  const parts: string[] = [];
  parts.push(
    `<svg role="img" viewBox="0 0 ${width} ${height}" width="100%" ` +
      `aria-label="${escapeHtml(options.title)}"><title>${escapeHtml(options.title)}</title>`,
  );
  // Axis and a max gridline: enough to read magnitudes; exact values are in the tables.
  parts.push(
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 8}" y2="${top + plotH}" stroke="#555"/>`,
    `<line x1="${left}" y1="${top}" x2="${width - 8}" y2="${top}" stroke="#ddd" stroke-dasharray="4 4"/>`,
    `<text x="${left - 4}" y="${top + 4}" font-size="11" text-anchor="end">${max}</text>`,
    `<text x="${left - 4}" y="${top + plotH}" font-size="11" text-anchor="end">0</text>`,
  );
  const labelEvery = Math.max(1, Math.ceil(bars.length / 24));
  bars.forEach((bar, i) => {
    const x0 = left + i * slot + slot * 0.1;
    bar.values.forEach((value, s) => {
      const h = (value / max) * plotH;
      const color = options.series[s]?.color ?? '#888';
      const name = options.series[s]?.name ?? '';
      parts.push(
        `<rect x="${(x0 + s * barW).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" ` +
          `height="${h.toFixed(1)}" fill="${color}"><title>${escapeHtml(`${bar.label} · ${name}: ${value}`)}</title></rect>`,
      );
    });
    if (i % labelEvery === 0) {
      parts.push(
        `<text x="${(left + i * slot + slot / 2).toFixed(1)}" y="${height - bottom + 14}" font-size="11" ` +
          `text-anchor="middle">${escapeHtml(bar.label)}</text>`,
      );
    }
  });
  options.series.forEach((series, s) => {
    const x = left + s * 170;
    parts.push(
      `<rect x="${x}" y="${height - 14}" width="10" height="10" fill="${series.color}"/>`,
      `<text x="${x + 14}" y="${height - 5}" font-size="11">${escapeHtml(series.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
