import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, isUiLanguage, uiLanguages, type UiLanguage } from '../../../shared/languages';
import { localStore } from '../hooks/localStore';
import { storedLanguage } from './languageChoice';

// Each screen area keeps its messages in a file of its own (one top-level key, the file's name),
// merged into the one `app` namespace. A language's files are fetched when it is first needed,
// so start-up parses one language (and English, the fallback), not six.
const bundles: Record<UiLanguage, () => Promise<{ messages: Record<string, unknown> }>> = {
  ar: () => import('./bundles/ar'),
  zh: () => import('./bundles/zh'),
  en: () => import('./bundles/en'),
  fr: () => import('./bundles/fr'),
  ru: () => import('./bundles/ru'),
  es: () => import('./bundles/es'),
};

const bundleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isUiLanguage(language)) return callback(null, {});
    bundles[language]().then(
      (bundle) => callback(null, bundle.messages as ResourceKey),
      (error: unknown) => callback(error as Error, null),
    );
  },
};

/** The first of the preferred languages the interface has, else English. */
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

// This browser's own choice first, then the languages it asks for; never another screen's choice.
const stored = storedLanguage(localStore());
const startLanguage = initialLanguage(stored ? [stored, ...navigator.languages] : navigator.languages);
/** Resolves once the first language's messages are in: the app renders after it. */
export const i18nReady = i18next.use(bundleBackend).use(initReactI18next).init({
  lng: startLanguage,
  fallbackLng: 'en',
  supportedLngs: [...uiLanguages],
  defaultNS: 'app',
  ns: ['app'],
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
// i18next names its language only once the first bundle is in; the page's is known now.
applyDocumentLanguage(startLanguage);
i18next.on('languageChanged', applyDocumentLanguage);

export default i18next;
