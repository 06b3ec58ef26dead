import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { announceRename, useRenames } from './deviceRenames';

/** This laptop as others see it in their import preview: its name and key fingerprint. */
export function DeviceCard() {
  const { t } = useTranslation();
  const renames = useRenames();
  const device = useApiQuery('device:get', {});
  const { reload } = device;
  useEffect(() => {
    if (renames > 0) reload();
  }, [renames, reload]);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (device.data) setName(device.data.name);
  }, [device.data]);

  const rename = async () => {
    setSaved(false);
    const result = await api['device:rename']({ name });
    if (result.ok) {
      setError(undefined);
      setSaved(true);
      announceRename();
    } else setError(result.error);
  };

  // A refused name is said beside the field, in words that say what to change.
  const nameIssue = error?.issues?.find((issue) => issue.path === 'name')?.message;

  if (device.error) return <ErrorMessage error={device.error} />;
  return (
    <div className="device-card">
      <h3>{t('sync.thisLaptop')}</h3>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void rename();
        }}
      >
        <label className="field">
          <span>{t('sync.laptopName')}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            dir="auto"
            maxLength={100}
            aria-invalid={nameIssue ? true : undefined}
            aria-describedby={nameIssue ? 'laptop-name-error' : undefined}
          />
        </label>
        <button type="submit">{t('sync.rename')}</button>
        {saved && <span role="status">{t('sync.renamed')}</span>}
      </form>
      <FieldError id="laptop-name-error" error={nameIssue ? { message: nameIssue } : undefined} />
      {error && !nameIssue && <ErrorMessage error={error} />}
      <p>
        {t('sync.fingerprint')}: <code className="fingerprint">{device.data?.fingerprint}</code>
      </p>
      <p className="hint">{t('sync.fingerprintHint')}</p>
    </div>
  );
}
