import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../../../resources/locales/ar/app.json';
import en from '../../../resources/locales/en/app.json';
import es from '../../../resources/locales/es/app.json';
import fr from '../../../resources/locales/fr/app.json';
import ru from '../../../resources/locales/ru/app.json';
import zh from '../../../resources/locales/zh/app.json';
import { directionOf, isUiLanguage, uiLanguages, type UiLanguage } from '../../../shared/languages';

export const resources = { ar, zh, en, fr, ru, es } as const;

/** The UI language before the stored preference arrives: the browser's, if we have it. */
export function initialLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

/** The whole document follows the UI language: `lang` for fonts and screen readers, `dir` for layout. */
export function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(resources).map(([lang, app]) => [lang, { app }])),
  lng: initialLanguage(navigator.languages),
  fallbackLng: 'en',
  supportedLngs: [...uiLanguages],
  defaultNS: 'app',
  ns: ['app'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLanguage(i18next.language);
i18next.on('languageChanged', applyDocumentLanguage);

export default i18next;
