import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';

interface Props {
  legend: string;
  /** Shown while the list is empty. */
  empty: string;
  itemLabel(number: number): string;
  removeLabel(number: number): string;
  addLabel: string;
  /** Prefix of the error ids, unique on the page. */
  idPrefix: string;
  values: readonly string[];
  errors: ReadonlyArray<{ message?: string } | undefined> | undefined;
  register(index: number): UseFormRegisterReturn;
  onChange(next: string[]): void;
}

/** A growing list of plain names (co-organisers, say), one text box each, as the schemas keep them. */
export function NameListField({ legend, empty, itemLabel, removeLabel, addLabel, idPrefix, values, errors, register, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.length === 0 && <p className="hint">{empty}</p>}
      <ol className="organisers">
        {values.map((_, index) => (
          <li key={index}>
            <label className="field">
              <span>{itemLabel(index + 1)}</span>
              <input dir="auto" {...register(index)} aria-describedby={`${idPrefix}-${index}-error`} />
              <FieldError id={`${idPrefix}-${index}-error`} error={errors?.[index]} />
            </label>
            <button type="button" onClick={() => onChange(values.filter((__, i) => i !== index))} aria-label={removeLabel(index + 1)}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...values, ''])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
