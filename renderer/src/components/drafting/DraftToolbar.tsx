import { useTranslation } from 'react-i18next';
import type { ParagraphKind } from '../../../../shared/outcome';
import { languageLabel } from '../agenda/agendaFormat';

interface Props {
  /** Working languages, source first. */
  languages: readonly string[];
  readingLang: string;
  onReadingLanguage(lang: string): void;
  placeText: string;
  onCompose(kind: ParagraphKind): void;
  onFromKeyMessages(): void;
}

/** The language the document is read in (not the interface's), and the ways to add to it. */
export function DraftToolbar({ languages, readingLang, onReadingLanguage, placeText, onCompose, onFromKeyMessages }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="drafting-toolbar">
      <label className="inline-field">
        <span>{t('drafting.readingLanguage')}</span>
        <select value={readingLang} onChange={(event) => onReadingLanguage(event.target.value)}>
          {languages.map((lang) => (
            <option key={lang} value={lang}>
              {languageLabel(lang, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <div className="actions" role="group" aria-label={t('drafting.addGroup')} aria-describedby="drafting-add-place">
        <button type="button" className="primary" onClick={onFromKeyMessages} aria-keyshortcuts="M">
          {t('drafting.actions.fromKeyMessages')}
        </button>
        <button type="button" onClick={() => onCompose('numbered')} aria-keyshortcuts="N">
          {t('drafting.actions.newParagraph')}
        </button>
        <button type="button" onClick={() => onCompose('heading')} aria-keyshortcuts="H">
          {t('drafting.actions.newHeading')}
        </button>
        <span id="drafting-add-place" className="hint">
          {placeText}
        </span>
      </div>
    </div>
  );
}
