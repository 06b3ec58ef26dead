import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { ModalDialog } from '../ModalDialog';
import { announceRename } from './deviceRenames';

/**
 * The first run asks what to call this laptop: every bundle, import preview and history names a
 * laptop, and the computer's host name ("vm", "DESKTOP-4F2K") tells nobody whose notes they are.
 * "Later" keeps the host name until the next start; the name can be changed under Share and merge.
 */
export function LaptopNameDialog({ hostName, onDone }: { hostName: string; onDone(named: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<AppError>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await api['device:rename']({ name });
    setSaving(false);
    if (result.ok) {
      announceRename();
      return onDone(true);
    }
    const issue = result.error.issues?.find((i) => i.path === 'name');
    setFieldError(issue?.message ?? undefined);
    setError(issue ? undefined : result.error);
  };

  return (
    <ModalDialog className="laptop-name-dialog" labelledBy={`${id}-title`} onClose={() => onDone(false)}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t('laptop.title')}</h2>
        <p id={`${id}-why`}>{t('laptop.why', { hostName })}</p>
        <label className="field">
          <span>{t('sync.laptopName')}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            dir="auto"
            maxLength={100}
            autoFocus
            placeholder={t('laptop.example')}
            aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
            aria-invalid={fieldError ? true : undefined}
          />
        </label>
        <FieldError id={`${id}-error`} error={fieldError ? { message: fieldError } : undefined} />
        <p id={`${id}-hint`} className="hint">
          {t('laptop.hint', { example: t('laptop.example'), section: t('sync.title') })}
        </p>
        {error && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {t('sync.rename')}
          </button>
          <button type="button" onClick={() => onDone(false)}>
            {t('laptop.later')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
