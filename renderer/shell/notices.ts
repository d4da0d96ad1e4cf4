/**
 * Staff notices (codes with parameters from the back office) in the staff's language. Used by
 * the corner notice on the visitor screens and by the staff panel. Runs in the renderer.
 */
import { noticeFromMessage, type StaffMessage } from '../../electron/bridge/admin-contract.js';
import type { Localized } from './localized.js';

/**
 * One notice or message as a sentence in the current language. A storage failure's action
 * and cause are codes too: each is worded here, with the advice that goes with the cause.
 */
export function noticeText(loc: Localized, notice: StaffMessage): string {
  const params = { ...notice.params };
  if (notice.code === 'storage-failed') {
    const cause = String(params.cause);
    params.action = loc.t(`staff.storage.action.${String(params.action)}`);
    params.cause = loc.t(`staff.storage.cause.${cause}`);
    params.advice = loc.t(`staff.storage.advice.${cause}`);
  }
  if (notice.code === 'station-hidden') {
    // The station by its name in the staff's language when the hub knew it, always with its id.
    const id = String(params.station);
    const title = loc.t(`stations.${id}.title`, { defaultValue: '' });
    params.station = title === '' ? id : `${title} (${id})`;
    if (params.field === '') params.field = loc.t('staff.wholeFile');
  }
  return loc.t(`staff.notices.${notice.code}`, params);
}

/**
 * A bridge error's message for staff: localised when it carries a notice code, as sent
 * otherwise.
 */
export function errorText(loc: Localized, message: string): string {
  const notice = noticeFromMessage(message);
  return notice === null ? message : noticeText(loc, notice);
}
