import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { maxParagraphText, paragraphKinds, type ParagraphKind } from '../../../../shared/outcome';
import type { AppError } from '../../../../shared/result';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { newRowId } from '../newRowId';
import type { TextEdit } from './richEdit';
import { richShortcut, RichToolbar, type RichCommand } from './RichToolbar';

interface Props {
  initialKind: ParagraphKind;
  sourceLanguage: string;
  /** Where it will go, said in words ("after point 3", "at the end"). */
  placeText: string;
  /** `id` is the same for every try of this form, so a retry never makes a second paragraph. */
  onSubmit(kind: ParagraphKind, text: string, id: string): Promise<AppError | undefined>;
  onCancel(): void;
}

/**
 * A new paragraph written in the source language, in place in the document. The core decides what
 * is acceptable (an empty paragraph is refused) and its message shows beside the box.
 */
export function NewParagraphForm({ initialKind, sourceLanguage, placeText, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState(initialKind);
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const [id] = useState(newRowId);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  // The same formatting as the paragraph editor: toolbar, Ctrl/Cmd+B, I and K.
  const [asked, setAsked] = useState<RichCommand | null>(null);
  const applyEdit = (edit: TextEdit) => {
    setText(edit.text);
    box.current?.focus();
    requestAnimationFrame(() => box.current?.setSelectionRange(edit.start, edit.end));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    const failure = await onSubmit(kind, text, id);
    setBusy(false);
    setError(failure);
    if (failure) box.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const issue = error?.issues?.find((i) => i.path.startsWith('text'));
  const language = languageLabel(sourceLanguage, i18n.language);
  return (
    <li className="draft-item new-paragraph">
      <form aria-label={t('drafting.composer.title')} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate>
        <p className="composer-place">{placeText}</p>
        <label className="field">
          <span>{t('drafting.composer.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as ParagraphKind)}>
            {paragraphKinds.map((k) => (
              <option key={k} value={k}>
                {t(`drafting.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label htmlFor="new-paragraph-text">{t('drafting.composer.text', { language })}</label>
          <RichToolbar id="new-paragraph-text" language={language} box={box} asked={asked} onAsked={() => setAsked(null)} onEdit={applyEdit} />
          <textarea
            ref={box}
            id="new-paragraph-text"
            lang={sourceLanguage}
            dir={directionOf(sourceLanguage)}
            rows={kind === 'heading' ? 1 : 4}
            maxLength={maxParagraphText}
            value={text}
            aria-invalid={issue ? true : undefined}
            aria-describedby={issue ? 'new-paragraph-error' : 'new-paragraph-hint'}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              const command = richShortcut(event);
              if (command) {
                event.preventDefault();
                setAsked(command);
              }
            }}
          />
          {issue ? <FieldError id="new-paragraph-error" error={issue} /> : <span id="new-paragraph-hint" className="hint">{t('drafting.composer.hint')}</span>}
        </div>
        {error && !issue && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
            {t('drafting.composer.add')}
          </button>
          <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </li>
  );
}
