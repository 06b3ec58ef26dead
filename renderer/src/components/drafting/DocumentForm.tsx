import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../DateField';
import { documentKind, documentKindNames, isDocumentKind, showsClosingLine, showsParticipation } from '../../../../shared/documentKinds';
import { openingStyles, roleNumberings } from '../../../../shared/paragraphPlace';
import { numberingStyles, outcomeDocumentInput, type OutcomeDocument, type OutcomeDocumentInput } from '../../../../shared/outcome';
import type { AppError, Result } from '../../../../shared/result';
import { ErrorMessage } from '../ErrorMessage';
import { DocumentContactsField } from './DocumentContactsField';
import { DocumentOrganisersField } from './DocumentOrganisersField';
import { DocumentSignatoriesField } from './DocumentSignatoriesField';
import { DocumentTextField } from './DocumentTextField';
import { pruneDocumentValues, type DocumentFormValues } from './documentValues';

const schemaResolver = zodResolver(outcomeDocumentInput);

interface Props {
  defaultValues: DocumentFormValues;
  /** Working languages, source first. */
  languages: readonly string[];
  sourceLanguage: string;
  translations?: OutcomeDocument['translations'];
  /** The kind as stored, when editing: one a newer Plenary made is shown as such and kept. */
  storedKind?: string;
  submitLabel: string;
  onSave(values: OutcomeDocumentInput): Promise<Result<unknown>>;
  onCancel?(): void;
}

/**
 * The document's frame: kind, numbering, title block, dates, co-organisers, preamble, lead-in and
 * closing line. Checked by the contract's own schema, and again by the core, errors beside fields.
 */
export function DocumentForm({ defaultValues, languages, sourceLanguage, translations, storedKind, submitLabel, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [saveError, setSaveError] = useState<AppError>();
  const [saved, setSaved] = useState(false);
  const resolver = useMemo<Resolver<DocumentFormValues, unknown, OutcomeDocumentInput>>(
    () => (values, context, options) => schemaResolver(pruneDocumentValues(values, languages), context, options),
    [languages],
  );
  const form = useForm<DocumentFormValues, unknown, OutcomeDocumentInput>({ defaultValues, resolver });
  const { register, handleSubmit, setError, formState } = form;
  const newerKind = storedKind !== undefined && !isDocumentKind(storedKind);
  const kind = form.watch('kind');
  const spec = documentKind(kind);
  // A switch the user has not set follows the kind chosen: a Consensus prints its figures, a concept note no closing line.
  const setByHand = useRef(new Set<'participation' | 'closingLine'>());
  const shownKind = useRef(kind);
  const { setValue } = form;
  useEffect(() => {
    if (shownKind.current === kind) return;
    shownKind.current = kind;
    if (!setByHand.current.has('participation')) setValue('participation', showsParticipation(kind, null));
    if (!setByHand.current.has('closingLine')) setValue('closingLine', showsClosingLine(kind, null));
  }, [kind, setValue]);
  const closingParts = spec?.closing ?? [];
  const namesAddressee = closingParts.includes('addressee') || (spec?.titleBlock ?? []).includes('addressee');

  const submit = handleSubmit(async (values) => {
    setSaveError(undefined);
    setSaved(false);
    const result = await onSave(values);
    if (result.ok) {
      setSaved(true);
      form.reset(values);
      return;
    }
    // The core checks the whole command, so its paths start at `document.`; the form's do not.
    for (const issue of result.error.issues ?? []) {
      setError(issue.path.replace(/^document\./, '') as keyof DocumentFormValues, { message: issue.message });
    }
    setSaveError(result.error);
  });

  const text = { form, languages, source: sourceLanguage };
  return (
    <form className="forum-form document-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('drafting.details.title')}>
      {saveError && <ErrorMessage error={saveError} />}
      <div className="field-row">
        <label className="field">
          <span>{t('drafting.details.kind')}</span>
          {newerKind ? (
            <span className="hint">{t('outcomeKind.newer', { kind: storedKind })}</span>
          ) : (
            <select {...register('kind')}>
              {documentKindNames.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`outcomeKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </label>
        <label className="field">
          <span>{t('drafting.details.numbering')}</span>
          <select {...register('numbering')} aria-describedby="document-numbering-hint">
            {numberingStyles.map((style) => (
              <option key={style} value={style}>
                {t(`drafting.numbering.${style}`)}
              </option>
            ))}
          </select>
          <span id="document-numbering-hint" className="hint">
            {t('drafting.details.numberingHint')}
          </span>
        </label>
        <label className="field">
          <span>{t('drafting.details.roleNumbering')}</span>
          <select {...register('roleNumbering')}>
            {roleNumberings.map((value) => (
              <option key={value} value={value}>
                {t(`drafting.roleNumbering.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('drafting.details.openingStyle')}</span>
          <select {...register('openingStyle')}>
            {openingStyles.map((value) => (
              <option key={value} value={value}>
                {t(`drafting.openingStyle.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DocumentTextField {...text} name="title" label={t('drafting.details.documentTitle')} translations={translations?.title} />
      <DocumentTextField {...text} name="subtitle" label={t('drafting.details.subtitle')} translations={translations?.subtitle} />
      <DocumentTextField {...text} name="place" label={t('drafting.details.place')} translations={translations?.place} />
      <div className="field-row">
        <DateField label={t('drafting.details.startDate')} id="document-startDate" registration={register('startDate')} error={formState.errors.startDate} />
        <DateField label={t('drafting.details.endDate')} id="document-endDate" registration={register('endDate')} error={formState.errors.endDate} />
      </div>
      <DocumentOrganisersField form={form} />
      <DocumentTextField {...text} name="coOrganiserNames" label={t('drafting.details.coOrganiserNames')} multiline translations={translations?.coOrganiserNames} />
      <p className="hint">{t('drafting.details.coOrganiserNamesHint')}</p>
      <label className="checkbox">
        <input type="checkbox" {...register('participation', { onChange: () => setByHand.current.add('participation') })} aria-describedby="document-participation-hint" />
        <span>{t('drafting.details.participation')}</span>
      </label>
      <p id="document-participation-hint" className="hint">
        {t('drafting.details.participationHint')}
      </p>
      <DocumentTextField {...text} name="preamble" label={t('drafting.details.preamble')} multiline translations={translations?.preamble} />
      <DocumentTextField {...text} name="leadIn" label={t('drafting.details.leadIn')} multiline translations={translations?.leadIn} />
      <label className="checkbox">
        <input type="checkbox" {...register('closingLine', { onChange: () => setByHand.current.add('closingLine') })} />
        <span>{t('drafting.details.closingLine')}</span>
      </label>
      <DocumentTextField {...text} name="closing" label={t('drafting.details.closing')} translations={translations?.closing} />
      <p className="hint">{t('drafting.details.closingHint')}</p>
      {namesAddressee && (
        <DocumentTextField {...text} name="addressee" label={t('drafting.details.addressee')} multiline translations={translations?.addressee} />
      )}
      {closingParts.includes('signatories') && <DocumentSignatoriesField form={form} languages={languages} />}
      <DocumentContactsField form={form} languages={languages} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <span role="status" className="save-note">
          {saved && !formState.isDirty ? t('drafting.details.saved') : ''}
        </span>
      </div>
    </form>
  );
}
