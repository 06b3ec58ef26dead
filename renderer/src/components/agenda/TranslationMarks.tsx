import type { TFunction } from 'i18next';
import type { AgendaSession } from '../../../../shared/agenda';
import { joinList, languageLabel } from './agendaFormat';

const fields = ['title', 'room', 'description'] as const;

interface Props {
  translations: AgendaSession['translations'];
  /** Working languages other than the source, in the forum's order. */
  targets: readonly string[];
  uiLanguage: string;
  t: TFunction;
}

/** For organisers: which translations of a session are missing or out of date, language by language. */
export function TranslationMarks({ translations, targets, uiLanguage, t }: Props) {
  const marks: { key: string; state: 'missing' | 'outdated'; text: string }[] = [];
  for (const lang of targets) {
    for (const state of ['missing', 'outdated'] as const) {
      const which = fields.filter((field) => translations[field][lang] === state);
      if (which.length === 0) continue;
      marks.push({
        key: `${lang}-${state}`,
        state,
        text: t(`agenda.translation.${state}`, {
          language: languageLabel(lang, uiLanguage),
          fields: joinList(which.map((field) => t(`agenda.fields.${field}`)), uiLanguage),
        }),
      });
    }
  }
  if (marks.length === 0) return null;
  return (
    <ul className="translation-marks" aria-label={t('agenda.translation.label')}>
      {marks.map((mark) => (
        <li key={mark.key} className={`translation-mark ${mark.state}`}>
          {mark.text}
        </li>
      ))}
    </ul>
  );
}
