/**
 * The export's labels (CSV metric labels) come from the staff locale, the one source the
 * staff panel reads too (renderer/admin/locales, key `report`): staff see the same words on
 * the screen and in the files, and a translator edits one file per language.
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
