/**
 * The back office's public API: what the Electron main process and the browser host use.
 * Plain Node: nothing here may import electron.
 *
 * What it keeps in the data folder:
 *   journal.jsonl                  every visitor event, one JSON record per line (append-only)
 *   journal.lock                   which process is writing the journal (one at a time)
 *   journal.checkpoint.json        replay cache for fast boots (safe to delete)
 *   journal.torn-<time>            bytes of an interrupted write, set aside at boot
 *   settings.json                  kiosk settings (conf / electron-store)
 *   settings.json.corrupt-<time>   a damaged settings file, set aside byte for byte
 *   logs/kiosk.log                 the default logger's output
 */
export { openBackOffice } from './backoffice.js';
export { createBridgeHandlers } from './handlers.js';
export type { BackOffice, BackOfficeOptions, Logger, SettingsStoreFactory } from './types.js';
export { SettingsSchema, SETTINGS_VERSION, type Settings } from './settings.js';
export { openJournal, type Journal, type JournalOptions } from './journal.js';
