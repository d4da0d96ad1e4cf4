/**
 * The panel's health card: kiosk id, app version, data folder, free disk, journal size, the
 * last error (highlighted) and sync status. Runs in the renderer.
 */
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { noticeText } from '../shell/notices.js';
import { formatBytes, formatCount, formatDateTime } from './format.js';
import type { PanelData, ViewContext } from './panel-types.js';

export interface HealthView {
  element: HTMLElement;
  render(data: PanelData, context: ViewContext): void;
}

export function createHealthView(loc: Localized): HealthView {
  const list = h('dl', { class: 'admin-facts', 'data-testid': 'admin-health' });
  const element = h(
    'section',
    { class: 'admin-card admin-card--health' },
    loc.text(h('h3', { class: 'admin-card__title' }), 'admin:health.title'),
    list,
  );
  return {
    element,
    render({ health }, { language }) {
      const facts: [string, string, string?][] = [
        ['kioskId', health.kioskId],
        ['version', health.appVersion],
        ['dataDir', health.dataDir, 'is-path'],
        ['freeDisk', formatBytes(health.freeDiskBytes, language)],
        [
          'journal',
          loc.t('admin:health.journalValue', {
            records: formatCount(health.journalRecords, language),
            size: formatBytes(health.journalBytes, language),
          }),
        ],
        [
          'lastError',
          health.lastError === null
            ? loc.t('admin:health.noError')
            : `${health.lastError} (${formatDateTime(health.lastErrorAt)})`,
          health.lastError === null ? 'is-ok' : 'is-error',
        ],
        // Damaged journal lines, unusable folders…: each one a sentence in the staff's language.
        ...(health.notices.length === 0
          ? []
          : [
              [
                'notices',
                health.notices.map((notice) => noticeText(loc, notice)).join(' · '),
                'is-error',
              ] as [string, string, string],
            ]),
        [
          'sync',
          // With sync switched off, "records pending" would only alarm staff for nothing.
          health.sync.state === 'disabled'
            ? loc.t('admin:health.syncState.disabled')
            : loc.t('admin:health.syncValue', {
                state: loc.t(`admin:health.syncState.${health.sync.state}`),
                pending: formatCount(health.sync.pendingRecords, language),
                last: formatDateTime(health.sync.lastSuccessAt),
              }),
          health.sync.state === 'error' ? 'is-error' : '',
        ],
      ];
      list.replaceChildren(
        ...facts.flatMap(([key, value, kind]) => [
          h('dt', {}, loc.t(`admin:health.${key}`)),
          h('dd', { class: kind ?? '', 'data-fact': key }, value),
        ]),
      );
    },
  };
}
