/**
 * The staff panel: a full-screen overlay over the kiosk with tallies, charts, health, actions
 * (with export progress) and settings. It draws what it is given and reports what staff tap;
 * the admin layer does the talking to the back office. Runs in the renderer.
 */
import type { AdminSettings } from '../../electron/bridge/admin-contract.js';
import type { Language } from '../../electron/bridge/contract.js';
import { h } from '../shell/dom.js';
import type { Localized } from '../shell/localized.js';
import { createChartsView } from './charts-view.js';
import { createConfirmButton } from './confirm-button.js';
import { createExportView, type ExportView } from './export-view.js';
import { formatRemaining } from './format.js';
import { createHealthView } from './health-view.js';
import type { PanelData, ViewContext } from './panel-types.js';
import { createSettingsView } from './settings-view.js';
import { createSyncView, type SyncChange } from './sync-view.js';
import { createTalliesView } from './tallies-view.js';

export interface PanelHandlers {
  lock: () => void;
  toggleLanguage: () => void;
  endSession: () => Promise<void>;
  endOfDay: () => Promise<void>;
  exportData: (period: 'today' | 'all') => Promise<void>;
  restart: () => Promise<void>;
  exitToDesktop: () => Promise<void>;
  saveSettings: (settings: AdminSettings) => Promise<void>;
  saveSync: (change: SyncChange) => Promise<void>;
  changePin: () => void;
}

export interface AdminPanel {
  element: HTMLElement;
  readonly exportView: ExportView;
  readonly isOpen: boolean;
  open(): void;
  /** Hides the panel and frees its charts. */
  close(): void;
  /** Draws fresh data; `withSettings` also resets the settings form to the saved values. */
  render(data: PanelData, context: ViewContext, withSettings: boolean): void;
  /** Re-draws the texts built from data (after a language switch). */
  refresh(context: ViewContext): void;
  /** The result of the last action, for staff to read. */
  showResult(text: string, tone: 'ok' | 'error' | 'info'): void;
  /** Updates the "locks itself in M:SS" line. */
  setAutoLock(msLeft: number): void;
  liveCharts(): number;
}

export function createAdminPanel(
  loc: Localized,
  options: { electron: boolean; stations: readonly string[]; language: () => Language },
  handlers: PanelHandlers,
): AdminPanel {
  let last: PanelData | null = null;
  let autoLockLeft = 0;
  const kiosk = h('span', { class: 'admin-header__kiosk' });
  const autoLock = h('span', { class: 'admin-header__autolock', 'aria-live': 'off' });
  const language = loc.label(
    loc.text(h('button', { class: 'pill pill--ghost', type: 'button' }), 'admin:panel.language'),
    'admin:panel.languageLabel',
  );
  language.addEventListener('click', handlers.toggleLanguage);
  const lock = loc.label(
    loc.text(
      h('button', { class: 'pill pill--primary admin-header__lock', type: 'button' }),
      'admin:panel.lock',
    ),
    'admin:panel.lockLabel',
  );
  lock.addEventListener('click', handlers.lock);
  const header = h(
    'header',
    { class: 'admin-header' },
    h(
      'div',
      { class: 'admin-header__start' },
      loc.text(h('h2', { id: 'admin-panel-title', class: 'admin-header__title' }), 'admin:panel.title'),
      kiosk,
    ),
    h('div', { class: 'admin-header__end' }, autoLock, language, lock),
  );
  const result = h('p', {
    class: 'admin-result',
    role: 'status',
    'data-testid': 'admin-result',
    hidden: true,
  });

  const tallies = createTalliesView(loc, options.stations);
  const charts = createChartsView(loc, options.stations);
  const health = createHealthView(loc);
  const exportView = createExportView(loc, options.language);
  const settings = createSettingsView(loc, {
    save: handlers.saveSettings,
    invalid: (message) => {
      showResult(message, 'error');
    },
    changePin: handlers.changePin,
  });
  const sync = createSyncView(loc, {
    save: handlers.saveSync,
    invalid: (message) => {
      showResult(message, 'error');
    },
  });

  const confirmButtons = [
    createConfirmButton(loc, 'admin:actions.endSession', handlers.endSession),
    createConfirmButton(loc, 'admin:actions.endOfDay', handlers.endOfDay, 'primary'),
    createConfirmButton(loc, 'admin:actions.restart', handlers.restart),
  ];
  if (options.electron) {
    confirmButtons.push(createConfirmButton(loc, 'admin:actions.exit', handlers.exitToDesktop, 'danger'));
  }
  const exportButton = (key: string, period: 'today' | 'all'): HTMLButtonElement => {
    const button = loc.text(
      h('button', { class: 'pill admin-action admin-action--ghost', type: 'button' }),
      key,
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      void handlers.exportData(period).finally(() => {
        button.disabled = false;
      });
    });
    return button;
  };
  const [endSession, endOfDay, ...rest] = confirmButtons.map((button) => button.element);
  const actions = h(
    'section',
    { class: 'admin-card admin-card--actions' },
    loc.text(h('h3', { class: 'admin-card__title' }), 'admin:actions.title'),
    h(
      'div',
      { class: 'admin-card__buttons' },
      endSession ?? null,
      endOfDay ?? null,
      exportButton('admin:actions.exportToday', 'today'),
      exportButton('admin:actions.exportAll', 'all'),
      ...rest,
    ),
    loc.text(h('p', { class: 'admin-card__note' }), 'admin:actions.endOfDayHint'),
    exportView.element,
  );

  // Three columns of cards (in portrait the third lies across the bottom), so each card sits
  // right under the one above it whatever their heights.
  const body = h(
    'div',
    { class: 'admin-body' },
    h('div', { class: 'admin-col admin-col--a' }, tallies.element),
    h('div', { class: 'admin-col admin-col--b' }, charts.element, health.element),
    h('div', { class: 'admin-col admin-col--c' }, actions, settings.element, sync.element),
  );
  const element = h(
    'div',
    {
      class: 'admin-overlay admin-overlay--panel',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'admin-panel-title',
      'data-testid': 'admin-panel',
      hidden: true,
    },
    header,
    result,
    body,
  );

  function showResult(text: string, tone: 'ok' | 'error' | 'info'): void {
    result.textContent = text;
    result.dataset.tone = tone;
    result.hidden = false;
  }

  function draw(data: PanelData, context: ViewContext): void {
    kiosk.textContent = loc.t('admin:panel.kiosk', { id: data.health.kioskId });
    tallies.render(data, context);
    health.render(data, context);
    charts.render(data, context);
  }

  return {
    element,
    exportView,
    get isOpen() {
      return !element.hidden;
    },
    open() {
      element.hidden = false;
      result.hidden = true;
      exportView.element.hidden = true;
      body.scrollTop = 0;
    },
    close() {
      element.hidden = true;
      charts.destroy();
      settings.reset();
      sync.reset();
      for (const button of confirmButtons) button.reset();
    },
    render(data, context, withSettings) {
      last = data;
      draw(data, context);
      if (withSettings) {
        settings.render(data.settings);
        sync.render(data.settings.sync);
      }
    },
    refresh(context) {
      settings.refresh();
      sync.refresh();
      autoLock.textContent = loc.t('admin:panel.autoLock', { left: formatRemaining(autoLockLeft, 0) });
      if (last) draw(last, context);
    },
    showResult,
    setAutoLock(msLeft) {
      autoLockLeft = msLeft;
      autoLock.textContent = loc.t('admin:panel.autoLock', { left: formatRemaining(msLeft, 0) });
    },
    liveCharts: () => charts.liveCharts(),
  };
}
