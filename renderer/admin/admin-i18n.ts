/**
 * The staff screens' texts, as the 'admin' namespace of the shell's i18next instance, so they
 * follow the kiosk's language switch. Runs in the renderer.
 */
import type { i18n as I18n } from 'i18next';
import type { Language } from '../../electron/bridge/contract.js';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const ADMIN_NS = 'admin';

/** Adds the staff texts to `i18n` (idempotent). */
export function addAdminTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', ADMIN_NS, vi, true, true);
  i18n.addResourceBundle('en', ADMIN_NS, en, true, true);
}

/** The language the staff screens are shown in right now. */
export function currentLanguage(i18n: I18n): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}
