import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { maxContacts } from '../../../../shared/documentContacts';
import { directionOf } from '../../../../shared/languages';
import type { OutcomeDocumentInput } from '../../../../shared/outcome';
import { languageLabel } from '../agenda/agendaFormat';
import { FieldError } from '../FieldError';
import type { DocumentFormValues } from './documentValues';

interface Props {
  form: UseFormReturn<DocumentFormValues, unknown, OutcomeDocumentInput>;
  /** Working languages, source first. */
  languages: readonly string[];
}

type TextPart = 'organisation' | 'address';
type PlainPart = 'email' | 'phone' | 'website';

/**
 * Contact blocks printed after the closing (a secretariat's, as the seeds end): organisation and
 * address in every working language, e-mail, phone and website once. Saved with the frame.
 */
export function DocumentContactsField({ form, languages }: Props) {
  const { t, i18n } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'contacts' });
  const errors = form.formState.errors.contacts;
  const plainInput = (index: number, part: PlainPart) => {
    const id = `document-contact-${index}-${part}`;
    const error = errors?.[index]?.[part];
    return (
      <div key={part} className="field">
        <label htmlFor={id}>{t(`drafting.contacts.${part}`)}</label>
        <input
          id={id}
          type={part === 'email' ? 'email' : part === 'phone' ? 'tel' : 'text'}
          dir="ltr"
          aria-invalid={!!error}
          aria-describedby={`${id}-error`}
          {...form.register(`contacts.${index}.${part}`)}
        />
        <FieldError id={`${id}-error`} error={error} />
      </div>
    );
  };
  const textInputs = (index: number, part: TextPart) => (
    <div key={part} className="side-by-side">
      {languages.map((lang) => {
        const id = `document-contact-${index}-${part}-${lang}`;
        const error = (errors?.[index]?.[part] as Record<string, { message?: string }> | undefined)?.[lang];
        const common = { id, lang, dir: directionOf(lang), 'aria-invalid': !!error, 'aria-describedby': `${id}-error`, ...form.register(`contacts.${index}.${part}.${lang}`) };
        return (
          <div key={lang} className="field">
            <label htmlFor={id}>{t('drafting.details.inLanguage', { field: t(`drafting.contacts.${part}`), language: languageLabel(lang, i18n.language) })}</label>
            {part === 'address' ? <textarea rows={2} {...common} /> : <input {...common} />}
            <FieldError id={`${id}-error`} error={error} />
          </div>
        );
      })}
    </div>
  );
  return (
    <fieldset className="signatories contacts">
      <legend>{t('drafting.contacts.legend')}</legend>
      <p className="hint">{fields.length === 0 ? t('drafting.contacts.none') : t('drafting.contacts.hint')}</p>
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          <fieldset key={field.id} className="signatory">
            <legend>{t('drafting.contacts.item', { number })}</legend>
            {textInputs(index, 'organisation')}
            {textInputs(index, 'address')}
            <div className="field-row">{(['email', 'phone', 'website'] as const).map((part) => plainInput(index, part))}</div>
            <button type="button" onClick={() => remove(index)}>
              {t('drafting.contacts.remove', { number })}
            </button>
          </fieldset>
        );
      })}
      {fields.length < maxContacts && (
        <button type="button" onClick={() => append({ organisation: {}, address: {}, email: '', phone: '', website: '' })}>
          {t('drafting.contacts.add')}
        </button>
      )}
    </fieldset>
  );
}
