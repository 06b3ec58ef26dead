import { useTranslation } from 'react-i18next';
import type { ParagraphKind } from '../../../../shared/outcome';
import type { Permission } from '../../hooks/useForumRoles';
import { languageLabel } from '../agenda/agendaFormat';
import { RoleGate } from '../RoleGate';

interface Props {
  /** Working languages, source first. */
  languages: readonly string[];
  readingLang: string;
  onReadingLanguage(lang: string): void;
  placeText: string;
  onCompose(kind: ParagraphKind): void;
  onFromKeyMessages(): void;
  /** Whether this laptop may add paragraphs (a drafter's work). */
  canDraft: Permission;
}

/** The language the document is read in (not the interface's), and the ways to add to it. */
export function DraftToolbar({ languages, readingLang, onReadingLanguage, placeText, onCompose, onFromKeyMessages, canDraft }: Props) {
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
        <RoleGate permission={canDraft}>
          {(gate) => (
            <button type="button" className="primary" onClick={onFromKeyMessages} aria-keyshortcuts="M" {...gate}>
              {t('drafting.actions.fromKeyMessages')}
            </button>
          )}
        </RoleGate>
        <RoleGate permission={canDraft}>
          {(gate) => (
            <button type="button" onClick={() => onCompose('numbered')} aria-keyshortcuts="N" {...gate}>
              {t('drafting.actions.newParagraph')}
            </button>
          )}
        </RoleGate>
        <RoleGate permission={canDraft}>
          {(gate) => (
            <button type="button" onClick={() => onCompose('heading')} aria-keyshortcuts="H" {...gate}>
              {t('drafting.actions.newHeading')}
            </button>
          )}
        </RoleGate>
        <span id="drafting-add-place" className="hint">
          {placeText}
        </span>
      </div>
    </div>
  );
}
