import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment } from '../../../../shared/amendments';
import { directionOf } from '../../../../shared/languages';
import { maxParagraphText } from '../../../../shared/outcome';
import { useProseField } from '../../hooks/useProseField';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import type { ProseSaver } from '../proseSaver';
import { ProseSaveStatus } from '../ProseSaveStatus';
import type { AmendmentFields } from './amendmentTarget';

interface Props {
  saver: ProseSaver<AmendmentFields, Amendment>;
  amendment: Amendment;
  onDone(): void;
}

/**
 * An open amendment's words and rationale, corrected where it stands and saved as they are typed
 * (the proposer's delegation mistyped a word, or adds a reason). Escape ends editing.
 */
export function AmendmentEditor({ saver, amendment, onDone }: Props) {
  const { t } = useTranslation();
  const { id, paragraphId, kind, lang, proposer } = amendment;
  const fields = (): AmendmentFields => ({ paragraphId, kind, lang, text: amendment.text, proposer, rationale: amendment.rationale, submitted: true });
  const text = useProseField(saver, id, 'text', fields, amendment.text);
  const rationale = useProseField(saver, id, 'rationale', fields, amendment.rationale);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  const status = text.status;
  const refused = status.state === 'rejected' ? status.error : undefined;
  const issue = (path: string) => refused?.issues?.find((i) => i.path === path);
  const base = `amendment-${id}-edit`;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    void text.flush();
    onDone();
  };
  return (
    <div className="amendment-editor" role="group" aria-label={t('amendments.edit.label')} onKeyDown={onKeyDown}>
      {kind !== 'delete' && (
        <div className="field">
          <label htmlFor={`${base}-text`}>{kind === 'insert_after' ? t('amendments.propose.newText') : t('amendments.propose.text')}</label>
          <textarea
            ref={first}
            id={`${base}-text`}
            lang={lang}
            dir={directionOf(lang)}
            rows={4}
            maxLength={maxParagraphText}
            value={text.text}
            aria-invalid={issue('text') ? true : undefined}
            aria-describedby={issue('text') ? `${base}-text-error` : undefined}
            onChange={(event) => text.change(event.target.value)}
            onBlur={() => void text.flush()}
          />
          <FieldError id={`${base}-text-error`} error={issue('text')} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${base}-rationale`}>{t('amendments.propose.rationale')}</label>
        <textarea
          ref={kind === 'delete' ? first : undefined}
          id={`${base}-rationale`}
          dir="auto"
          rows={2}
          maxLength={5000}
          value={rationale.text}
          aria-invalid={issue('rationale') ? true : undefined}
          aria-describedby={issue('rationale') ? `${base}-rationale-error` : undefined}
          onChange={(event) => rationale.change(event.target.value)}
          onBlur={() => void rationale.flush()}
        />
        <FieldError id={`${base}-rationale-error`} error={issue('rationale')} />
      </div>
      {refused && !refused.issues?.length && <ErrorMessage error={refused} />}
      <div className="form-actions">
        <button type="button" onClick={onDone} aria-keyshortcuts="Escape">
          {t('amendments.edit.done')}
        </button>
        <ProseSaveStatus status={status} />
      </div>
    </div>
  );
}
