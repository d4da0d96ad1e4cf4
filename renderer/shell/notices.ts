/**
 * Staff notices (codes with parameters from the back office) in the staff's language. Used by
 * the corner notice on the visitor screens and by the staff panel. Runs in the renderer.
 */
import { noticeFromMessage, type StaffNotice } from '../../electron/bridge/admin-contract.js';
import type { Localized } from './localized.js';

/** One notice as a sentence in the current language. */
export function noticeText(loc: Localized, notice: StaffNotice): string {
  return loc.t(`staff.notices.${notice.code}`, notice.params);
}

/**
 * A bridge error's message for staff: localised when it carries a notice code, as sent
 * otherwise.
 */
export function errorText(loc: Localized, message: string): string {
  const notice = noticeFromMessage(message);
  return notice === null ? message : noticeText(loc, notice);
}
