import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../preload/api';
import { en } from './en';
import { vi, type Messages } from './vi';

export const resources: Record<Language, { translation: Messages }> = {
  vi: { translation: vi },
  en: { translation: en },
};

/** Messages per language for code outside React (the API client's own errors). */
export const messages: Record<Language, Messages> = { vi, en };

/**
 * One i18next instance for the app. Resources are bundled (the kiosk is offline-first), so init is
 * synchronous and the first render already has its text.
 */
export function createI18n(lng: Language = 'vi'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // <html lang> follows the language so screen readers pronounce Vietnamese as Vietnamese.
  const syncLang = (language: string): void => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  };
  syncLang(instance.language);
  instance.on('languageChanged', syncLang);
  return instance;
}

export function isLanguage(value: string): value is Language {
  return value === 'vi' || value === 'en';
}
