import type { Session } from 'electron';
import type { Logger } from './logger.js';

/** Schemes the renderer must never reach; the kiosk only talks to `app://`. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*'];

/**
 * Denies every permission (camera, microphone, geolocation, notifications, …) both when
 * a page asks and when it merely checks, and cancels any network request a page makes
 * to http(s), ws(s) or file — defence in depth behind the CSP. Requests that the main
 * process makes itself (no webContents) are left alone. Every download is cancelled: the
 * Electron kiosk's only file output, the staff export, is written by the back office
 * itself, so a download can only be something a page should not do (it would open a
 * "save as" dialog on the public screen).
 */
export function lockDownSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn(`Denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    logger.warn(`Blocked a download of ${item.getURL()}`);
  });
  session.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (details, callback) => {
    if (details.webContentsId === undefined) {
      callback({});
      return;
    }
    logger.warn(`Blocked a renderer request to ${details.url}`);
    callback({ cancel: true });
  });
}
