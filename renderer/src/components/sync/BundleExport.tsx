import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { base64ToBytes, saveFile } from '../../api/base64';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { ErrorMessage } from '../ErrorMessage';

/** Saves this laptop's knowledge of the forum as a .plenary file, all of it or what one peer lacks. */
export function BundleExport({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const peers = useApiQuery('devices:peers', { forumId });
  const [forPeer, setForPeer] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<AppError>();

  const save = async () => {
    setBusy(true);
    setSaved(undefined);
    setError(undefined);
    const result = await api['bundle:export']({ forumId, ...(forPeer ? { forPeer } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    saveFile(base64ToBytes(result.value.data), result.value.fileName);
    setSaved(result.value.fileName);
  };

  return (
    <div className="bundle-export">
      <h3>{t('sync.exportTitle')}</h3>
      <label className="field">
        <span>{t('sync.exportWhat')}</span>
        <select value={forPeer} onChange={(event) => setForPeer(event.target.value)}>
          <option value="">{t('sync.exportAll')}</option>
          {(peers.data ?? []).map((peer) => (
            <option key={peer.deviceId} value={peer.deviceId}>
              {t('sync.exportFor', { name: peer.name })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
        {busy ? t('sync.exporting') : t('sync.exportButton')}
      </button>
      {saved && (
        <p role="status">
          {t('sync.exported')} <bdi>{saved}</bdi>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
