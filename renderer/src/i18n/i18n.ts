import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../../../resources/locales/ar/app.json';
import arAgenda from '../../../resources/locales/ar/agenda.json';
import arCapture from '../../../resources/locales/ar/capture.json';
import arKeyMessages from '../../../resources/locales/ar/keyMessages.json';
import arSearch from '../../../resources/locales/ar/search.json';
import arParticipantImport from '../../../resources/locales/ar/participantImport.json';
import arParticipants from '../../../resources/locales/ar/participants.json';
import arStats from '../../../resources/locales/ar/stats.json';
import en from '../../../resources/locales/en/app.json';
import enAgenda from '../../../resources/locales/en/agenda.json';
import enCapture from '../../../resources/locales/en/capture.json';
import enKeyMessages from '../../../resources/locales/en/keyMessages.json';
import enSearch from '../../../resources/locales/en/search.json';
import enParticipantImport from '../../../resources/locales/en/participantImport.json';
import enParticipants from '../../../resources/locales/en/participants.json';
import enStats from '../../../resources/locales/en/stats.json';
import es from '../../../resources/locales/es/app.json';
import esAgenda from '../../../resources/locales/es/agenda.json';
import esCapture from '../../../resources/locales/es/capture.json';
import esKeyMessages from '../../../resources/locales/es/keyMessages.json';
import esSearch from '../../../resources/locales/es/search.json';
import esParticipantImport from '../../../resources/locales/es/participantImport.json';
import esParticipants from '../../../resources/locales/es/participants.json';
import esStats from '../../../resources/locales/es/stats.json';
import fr from '../../../resources/locales/fr/app.json';
import frAgenda from '../../../resources/locales/fr/agenda.json';
import frCapture from '../../../resources/locales/fr/capture.json';
import frKeyMessages from '../../../resources/locales/fr/keyMessages.json';
import frSearch from '../../../resources/locales/fr/search.json';
import frParticipantImport from '../../../resources/locales/fr/participantImport.json';
import frParticipants from '../../../resources/locales/fr/participants.json';
import frStats from '../../../resources/locales/fr/stats.json';
import ru from '../../../resources/locales/ru/app.json';
import ruAgenda from '../../../resources/locales/ru/agenda.json';
import ruCapture from '../../../resources/locales/ru/capture.json';
import ruKeyMessages from '../../../resources/locales/ru/keyMessages.json';
import ruSearch from '../../../resources/locales/ru/search.json';
import ruParticipantImport from '../../../resources/locales/ru/participantImport.json';
import ruParticipants from '../../../resources/locales/ru/participants.json';
import ruStats from '../../../resources/locales/ru/stats.json';
import zh from '../../../resources/locales/zh/app.json';
import zhAgenda from '../../../resources/locales/zh/agenda.json';
import zhCapture from '../../../resources/locales/zh/capture.json';
import zhKeyMessages from '../../../resources/locales/zh/keyMessages.json';
import zhSearch from '../../../resources/locales/zh/search.json';
import zhParticipantImport from '../../../resources/locales/zh/participantImport.json';
import zhParticipants from '../../../resources/locales/zh/participants.json';
import zhStats from '../../../resources/locales/zh/stats.json';
import { directionOf, isUiLanguage, uiLanguages, type UiLanguage } from '../../../shared/languages';

// Each screen area keeps its messages in a file of its own (one top-level key, the file's name),
// merged into the one `app` namespace so keys read the same wherever they live.
export const resources = {
  ar: { ...ar, ...arAgenda, ...arParticipants, ...arParticipantImport, ...arStats, ...arCapture, ...arKeyMessages, ...arSearch },
  zh: { ...zh, ...zhAgenda, ...zhParticipants, ...zhParticipantImport, ...zhStats, ...zhCapture, ...zhKeyMessages, ...zhSearch },
  en: { ...en, ...enAgenda, ...enParticipants, ...enParticipantImport, ...enStats, ...enCapture, ...enKeyMessages, ...enSearch },
  fr: { ...fr, ...frAgenda, ...frParticipants, ...frParticipantImport, ...frStats, ...frCapture, ...frKeyMessages, ...frSearch },
  ru: { ...ru, ...ruAgenda, ...ruParticipants, ...ruParticipantImport, ...ruStats, ...ruCapture, ...ruKeyMessages, ...ruSearch },
  es: { ...es, ...esAgenda, ...esParticipants, ...esParticipantImport, ...esStats, ...esCapture, ...esKeyMessages, ...esSearch },
} as const;

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
