/**
 * The Chromium managed policy for a browser-host kiosk: what no web page can lock down by
 * itself. Installed into Chromium's managed-policy folder by `npm run deploy:policy`
 * (install-policy.ts); the default install's copy is committed as
 * deploy/chromium/not-alone-kiosk.json. Plain data, so every line is unit-tested.
 *
 * Policy names and values: https://chromeenterprise.google/policies/
 */
import { pathToFileURL } from 'node:url';

/** The policy file's name inside a managed-policy folder. */
export const POLICY_FILE_NAME = 'not-alone-kiosk.json';

/** Where Debian/Ubuntu Chromium and Google Chrome read managed policies on Linux. */
export const POLICY_DIRS = {
  chromium: '/etc/chromium/policies/managed',
  chrome: '/etc/opt/chrome/policies/managed',
} as const;

export interface PolicyOptions {
  /** The browser host's port on 127.0.0.1. */
  port: number;
  /** Absolute path of the offline "restarting" page (deploy/offline/restarting.html). */
  offlinePage: string;
  /** Where staff exports download to (the only downloads the kiosk serves). */
  downloadDir: string;
}

/** Values of the policies used below that are numbers in Chromium's schema. */
const DEVTOOLS_DISALLOWED = 2;
const INCOGNITO_DISABLED = 1;
const BLOCK_DANGEROUS_DOWNLOADS = 1;
const BLOCK = 2;
const SIGNIN_DISABLED = 0;

/** The managed policy for a kiosk whose host listens on `options.port`. */
export function kioskPolicy(options: PolicyOptions): Record<string, unknown> {
  return {
    // Nothing but the kiosk: every URL is blocked except the host and the offline page.
    URLBlocklist: ['*'],
    URLAllowlist: [`http://127.0.0.1:${options.port}`, pathToFileURL(options.offlinePage).href],
    // No DevTools (F12, Ctrl+Shift+I, the context menu's "Inspect"), no task manager.
    DeveloperToolsAvailability: DEVTOOLS_DISALLOWED,
    TaskManagerEnabled: false,
    // No printing, no "open file" / "save as" dialogs, no other profiles or windows.
    PrintingEnabled: false,
    AllowFileSelectionDialogs: false,
    IncognitoModeAvailability: INCOGNITO_DISABLED,
    BrowserGuestModeEnabled: false,
    BrowserAddPersonEnabled: false,
    BrowserSignin: SIGNIN_DISABLED,
    SyncDisabled: true,
    // Downloads: the allowlist leaves only the host's one-time staff export links; they go
    // into one folder without asking, and dangerous file types are refused anyway.
    DownloadRestrictions: BLOCK_DANGEROUS_DOWNLOADS,
    DownloadDirectory: options.downloadDir,
    PromptForDownloadLocation: false,
    AutoOpenFileTypes: [],
    // Nothing a visitor could add, store or be asked about.
    ExtensionInstallBlocklist: ['*'],
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    SavingBrowserHistoryDisabled: true,
    EditBookmarksEnabled: false,
    BookmarkBarEnabled: false,
    TranslateEnabled: false,
    SpellcheckEnabled: false,
    DefaultPopupsSetting: BLOCK,
    DefaultNotificationsSetting: BLOCK,
    DefaultGeolocationSetting: BLOCK,
    AudioCaptureAllowed: false,
    VideoCaptureAllowed: false,
    ScreenCaptureAllowed: false,
    // The attract loop plays sound before anyone touches the screen.
    AutoplayAllowed: true,
    // Offline kiosk: no reporting, no "unsupported flag" bar over the kiosk.
    MetricsReportingEnabled: false,
    CommandLineFlagSecurityWarningsEnabled: false,
  };
}

/** The policy as the JSON file Chromium reads (stable key order, two-space indent). */
export function policyJson(options: PolicyOptions): string {
  return `${JSON.stringify(kioskPolicy(options), null, 2)}\n`;
}
