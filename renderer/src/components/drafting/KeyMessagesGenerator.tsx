import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeneratedFlag, KeyMessagesGeneration } from '../../../../shared/keyMessagesDocument';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import type { Permission } from '../../hooks/useForumRoles';
import { ErrorMessage } from '../ErrorMessage';
import { RoleGate } from '../RoleGate';

interface Props {
  forumId: string;
  documentId: string;
  /** The document has paragraphs already: the button refreshes rather than generates. */
  hasParagraphs: boolean;
  flags: readonly GeneratedFlag[];
  nameOf(id: string): string;
  /** The document changed: read it again. */
  onGenerated(): void;
  onSelect(id: string): void;
  canGenerate: Permission;
}

const noMessages = (error: AppError) => error.issues?.some((issue) => issue.message === 'validation.noValidatedKeyMessages') ?? false;

/**
 * A Key messages document is built from the sessions' validated key messages, and refreshed from
 * them later without losing what the drafters changed: what a run did is said, with a way back
 * for what it added, and the paragraphs that need a look are listed.
 */
export function KeyMessagesGenerator({ forumId, documentId, hasParagraphs, flags, nameOf, onGenerated, onSelect, canGenerate }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<KeyMessagesGeneration>();
  const [undone, setUndone] = useState(false);
  const [error, setError] = useState<AppError>();

  const generate = async () => {
    setBusy(true);
    setError(undefined);
    setUndone(false);
    const result = await api['documents:generateKeyMessages']({ forumId, documentId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSummary(result.value);
    onGenerated();
  };
  const takeBack = async () => {
    if (!summary) return;
    setBusy(true);
    const result = await api['documents:takeBackGenerated']({ documentId, paragraphIds: summary.addedIds });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSummary(undefined);
    setUndone(true);
    onGenerated();
  };

  return (
    <section className="key-messages-generator" aria-labelledby="key-messages-generator-heading">
      <h2 id="key-messages-generator-heading">{t('generatedDocument.title')}</h2>
      <p className="hint">{t('generatedDocument.intro')}</p>
      <div className="actions">
        <RoleGate permission={canGenerate}>
          {(gate) => (
            <button type="button" className={hasParagraphs ? undefined : 'primary'} onClick={() => void generate()} disabled={busy} aria-busy={busy} {...gate}>
              {t(hasParagraphs ? 'generatedDocument.refresh' : 'generatedDocument.generate')}
            </button>
          )}
        </RoleGate>
      </div>
      {error && (noMessages(error) ? <p role="alert" className="error-message">{t('generatedDocument.noMessages')}</p> : <ErrorMessage error={error} />)}
      <div role="status">
        {summary && (
          <p className="undo-bar">
            <span>
              {t('generatedDocument.summary', { added: summary.added, updated: summary.updated, kept: summary.keptEdited, withdrawn: summary.withdrawn })}
            </span>
            {summary.addedIds.length > 0 && (
              <RoleGate permission={canGenerate}>
                {(gate) => (
                  <button type="button" onClick={() => void takeBack()} disabled={busy} {...gate}>
                    {t('generatedDocument.undo')}
                  </button>
                )}
              </RoleGate>
            )}
            <button type="button" onClick={() => setSummary(undefined)}>
              {t('keyMessages.undo.dismiss')}
            </button>
          </p>
        )}
        {undone && <p>{t('generatedDocument.undone')}</p>}
      </div>
      {flags.length > 0 && (
        <>
          <p>{t('generatedDocument.flagged', { number: flags.length })}</p>
          <ul className="generated-flags">
            {flags.map((flag) => (
              <li key={flag.paragraphId}>
                <button type="button" className="link-button" onClick={() => onSelect(flag.paragraphId)}>
                  {nameOf(flag.paragraphId)}
                </button>{' '}
                <span>{t(`generatedDocument.state.${flag.state}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
