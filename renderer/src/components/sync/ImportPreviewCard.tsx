import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/sync';
import { formatDuration, formatNumber } from '../../i18n/intlFormat';
import type { PendingBundle } from './BundleImport';

/** What the user agreed to beyond the import itself. */
export interface ImportConsent {
  trustNewDevice: boolean;
  confirmMassChanges: boolean;
  applyHeld: boolean;
}

interface Props {
  preview: ImportPreview;
  status: PendingBundle['status'];
  currentForumId: string | undefined;
  onImport(consent: ImportConsent): void;
}

/**
 * What a bundle would add, from whom, into which forum; the import button waits for trust, and
 * for an explicit yes when the bundle deletes or rewrites much of the forum. Changes stamped far
 * ahead (a wrong clock) are kept aside unless the user chooses to apply them.
 */
export function ImportPreviewCard({ preview, status, currentForumId, onImport }: Props) {
  const { t, i18n } = useTranslation();
  const [trusted, setTrusted] = useState(false);
  const [massConfirmed, setMassConfirmed] = useState(false);
  const [applyHeld, setApplyHeld] = useState(false);
  const needsMassConfirmation = preview.massChanges.length > 0;
  const n = (value: number) => formatNumber(value, i18n.language);
  const rows = Object.entries(preview.rows);
  const needsTrust = preview.device.status === 'unknown';
  const heldBack = preview.held.changes > 0;
  const choosing = status === 'ready' || status === 'importing';
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
        <p>{heldBack ? t('sync.nothingNewHeld') : t('sync.nothingNew')}</p>
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
      {/* Held-back changes are stamped further ahead still: their warning says it all. */}
      {preview.skew.changes > 0 && !heldBack && (
        <p role="alert" className="warning-box">
          {t('sync.skew', { ahead: formatDuration(preview.skew.maxAheadMs, i18n.language) })}
        </p>
      )}
      {/* Each warning keeps its choice beside it, so what is being agreed to is read first. */}
      {heldBack && (
        <div className="warning-box">
          <p role="alert">{t('sync.heldWarning', { changes: n(preview.held.changes), ahead: formatDuration(preview.held.maxAheadMs, i18n.language) })}</p>
          {choosing && (
            <label className="checkbox">
              <input type="checkbox" checked={applyHeld} onChange={(event) => setApplyHeld(event.target.checked)} />
              {t('sync.applyHeld')}
            </label>
          )}
        </div>
      )}
      {needsMassConfirmation && (
        <div className="warning-box danger-box">
          <div role="alert">
            <p>
              <strong>{t('sync.massWarning')}</strong>
            </p>
            <ul>
              {preview.massChanges.map((m) => (
                <li key={m.table}>
                  {m.table === 'forums'
                    ? t('sync.massForum')
                    : t('sync.massTable', { table: t(`syncTables.${m.table}`, { defaultValue: m.table }), deleted: n(m.deleted), rewritten: n(m.rewritten), live: n(m.live) })}
                </li>
              ))}
            </ul>
          </div>
          {choosing && (
            <label className="checkbox">
              <input type="checkbox" checked={massConfirmed} onChange={(event) => setMassConfirmed(event.target.checked)} />
              {t('sync.confirmMass')}
            </label>
          )}
        </div>
      )}
      {status === 'imported' && <p role="status">{t('sync.imported')}</p>}
      {choosing && (
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
            disabled={status === 'importing' || (needsTrust && !trusted) || (needsMassConfirmation && !massConfirmed)}
            onClick={() => onImport({ trustNewDevice: needsTrust && trusted, confirmMassChanges: massConfirmed, applyHeld })}
          >
            {status === 'importing' ? t('sync.importing') : t('sync.importButton')}
          </button>
        </div>
      )}
    </div>
  );
}
