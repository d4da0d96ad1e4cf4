/**
 * i18next set-up for the shell: Vietnamese first, English second, both bundled (no network).
 * Runs in the renderer.
 */
import i18next, { type i18n as I18n } from 'i18next';
import type { Language } from '../../electron/bridge/contract.js';
import en from './locales/en.json' with { type: 'json' };
import vi from './locales/vi.json' with { type: 'json' };

export const DEFAULT_LANGUAGE: Language = 'vi';

/** Creates an isolated i18next instance with both languages loaded. */
export async function createI18n(language: Language): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['vi', 'en'],
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next 25 prints a sponsor banner in the console at every init; a kiosk's console
    // is for staff diagnostics only.
    showSupportNotice: false,
  });
  return instance;
}
