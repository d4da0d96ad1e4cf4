/**
 * The export's labels are the staff locale's (one source for the panel and the files), and
 * each language labels the same metrics and the same report words.
 */
import { describe, expect, it } from 'vitest';
import { metricLabel, reportLabel, type ReportLabelKey } from '../../../electron/backoffice/export/labels.js';
import en from '../../../renderer/admin/locales/en.json' with { type: 'json' };
import vi from '../../../renderer/admin/locales/vi.json' with { type: 'json' };

describe('export labels', () => {
  it('come from the staff locale, in Vietnamese and English', () => {
    expect(metricLabel('paired_sessions')).toEqual([
      vi.report.metric.paired_sessions,
      en.report.metric.paired_sessions,
    ]);
    expect(metricLabel('left_exited')).toEqual(['Rời trạm: tự thoát', 'Left the station: walked out']);
  });

  it('label the same metrics in both languages, each differently worded', () => {
    expect(Object.keys(vi.report.metric).sort()).toEqual(Object.keys(en.report.metric).sort());
    const same = Object.keys(vi.report.metric).filter((metric) => {
      const [viLabel, enLabel] = metricLabel(metric);
      return viLabel === enLabel;
    });
    expect(same).toEqual([]);
  });

  it('fall back to the metric id for a metric no locale names yet', () => {
    expect(metricLabel('not_a_metric')).toEqual(['not_a_metric', 'not_a_metric']);
  });

  it('give the HTML report its words from the staff locale, in Vietnamese and English', () => {
    expect(reportLabel('heading.totals')).toEqual(['Tổng quan', 'Totals']);
    expect(reportLabel('column.station')).toEqual([
      vi.report.html.column.station,
      en.report.html.column.station,
    ]);
    expect(reportLabel('period.merged')).toEqual(['Tổng hợp', 'Merged']);
    // @ts-expect-error: a key the locale lacks is a type error, not a silent fallback.
    expect(reportLabel('heading.notAHeading')).toEqual(['heading.notAHeading', 'heading.notAHeading']);
  });

  it('write the same report keys in both languages, every one a non-empty string', () => {
    const leaves = (node: unknown, prefix = ''): [string, unknown][] =>
      typeof node === 'object' && node !== null
        ? Object.entries(node).flatMap(([key, child]) => leaves(child, `${prefix}${key}.`))
        : [[prefix.slice(0, -1), node]];
    const viLeaves = leaves(vi.report.html);
    const enLeaves = leaves(en.report.html);
    expect(viLeaves.map(([key]) => key).sort()).toEqual(enLeaves.map(([key]) => key).sort());
    for (const [key, value] of [...viLeaves, ...enLeaves]) {
      expect(typeof value === 'string' && value.length > 0, key).toBe(true);
    }
    const viByKey = new Map(viLeaves);
    for (const [key, enValue] of enLeaves) {
      expect(reportLabel(key as ReportLabelKey), key).toEqual([viByKey.get(key), enValue]);
    }
  });
});
