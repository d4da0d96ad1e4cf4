/**
 * The panel's health card: kiosk id, app version, data folder, free disk, journal size, the
 * last error (highlighted) and sync status. Runs in the renderer.
 */
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { errorText, noticeText } from '../shell/notices.js';
import { formatBytes, formatCount, formatDateTime } from './format.js';
import type { PanelData, ViewContext } from './panel-types.js';

type Fact = [string, string, string?];

/** The collector URL, the last sync error and the festival totals, when there are any. */
function syncFacts(loc: Localized, sync: PanelData['health']['sync'], language: 'vi' | 'en'): Fact[] {
  const facts: Fact[] = [];
  facts.push(['syncUrl', sync.url ?? loc.t('admin:health.syncNoUrl'), sync.url === null ? '' : 'is-path']);
  if (sync.state !== 'disabled' && sync.lastError !== undefined && sync.lastError !== null) {
    facts.push(['syncError', `${sync.lastError} (${formatDateTime(sync.lastErrorAt ?? null)})`, 'is-error']);
  }
  if (sync.festival !== undefined && sync.festival !== null) {
    facts.push([
      'festival',
      loc.t('admin:health.festivalValue', {
        sessions: formatCount(sync.festival.sessions, language),
        pledges: formatCount(sync.festival.pledges, language),
        kiosks: formatCount(sync.festival.kiosks, language),
      }),
    ]);
  }
  return facts;
}

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
    render(data, { language }) {
      const { health } = data;
      const facts: Fact[] = [
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
            : `${errorText(loc, health.lastError)} (${formatDateTime(health.lastErrorAt)})`,
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
        ...syncFacts(loc, data.health.sync, language),
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
