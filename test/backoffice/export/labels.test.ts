/**
 * The export's labels are the staff locale's (one source for the panel and the files), and
 * each language labels the same metrics.
 */
import { describe, expect, it } from 'vitest';
import { metricLabel } from '../../../electron/backoffice/export/labels.js';
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
});
