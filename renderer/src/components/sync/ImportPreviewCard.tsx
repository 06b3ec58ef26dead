import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/sync';
import { formatNumber } from '../../i18n/intlFormat';
import type { PendingBundle } from './BundleImport';

interface Props {
  preview: ImportPreview;
  status: PendingBundle['status'];
  currentForumId: string | undefined;
  onImport(trustNewDevice: boolean): void;
}

/** What a bundle would add, from whom, into which forum; the import button waits for trust. */
export function ImportPreviewCard({ preview, status, currentForumId, onImport }: Props) {
  const { t, i18n } = useTranslation();
  const [trusted, setTrusted] = useState(false);
  const n = (value: number) => formatNumber(value, i18n.language);
  const rows = Object.entries(preview.rows);
  const needsTrust = preview.device.status === 'unknown';
  const forumNote = preview.forum.isNew
    ? t('sync.newForum', { title: preview.forum.title })
    : currentForumId && currentForumId !== preview.forum.id
      ? t('sync.otherForum', { title: preview.forum.title })
      : t('sync.intoForum', { title: preview.forum.title });

  return (
    <div className="import-preview">
      <p>{forumNote}</p>
      <p>
        {t('sync.fromDevice', { name: preview.device.name })} <code className="fingerprint">{preview.device.fingerprint}</code>
      </p>
      <p className="hint">{t(`sync.device.${preview.device.status}`)}</p>
      {rows.length === 0 ? (
        <p>{t('sync.nothingNew')}</p>
      ) : (
        <table className="import-rows">
          <caption>{status === 'imported' ? t('sync.addedCaption') : t('sync.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.kindOfRow')}</th>
              <th scope="col">{t('sync.added')}</th>
              <th scope="col">{t('sync.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([table, counts]) => (
              <tr key={table}>
                <th scope="row">{t(`syncTables.${table}`, { defaultValue: table })}</th>
                <td>{n(counts.added)}</td>
                <td>{n(counts.updated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('sync.alreadyHere', { here: n(preview.changes.alreadyHere), total: n(preview.changes.total) })}</p>
      {preview.skew.changes > 0 && (
        <p role="alert" className="warning">
          {t('sync.skew', { minutes: n(Math.ceil(preview.skew.maxAheadMs / 60000)) })}
        </p>
      )}
      {status === 'imported' && <p role="status">{t('sync.imported')}</p>}
      {(status === 'ready' || status === 'importing') && (
        <div className="actions">
          {needsTrust && (
            <label className="checkbox">
              <input type="checkbox" checked={trusted} onChange={(event) => setTrusted(event.target.checked)} />
              {t('sync.trustLabel', { fingerprint: preview.device.fingerprint })}
            </label>
          )}
          <button
            type="button"
            className="primary"
            disabled={status === 'importing' || (needsTrust && !trusted)}
            onClick={() => onImport(needsTrust && trusted)}
          >
            {status === 'importing' ? t('sync.importing') : t('sync.importButton')}
          </button>
        </div>
      )}
    </div>
  );
}
