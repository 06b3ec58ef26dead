import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { amendmentInput, amendmentKinds, type Amendment, type AmendmentInput, type AmendmentKind } from '../../../../shared/amendments';
import { directionOf } from '../../../../shared/languages';
import type { DraftParagraph } from '../../../../shared/outcome';
import type { AppError } from '../../../../shared/result';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { newRowId } from '../newRowId';
import type { ProseSaver } from '../proseSaver';
import { ProseSaveStatus } from '../ProseSaveStatus';
import type { AmendmentFields } from './amendmentTarget';
import { DelegationField } from './DelegationField';
import { holdsText } from './isTyping';

const resolver = zodResolver(amendmentInput);

interface Props {
  saver: ProseSaver<AmendmentFields, Amendment>;
  forumId: string;
  paragraph: DraftParagraph;
  /** Working languages, source first. */
  languages: readonly string[];
  sourceLanguage: string;
  onProposed(amendment: Amendment): void;
  onCancel(): void;
}

const fieldsOf = (values: AmendmentInput, submitted: boolean): AmendmentFields => ({
  paragraphId: values.paragraphId,
  kind: values.kind,
  lang: values.lang,
  text: values.text,
  proposer: values.proposer,
  rationale: values.rationale,
  submitted,
});

/**
 * A new amendment: what kind, in which language, the words proposed (a replacement starts from the
 * current text, so the proposer edits rather than retypes), who proposes it and why.
 * Ctrl+Enter proposes; Escape closes the form while nothing has been typed.
 * What is typed is kept by the prose saver (a copy survives a reload, and the form opens on it
 * again); once proposed it is sent with its own id, retried until it lands, and never made twice.
 */
export function ProposeAmendmentForm({ saver, forumId, paragraph, languages, sourceLanguage, onProposed, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const currentText = (lang: string) => paragraph.text[lang] ?? '';
  const [draft] = useState(() => {
    const copies = saver.storedCopies((copy) => !copy.created && !copy.fields.submitted && copy.fields.paragraphId === paragraph.id);
    const copy = copies.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    if (copy) return { id: copy.id, fields: copy.fields };
    const fields: AmendmentFields = {
      paragraphId: paragraph.id,
      kind: 'replace',
      lang: sourceLanguage,
      text: currentText(sourceLanguage),
      proposer: { participantId: null, name: '' },
      rationale: '',
      submitted: false,
    };
    return { id: newRowId(), fields };
  });
  const draftId = draft.id;
  if (!saver.has(draftId)) saver.open(draftId, draft.fields, { created: false });
  const { submitted: _submitted, ...initial } = draft.fields;
  const form = useForm<AmendmentInput>({ resolver, defaultValues: initial });
  const { register, handleSubmit, setValue, getValues, formState, control } = form;
  const kind = useWatch({ control, name: 'kind' });
  const lang = useWatch({ control, name: 'lang' });
  const [saveError, setSaveError] = useState<AppError>();
  const [submitted, setSubmitted] = useState(false);
  const firstField = useRef<HTMLInputElement | null>(null);
  useEffect(() => firstField.current?.focus(), []);

  // Every change goes to the saver, which keeps a copy; nothing is sent before "Propose".
  const { watch } = form;
  useEffect(() => {
    saver.open(draftId, draft.fields, { created: false });
    const watching = watch((values) => saver.edit(draftId, fieldsOf(values as AmendmentInput, saver.fields(draftId)?.submitted ?? false)));
    return () => {
      watching.unsubscribe();
      saver.backup();
      saver.release(draftId);
    };
  }, [saver, draftId, draft.fields, watch]);

  const proposed = useRef(onProposed);
  useEffect(() => {
    proposed.current = onProposed;
  });
  useEffect(() => saver.onSaved((savedId, amendment) => savedId === draftId && proposed.current(amendment)), [saver, draftId]);
  const subscribe = useCallback((listener: () => void) => saver.subscribeDraft((changed) => changed === draftId && listener()), [saver, draftId]);
  const status = useSyncExternalStore(subscribe, () => saver.draftStatus(draftId));
  const { setError } = form;
  useEffect(() => {
    if (status.state !== 'rejected' || !status.error) return;
    // Refused by the core: said beside the fields, and held here until proposed again.
    for (const issue of status.error.issues ?? []) setError(issue.path as FieldPath<AmendmentInput>, { message: issue.message });
    setSaveError(status.error);
    setSubmitted(false);
    saver.set(draftId, { submitted: false });
  }, [status, saver, draftId, setError]);

  // The text follows the kind and language while the proposer has not changed it.
  const untouched = (text: string) => text === '' || languages.some((l) => text === currentText(l));
  const onKind = (next: AmendmentKind) => {
    const text = getValues('text');
    if (next === 'replace' && untouched(text)) setValue('text', currentText(getValues('lang')));
    else if (next !== 'replace' && untouched(text)) setValue('text', '');
  };
  const onLanguage = (next: string) => {
    if (getValues('kind') === 'replace' && untouched(getValues('text'))) setValue('text', currentText(next));
  };

  const submit = handleSubmit((values) => {
    if (submitted) return;
    setSaveError(undefined);
    setSubmitted(true);
    saver.set(draftId, fieldsOf(values, true));
  });
  const cancel = () => {
    // Not proposed: what was typed goes with the form. Proposed: it is on its way, and lands.
    if (!submitted) saver.discard(draftId);
    onCancel();
  };

  const errors = formState.errors;
  const { ref: kindRef, ...kindField } = register('kind', { onChange: (event: { target: { value: AmendmentKind } }) => onKind(event.target.value) });
  return (
    <form
      className="propose-amendment"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          void submit();
        } else if (event.key === 'Escape' && !event.defaultPrevented && !formState.isDirty && !holdsText(event.target)) {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <h4 id={`${id}-title`}>{t('amendments.propose.title')}</h4>
      <fieldset className="kind-choice">
        <legend>{t('amendments.propose.kind')}</legend>
        {amendmentKinds.map((value, index) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              value={value}
              {...kindField}
              ref={(element) => {
                kindRef(element);
                if (index === 0) firstField.current = element;
              }}
            />
            {t(`amendments.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      {languages.length > 1 && (
        <label className="field">
          <span>{t('amendments.propose.language')}</span>
          <select {...register('lang', { onChange: (event: { target: { value: string } }) => onLanguage(event.target.value) })}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, i18n.language)}
                {code === sourceLanguage ? ` ${t('amendments.propose.sourceMark')}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind !== 'delete' ? (
        <label className="field">
          <span>{kind === 'insert_after' ? t('amendments.propose.newText') : t('amendments.propose.text')}</span>
          <textarea
            {...register('text')}
            lang={lang}
            dir={directionOf(lang)}
            rows={5}
            aria-invalid={!!errors.text}
            aria-describedby={errors.text ? `${id}-text-error` : undefined}
          />
          <FieldError id={`${id}-text-error`} error={errors.text} />
        </label>
      ) : (
        <p className="hint">{t('amendments.propose.deleteHint')}</p>
      )}
      <Controller
        control={control}
        name="proposer"
        render={({ field }) => (
          <DelegationField
            forumId={forumId}
            legend={t('amendments.propose.proposer')}
            value={field.value}
            onChange={field.onChange}
            error={errors.proposer?.name ?? errors.proposer?.participantId}
          />
        )}
      />
      <label className="field">
        <span>{t('amendments.propose.rationale')}</span>
        <textarea {...register('rationale')} rows={3} dir="auto" aria-invalid={!!errors.rationale} aria-describedby={errors.rationale ? `${id}-rationale-error` : undefined} />
        <FieldError id={`${id}-rationale-error`} error={errors.rationale} />
      </label>
      {saveError && <ErrorMessage error={saveError} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={submitted} aria-keyshortcuts="Control+Enter">
          {t('amendments.propose.submit')}
        </button>
        <button type="button" onClick={cancel} aria-keyshortcuts="Escape">
          {t('common.cancel')}
        </button>
        {submitted && <ProseSaveStatus status={status} />}
      </div>
    </form>
  );
}
