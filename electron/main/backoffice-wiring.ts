import { dialog, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import ElectronStore from 'electron-store';
import { createBridgeHandlers, openBackOffice, type BackOffice } from '../backoffice/index.js';
import type { BridgeHandlers } from '../bridge/dispatch.js';
import { electronAdminPlatform } from './admin-platform.js';
import type { Logger } from './logger.js';

export interface ElectronBackOffice {
  backOffice: BackOffice;
  handlers: BridgeHandlers;
}

/**
 * Opens the back office for the Electron host, with electron-store for settings, and builds
 * the bridge handlers the IPC gateway dispatches to. The only file that knows the back
 * office's API, so the rest of the shell stays independent of it.
 */
export function openElectronBackOffice(options: {
  dataDir: string;
  version: string;
  logger: Logger;
  /** `dialog.showOpenDialog` bound to the kiosk window (for the export folder); default: unparented. */
  showOpenDialog?: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  /** Closes an open export chooser (main.ts: replaces the kiosk window); default: nothing to close. */
  closeDialog?: () => void;
}): ElectronBackOffice {
  let opened: BackOffice | null = null;
  const adminPlatform = electronAdminPlatform({
    showOpenDialog: options.showOpenDialog ?? ((dialogOptions) => dialog.showOpenDialog(dialogOptions)),
    closeDialog: options.closeDialog ?? (() => undefined),
    beforeRestart: () => opened?.close(),
    logger: options.logger,
  });
  const backOffice = openBackOffice({
    dataDir: options.dataDir,
    version: options.version,
    host: 'electron',
    env: process.env,
    settingsStoreFactory: (storeOptions) => new ElectronStore(storeOptions),
    logger: options.logger,
    adminPlatform,
  });
  opened = backOffice;
  return { backOffice, handlers: createBridgeHandlers(backOffice) };
}
