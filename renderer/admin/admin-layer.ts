/**
 * The staff layer over the kiosk: hidden unlock → PIN pad → panel, and everything the panel
 * asks the back office to do. Holds the short-lived admin token in memory only (never
 * stored), closes itself after ADMIN_IDLE_MS without input, and while it is open counts as
 * visitor activity so the idle timeout never ends the session behind it. Runs in the renderer.
 */
import './admin.css';
import type { i18n as I18n } from 'i18next';
import {
  ADMIN_IDLE_MS,
  type AdminActionRequest,
  type AdminExportResult,
  type AdminSettings,
  type StaffNotice,
} from '../../electron/bridge/admin-contract.js';
import type { BridgeResult, KioskApi, KioskConfig, Language } from '../../electron/bridge/contract.js';
import type { StationDefinition } from '../../scenes/station.js';
import { Localized } from '../shell/localized.js';
import { errorText } from '../shell/notices.js';
import { addAdminTexts, currentLanguage } from './admin-i18n.js';
import { createAdminPanel } from './admin-panel.js';
import { downloadFile } from './download.js';
import { runExport } from './export-runner.js';
import { StaffIdleTimer } from './idle-timer.js';
import type { ViewContext } from './panel-types.js';
import { createPinPad, type PadOutcome } from './pin-pad.js';
import type { SyncChange } from './sync-view.js';
import { listenForUnlock } from './unlock-listener.js';

/** The PIN pad closes itself sooner than the panel: nobody is using it. */
export const PAD_IDLE_MS = 60_000;
/** How often open staff screens tick (idle checks, the auto-lock line, visitor keep-alive). */
const TICK_MS = 1_000;
/** How often the open panel fetches fresh tallies. */
const REFRESH_MS = 30_000;

/** What the staff layer needs from the visitor shell (KioskApp implements it). */
export interface AdminHost {
  /** Ends the running visitor session with reason "staff"; false when none was running. */
  endSessionByStaff(): Promise<boolean>;
  /** Staff are busy at the kiosk: reset the visitor idle timer. */
  keepAlive(): void;
  /** Switches the display language without recording a visitor event. */
  showLanguage(language: Language): Promise<void>;
  /** Applies saved settings (default language, idle time) without a restart. */
  applySettings(settings: AdminSettings): void;
  /** Notices the visitor shell raised itself (stations hidden for a broken file). */
  stationNotices?(): readonly StaffNotice[];
}

export interface AdminDiagnostics {
  state: 'closed' | 'pad' | 'panel';
  liveCharts: number;
}

export interface AdminLayer {
  /** Opens the PIN pad (what the gesture and the shortcut do). */
  openPad(): Promise<void>;
  /** Closes every staff screen and drops the admin token. */
  lock(): void;
  diagnostics(): AdminDiagnostics;
}

type PadFor = 'unlock' | 'setup' | 'change';
/** A staff action as the panel asks for it; the layer adds the token. */
type ActionRequest = AdminActionRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'adminToken'>
    : never
  : never;
type ExportAnswer = BridgeResult<AdminExportResult>;

/** Builds the staff layer into `root` and starts listening for the unlock gesture and shortcut. */
export function installAdminLayer(options: {
  root: HTMLElement;
  kiosk: KioskApi;
  config: KioskConfig;
  i18n: I18n;
  host: AdminHost;
  stations: readonly StationDefinition[];
  now?: () => number;
}): AdminLayer {
  const { kiosk, config, i18n, host, stations } = options;
  const now = options.now ?? (() => Date.now());
  addAdminTexts(i18n);
  const loc = new Localized(i18n);
  const stationIds = stations.map((station) => station.id);
  const context = (): ViewContext => ({
    language: currentLanguage(i18n),
    stationName: (id) => {
      const station = stations.find((candidate) => candidate.id === id);
      return station && i18n.exists(station.titleKey) ? i18n.t(station.titleKey) : id;
    },
  });

  let state: AdminDiagnostics['state'] = 'closed';
  let token: string | null = null;
  let padFor: PadFor = 'unlock';
  let idle: StaffIdleTimer | null = null;
  let ticker = 0;
  let lastRefresh = 0;

  const pad = createPinPad(loc, { submit: submitPin, cancel: cancelPad, now });
  const panel = createAdminPanel(
    loc,
    { electron: config.host === 'electron', stations: stationIds, language: () => currentLanguage(i18n) },
    {
      lock,
      toggleLanguage: () => void host.showLanguage(currentLanguage(i18n) === 'vi' ? 'en' : 'vi'),
      endSession,
      endOfDay,
      exportData,
      restart,
      exitToDesktop,
      saveSettings,
      saveSync,
      changePin: () => {
        padFor = 'change';
        pad.open({ purpose: 'choose' });
      },
    },
  );
  options.root.append(panel.element, pad.element);

  // Any touch or key on a staff screen keeps it open.
  for (const element of [panel.element, pad.element]) {
    for (const type of ['pointerdown', 'keydown', 'input'] as const) {
      element.addEventListener(type, () => idle?.activity(now()), { passive: true });
    }
  }
  i18n.on('languageChanged', () => {
    loc.refresh();
    pad.refresh();
    panel.refresh(context());
  });
  listenForUnlock(
    () => void openPad(),
    () => state === 'closed',
  );

  function startTicking(limitMs: number): void {
    idle = new StaffIdleTimer(limitMs, now());
    window.clearInterval(ticker);
    ticker = window.setInterval(tick, TICK_MS);
    tick();
  }

  function tick(): void {
    if (state === 'closed' || idle === null) return;
    host.keepAlive();
    const t = now();
    if (idle.expired(t)) {
      lock();
      return;
    }
    if (state === 'panel') {
      panel.setAutoLock(idle.remaining(t));
      if (t - lastRefresh >= REFRESH_MS) void refreshPanel(false);
    }
  }

  /**
   * While a staff screen is open, the visitor screens under it are inert: Tab cannot walk out
   * of the modal pad or panel into the hub behind it, and nothing there can be pressed.
   */
  function setVisitorInert(inert: boolean): void {
    for (const child of options.root.children) {
      if (child instanceof HTMLElement && child !== panel.element && child !== pad.element)
        child.inert = inert;
    }
  }

  async function openPad(): Promise<void> {
    if (state !== 'closed') return;
    state = 'pad';
    setVisitorInert(true);
    startTicking(PAD_IDLE_MS);
    const answer = await kiosk.adminState(undefined);
    if (!isIn('pad')) return;
    if (!answer.ok) {
      padFor = 'unlock';
      pad.open({ purpose: 'unlock', error: errorText(loc, answer.error.message) });
      return;
    }
    const { pin, lockedUntil, lockoutSaved } = answer.value;
    if (pin === 'choose') {
      // Only where on-screen set-up was allowed and no PIN ever existed (development).
      padFor = 'setup';
      pad.open({ purpose: 'choose', firstRun: true });
      return;
    }
    padFor = 'unlock';
    const refused = pin === 'set' ? (lockoutSaved ? null : 'lockout-unsaved') : pin;
    pad.open({ purpose: 'unlock', lockedUntil, refused });
  }

  /** The current state; a function so checks after an `await` are not narrowed away. */
  function isIn(expected: AdminDiagnostics['state']): boolean {
    return state === expected;
  }

  async function submitPin(pin: string): Promise<PadOutcome> {
    if (padFor === 'change') {
      if (token === null) return { kind: 'error', message: loc.t('admin:panel.expired') };
      const answer = await kiosk.adminAction({ adminToken: token, action: 'set-pin', pin });
      if (!answer.ok) return { kind: 'error', message: errorText(loc, answer.error.message) };
      pad.close();
      panel.showResult(loc.t('admin:settings.pinChanged'), 'ok');
      return { kind: 'ok' };
    }
    if (padFor === 'setup') {
      const answer = await kiosk.adminSetupPin({ pin });
      if (!answer.ok) return { kind: 'error', message: errorText(loc, answer.error.message) };
      await openPanel(answer.value.adminToken);
      return { kind: 'ok' };
    }
    const answer = await kiosk.adminUnlock({ pin });
    if (!answer.ok) return { kind: 'error', message: errorText(loc, answer.error.message) };
    const result = answer.value;
    if (result.unlocked) {
      await openPanel(result.adminToken);
      return { kind: 'ok' };
    }
    if (result.refused !== null) return { kind: 'refused', reason: result.refused };
    if (result.lockedUntil !== null && Date.parse(result.lockedUntil) > now()) {
      return { kind: 'locked', until: result.lockedUntil };
    }
    return { kind: 'wrong', attemptsLeft: result.attemptsLeft };
  }

  function cancelPad(): void {
    pad.close();
    if (padFor === 'change') return; // back to the panel underneath
    close();
  }

  async function openPanel(adminToken: string): Promise<void> {
    token = adminToken;
    pad.close();
    state = 'panel';
    startTicking(ADMIN_IDLE_MS);
    panel.open();
    // The keyboard starts in the panel (the pad that had it is gone).
    panel.element.querySelector<HTMLElement>('button')?.focus();
    panel.setAutoLock(ADMIN_IDLE_MS);
    await refreshPanel(true);
  }

  async function refreshPanel(withSettings: boolean): Promise<void> {
    if (token === null) return;
    lastRefresh = now();
    const answer = await kiosk.adminPanel({ adminToken: token });
    if (!isIn('panel')) return;
    if (answer.ok) {
      // The back office's notices plus the shell's own (a station hidden for a broken file).
      const shellNotices = host.stationNotices?.() ?? [];
      const health = { ...answer.value.health, notices: [...answer.value.health.notices, ...shellNotices] };
      panel.render({ ...answer.value, health }, context(), withSettings);
    } else if (answer.error.code === 'forbidden') {
      // The back office let the token expire: unlock again rather than show stale data.
      close();
      void openPad();
    } else {
      panel.showResult(
        loc.t('admin:panel.loadFailed', { message: errorText(loc, answer.error.message) }),
        'error',
      );
    }
  }

  function close(): void {
    state = 'closed';
    token = null;
    idle = null;
    window.clearInterval(ticker);
    pad.close();
    panel.close();
    setVisitorInert(false);
  }

  function lock(): void {
    const adminToken = token;
    close();
    if (adminToken !== null) void kiosk.adminAction({ adminToken, action: 'lock' });
  }

  /** Runs a staff action and shows its result; returns whether it succeeded. */
  async function act(request: ActionRequest, okText?: string): Promise<boolean> {
    if (token === null) return false;
    const answer = await kiosk.adminAction({ ...request, adminToken: token });
    if (answer.ok) panel.showResult(okText ?? errorText(loc, answer.value.message), 'ok');
    else
      panel.showResult(
        loc.t('admin:actions.failed', { message: errorText(loc, answer.error.message) }),
        'error',
      );
    return answer.ok;
  }

  async function endSession(): Promise<void> {
    const ended = await host.endSessionByStaff();
    if (!ended) {
      panel.showResult(loc.t('admin:actions.noSession'), 'info');
      return;
    }
    // The renderer ended the session (reason "staff"); this call writes the audit line.
    await act({ action: 'end-session' }, loc.t('admin:actions.sessionEnded'));
    await refreshPanel(false);
  }

  async function exportOnce(period: 'today' | 'all', closesDay: boolean): Promise<ExportAnswer> {
    if (token === null)
      return { ok: false, error: { code: 'forbidden', message: loc.t('admin:panel.expired') } };
    const adminToken = token;
    panel.exportView.begin(closesDay);
    return runExport(
      { request: () => kiosk.adminExport({ adminToken, period }), download: downloadFile },
      (phase) => {
        idle?.activity(now()); // a long export is not "no input"
        panel.exportView.phase(phase);
      },
    );
  }

  /** The sentence saying where an export went. */
  function exportSummary(result: AdminExportResult): string {
    const vars = { count: result.files.length, records: result.records };
    return result.folder === null
      ? loc.t('admin:export.downloaded', vars)
      : loc.t('admin:export.saved', { ...vars, folder: result.folder });
  }

  async function exportData(period: 'today' | 'all'): Promise<void> {
    panel.showResult(loc.t('admin:export.preparing'), 'info');
    const answer = await exportOnce(period, false);
    panel.exportView.finish();
    if (answer.ok) panel.showResult(exportSummary(answer.value), 'ok');
    else
      panel.showResult(
        loc.t('admin:export.failed', { message: errorText(loc, answer.error.message) }),
        'error',
      );
  }

  async function endOfDay(): Promise<void> {
    panel.showResult(loc.t('admin:export.preparing'), 'info');
    // Export first: the day is closed only once its data is safely out.
    const exported = await exportOnce('today', true);
    if (!exported.ok) {
      panel.showResult(
        loc.t('admin:actions.endOfDayAborted', { message: errorText(loc, exported.error.message) }),
        'error',
      );
      return;
    }
    panel.exportView.closing();
    panel.showResult(loc.t('admin:export.closingDay'), 'info');
    const closed = await act(
      { action: 'end-of-day' },
      `${loc.t('admin:actions.endOfDayDone')} ${exportSummary(exported.value)}`,
    );
    panel.exportView.finish();
    if (closed) await refreshPanel(false);
  }

  async function restart(): Promise<void> {
    if (!(await act({ action: 'restart' }, loc.t('admin:actions.restarting')))) return;
    // Electron relaunches itself; the browser host restarts the kiosk by reloading the page.
    if (config.host === 'browser')
      window.setTimeout(() => {
        window.location.reload();
      }, 600);
  }

  async function exitToDesktop(): Promise<void> {
    await act({ action: 'exit-to-desktop' });
  }

  async function saveSettings(settings: AdminSettings): Promise<void> {
    // Only the plain settings: sync has its own action (and the token is never sent back).
    const plain = {
      kioskId: settings.kioskId,
      language: settings.language,
      idleSeconds: settings.idleSeconds,
      campaignUrl: settings.campaignUrl,
    };
    if (await act({ action: 'set-settings', settings: plain }, loc.t('admin:settings.saved'))) {
      host.applySettings(settings);
      await refreshPanel(true);
    }
  }

  async function saveSync(change: SyncChange): Promise<void> {
    if (await act({ action: 'set-sync', ...change }, loc.t('admin:sync.saved'))) await refreshPanel(true);
  }

  return {
    openPad,
    lock,
    diagnostics: () => ({ state, liveCharts: panel.liveCharts() }),
  };
}
