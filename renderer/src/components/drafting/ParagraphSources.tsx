import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import { useApiQuery } from '../../hooks/useApiQuery';
import type { Permission } from '../../hooks/useForumRoles';
import { ErrorMessage } from '../ErrorMessage';
import { RoleGate } from '../RoleGate';

interface Props {
  paragraphId: string;
  readingLang: string;
  sourceLanguage: string;
  onEdit(): void;
  canEdit: Permission;
}

/**
 * Where a paragraph comes from: the key messages it draws on, each with its session, and the notes
 * (and speakers) behind them. Asked for only when shown, for the one paragraph selected.
 */
export function ParagraphSources({ paragraphId, readingLang, sourceLanguage, onEdit, canEdit }: Props) {
  const { t } = useTranslation();
  const sources = useApiQuery('paragraphs:sources', { id: paragraphId });
  const editButton = (
    <RoleGate permission={canEdit}>
      {(gate) => (
        <button type="button" onClick={onEdit} aria-keyshortcuts="S" {...gate}>
          {t('drafting.sources.edit')}
        </button>
      )}
    </RoleGate>
  );
  if (sources.error) return <ErrorMessage error={sources.error} />;
  if (!sources.data) return <p aria-busy="true">{t('common.loading')}</p>;
  if (sources.data.length === 0) {
    return (
      <div className="paragraph-sources">
        <p className="hint">{t('drafting.sources.none')}</p>
        {editButton}
      </div>
    );
  }
  return (
    <div className="paragraph-sources">
      <ol className="source-messages" aria-label={t('drafting.sources.title')}>
        {sources.data.map((source) => {
          const text = pickText(source.text, readingLang, sourceLanguage);
          const session = pickText(source.sessionTitle, readingLang, sourceLanguage);
          return (
            <li key={source.keyMessageId} className="source-message">
              <p className="source-session" lang={session.lang} dir={directionOf(session.lang)}>
                {session.text || t('drafting.sources.unknownSession')}
              </p>
              <blockquote className="source-message-text" lang={text.lang} dir={directionOf(text.lang)}>
                {text.text}
              </blockquote>
              {source.theme && (
                <p className="source-theme">
                  {t('drafting.sources.theme')} <span dir="auto">{source.theme}</span>
                </p>
              )}
              {source.notes.length > 0 && (
                <details className="source-notes">
                  <summary>{t('drafting.sources.notes', { number: source.notes.length })}</summary>
                  <ul className="source-list">
                    {source.notes.map((note) => (
                      <li key={note.id} className="source-note">
                        <blockquote lang={note.lang} dir={directionOf(note.lang)}>
                          {note.text}
                        </blockquote>
                        <p className="source-meta">
                          <span className="source-speaker" dir="auto">
                            {note.speakerName || t('drafting.sources.noSpeaker')}
                          </span>
                        </p>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      {editButton}
    </div>
  );
}
