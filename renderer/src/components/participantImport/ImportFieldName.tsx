import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../shared/participantImport';

/**
 * A field's name in the UI language. The participant form already names the stored fields; only
 * the two halves of a name, which exist for imports alone, are named here.
 */
export function ImportFieldName({ field }: { field: ImportField }) {
  const { t } = useTranslation();
  return <>{field === 'givenName' || field === 'familyName' ? t(`participantImport.field.${field}`) : t(`participants.field.${field}`)}</>;
}
