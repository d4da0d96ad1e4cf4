/**
 * Renderer boot: connect to the back office, load the kiosk's config, set up i18n, and start
 * the visitor flow. Runs in the renderer (Electron window or Chromium under the browser host).
 */
// First, before anything that could fail or take time: the page's own lockdown.
import './lockdown.js';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/800.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import { LANGUAGES, type KioskConfig } from '../electron/bridge/contract.js';
import { BROKEN_STATIONS, STATIONS, stationTexts } from '../scenes/registry.js';
import type { AdminDiagnostics } from './admin/admin-layer.js';
import { connectKiosk } from './bridge/kiosk-client.js';
import type { DeliveryState } from './bridge/record-outbox.js';
import { createI18n, DEFAULT_LANGUAGE } from './i18n/i18n.js';
import { KioskApp, type Diagnostics } from './shell/kiosk-app.js';

declare global {
  interface Window {
    /** Read-only state for staff debugging and end-to-end tests. */
    kioskDiagnostics?: () => Diagnostics;
    /** The staff layer's state (closed, PIN pad or panel) for end-to-end tests. */
    kioskAdminDiagnostics?: () => AdminDiagnostics;
    /** Visitor records on their way to the back office, for staff debugging and tests. */
    kioskDeliveryDiagnostics?: () => DeliveryState;
  }
}

/** Used when the back office cannot be reached at boot, so visitors still get the flow. */
const FALLBACK_CONFIG: KioskConfig = {
  kioskId: 'unknown',
  version: '0.0.0',
  language: DEFAULT_LANGUAGE,
  idleSeconds: 60,
  host: 'browser',
  campaignUrl: '',
};

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  let app: KioskApp | null = null;
  const { api: kiosk, outbox } = connectKiosk((state) => app?.showDelivery(state));
  window.kioskDeliveryDiagnostics = () => outbox.state();
  const answer = await kiosk.config(undefined);
  const config = answer.ok ? answer.value : FALLBACK_CONFIG;
  if (!answer.ok) console.error(`Kiosk config unavailable: ${answer.error.message}`);
  document.documentElement.lang = config.language;
  const i18n = await createI18n(config.language);
  // Station names and pitches come from each station's station.json, not from the shell's locale.
  for (const language of LANGUAGES) {
    i18n.addResourceBundle(language, 'translation', stationTexts(STATIONS, language), true, true);
  }
  const shell = new KioskApp(root, kiosk, config, i18n, STATIONS);
  app = shell;
  shell.start();
  shell.showDelivery(outbox.state());
  // A broken station file costs that station only: the hub never shows it, kiosk.log names the
  // file and field, and staff get a notice. station.json is read at boot; content is checked
  // below, once the attract loop runs.
  for (const broken of BROKEN_STATIONS) shell.hideStation(broken);
  window.kioskDiagnostics = () => shell.diagnostics();
  // Staff tools: hidden gesture / Ctrl+Shift+A → PIN pad → panel, over the visitor flow.
  // Loaded once the attract loop runs, so chart.js and the panel stay out of the first load.
  const { installAdminLayer } = await import('./admin/admin-layer.js');
  const admin = installAdminLayer({ root, kiosk, config, i18n, host: shell, stations: STATIONS });
  window.kioskAdminDiagnostics = () => admin.diagnostics();
  await shell.checkStations();
}

void boot();
