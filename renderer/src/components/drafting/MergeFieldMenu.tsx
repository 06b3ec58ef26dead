import { useTranslation } from 'react-i18next';
import { mergeFieldNames, mergeFieldToken, type MergeFieldName } from '../../../../shared/mergeFields';

/** The field's name in the interface: `drafting.mergeFields.title` for forum.title. */
const labelKey = (name: MergeFieldName) => `drafting.mergeFields.${name.slice(name.indexOf('.') + 1)}`;

/**
 * "Insert field": puts `{{forum.title}}` (or another field) into the text at the cursor, so nobody
 * has to type a field's name; the export prints the forum's data there in the document's language.
 */
export function MergeFieldMenu({ id, onInsert }: { id: string; onInsert(token: string): void }) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      className="merge-field-menu"
      aria-label={t('drafting.mergeFields.insert')}
      value=""
      onChange={(event) => {
        const name = mergeFieldNames.find((n) => n === event.target.value);
        if (name) onInsert(mergeFieldToken(name));
      }}
    >
      <option value="">{t('drafting.mergeFields.insert')}</option>
      {mergeFieldNames.map((name) => (
        <option key={name} value={name}>
          {t(labelKey(name))}
        </option>
      ))}
    </select>
  );
}
