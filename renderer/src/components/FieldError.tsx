import type { FieldError as RhfFieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** A field's validation message; the schema's messages are i18n keys under `validation.`. */
export function FieldError({ id, error }: { id: string; error?: Pick<RhfFieldError, 'message'> | undefined }) {
  const { t } = useTranslation();
  if (!error?.message) return null;
  const key = error.message.startsWith('validation.') ? error.message : 'validation.invalid';
  return (
    <span id={id} className="field-error" role="alert">
      {t(key)}
    </span>
  );
}
