/**
 * The export's labels (CSV metric labels and the HTML report's headings, columns and notes)
 * come from the staff locale, the one source the staff panel reads too
 * (renderer/admin/locales, key `report`): staff see the same words on the screen and in the
 * files, and a translator edits one file per language.
 */
import en from '../../../renderer/admin/locales/en.json' with { type: 'json' };
import vi from '../../../renderer/admin/locales/vi.json' with { type: 'json' };

const METRICS: { vi: Readonly<Record<string, string>>; en: Readonly<Record<string, string>> } = {
  vi: vi.report.metric,
  en: en.report.metric,
};

/** A metric's label in Vietnamese and English; the metric id itself where none is written. */
export function metricLabel(metric: string): readonly [string, string] {
  return [METRICS.vi[metric] ?? metric, METRICS.en[metric] ?? metric];
}

/** The dotted paths to the string leaves of a nested label object, e.g. "heading.totals". */
type LeafPath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A label of the HTML report: a dotted path under `report.html` of the staff locale (en.json). */
export type ReportLabelKey = LeafPath<typeof en.report.html>;

function lookup(root: unknown, key: string): string | undefined {
  let node = root;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A report label in Vietnamese and English; the key itself where a locale lacks it. */
export function reportLabel(key: ReportLabelKey): readonly [string, string] {
  return [lookup(vi.report.html, key) ?? key, lookup(en.report.html, key) ?? key];
}
