import { useTranslation } from 'react-i18next';
import { importFields, type ColumnMapping, type ImportField } from '../../../../shared/participantImport';
import { ImportFieldName } from './ImportFieldName';

interface Props {
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  /** Only while the import itself runs: its answer must not be overtaken by a new preview. */
  locked: boolean;
  onChange(field: ImportField, column: number | null): void;
}

/** Spreadsheet column letters, as people see them when they open the file: A…Z, AA… */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Cut short, and isolated (FSI…PDI) so that a header or value in another direction than the UI,
 * such as "+221 …" in an Arabic list, keeps its own order inside the option's plain text.
 */
const shorten = (text: string) => `\u2068${text.length > 32 ? `${text.slice(0, 31)}…` : text}\u2069`;

/**
 * One select per field, prefilled with the guess from the headers; any change re-reads the preview.
 * Not disabled while a preview runs, so keyboard focus stays where the user left it.
 */
export function ColumnMappingEditor({ headers, sample, mapping, locked, onChange }: Props) {
  const { t } = useTranslation();
  const options = headers.map((header, index) => {
    const example = sample.map((row) => row[index]?.trim() ?? '').find(Boolean);
    const values = {
      letter: columnLetter(index),
      number: index + 1,
      header: header.trim() ? shorten(header.trim()) : t('participantImport.mapping.noHeader'),
    };
    return example
      ? t('participantImport.mapping.columnWithSample', { ...values, sample: shorten(example) })
      : t('participantImport.mapping.column', values);
  });
  return (
    <fieldset className="import-mapping" disabled={locked}>
      <legend>{t('participantImport.mapping.legend')}</legend>
      <p className="hint">{t('participantImport.mapping.hint')}</p>
      <div className="import-mapping-grid">
        {importFields.map((field) => {
          const column = mapping[field];
          return (
            <label key={field} className="field">
              <span>
                <ImportFieldName field={field} />
              </span>
              <select
                value={column === null || column === undefined ? '' : String(column)}
                onChange={(event) => onChange(field, event.target.value === '' ? null : Number(event.target.value))}
              >
                <option value="">{t('participantImport.mapping.notImported')}</option>
                {options.map((label, index) => (
                  <option key={index} value={String(index)}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
