import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../../core/validation-messages.js';
import { adminEn, adminEs } from '../admin/messages.js';
import { setApiLanguage } from '../api/client.js';
import { backOfficeEn, backOfficeEs } from '../backoffice/messages.js';
import { publicEn, publicEs } from '../public-site/messages.js';
import { accountEn, accountEs } from '../session/messages.js';
import { en } from './en.js';
import { es } from './es.js';

export const LANGUAGES = ['es', 'en'] as const satisfies readonly Language[];
const STORAGE_KEY = 'folio.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

function applyLanguage(language: string): void {
  setApiLanguage(language);
  document.documentElement.lang = language === 'en' ? 'en' : 'es-MX';
}

export function initI18n() {
  const language = storedLanguage();
  applyLanguage(language);
  i18next.on('languageChanged', (next) => {
    applyLanguage(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
  });
  return i18next.use(initReactI18next).init({
    resources: {
      es: { translation: { ...es, ...accountEs, ...adminEs, ...backOfficeEs }, public: publicEs },
      en: { translation: { ...en, ...accountEn, ...adminEn, ...backOfficeEn }, public: publicEn },
    },
    lng: language,
    fallbackLng: 'es',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
}

/** The page's language as the core's message catalogue and `Intl` need it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'es';
}

export function localeOf(language: Language): string {
  return language === 'en' ? 'en-US' : 'es-MX';
}
