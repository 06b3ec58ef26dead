import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '../../i18n/intlFormat';
import { isolate, type LaptopGroup } from './sessionSummary';

interface Props {
  group: LaptopGroup;
  currentForumId: string | undefined;
  trusted: boolean;
  /** Choices can still be made (not while the import runs). */
  choosing: boolean;
  onTrust(trusted: boolean): void;
}

/**
 * What one laptop's bundles on the stick would add: who made them (name and fingerprint on one
 * line), into which forum, the new notes and key messages and other rows, the changes already here,
 * and what deserves a second look (a clock ahead, changes kept aside, sweeping deletions).
 */
export function LaptopGroupCard({ group, currentForumId, trusted, choosing, onTrust }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);
  const heldBack = group.held.changes > 0;
  const table = (name: string) => t(`syncTables.${name}`, { defaultValue: name });

  return (
    <article className="laptop-group" aria-labelledby={headingId}>
      <h4 className="laptop-line">
        <bdi id={headingId}>{group.name}</bdi>
        <code className="fingerprint">{group.fingerprint}</code>
      </h4>
      <p className="hint">{t(`sync.device.${group.status}`)}</p>
      <p>
        {t('bundleSession.bundleCount', { bundles: n(group.bundles.length) })}{' '}
        {group.forums.map((forum) => (
          <span key={forum.id} className="forum-note">
            {forum.isNew
              ? t('bundleSession.newForum', { title: isolate(forum.title) })
              : currentForumId && currentForumId !== forum.id
                ? t('bundleSession.otherForum', { title: isolate(forum.title) })
                : t('bundleSession.intoForum', { title: isolate(forum.title) })}{' '}
          </span>
        ))}
      </p>
      {group.rows.length === 0 ? (
        <p>{heldBack ? t('sync.nothingNewHeld') : t('bundleSession.nothingNew')}</p>
      ) : (
        <table className="import-rows">
          <caption>{t('sync.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.kindOfRow')}</th>
              <th scope="col">{t('sync.added')}</th>
              <th scope="col">{t('sync.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={row.table}>
                <th scope="row">{table(row.table)}</th>
                <td>{n(row.added)}</td>
                <td>{n(row.updated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('bundleSession.changes', { new: n(group.changes.new), here: n(group.changes.alreadyHere) })}</p>
      {/* Held-back changes are stamped further ahead still: their warning says it all. */}
      {group.skew.changes > 0 && !heldBack && (
        <p role="alert" className="warning-box">
          {t('sync.skew', { ahead: formatDuration(group.skew.maxAheadMs, i18n.language) })}
        </p>
      )}
      {heldBack && (
        <p role="alert" className="warning-box">
          {t('sync.heldWarning', { changes: n(group.held.changes), ahead: formatDuration(group.held.maxAheadMs, i18n.language) })}
        </p>
      )}
      {group.quarantined.changes > 0 && (
        <p role="alert" className="warning-box">
          {t('sync.quarantinedWarning', {
            changes: n(group.quarantined.changes),
            roles: group.quarantined.needed.map((r) => t(`laptopRoles.${r}`)).join(t('laptopRoles.or')),
          })}
        </p>
      )}
      {group.massChanges.length > 0 && (
        <div role="alert" className="warning-box danger-box">
          <p>
            <strong>{t('sync.massWarning')}</strong>
          </p>
          <ul>
            {group.massChanges.map((m) => (
              <li key={m.table}>
                {m.table === 'forums'
                  ? t('sync.massForum')
                  : t('sync.massTable', { table: table(m.table), deleted: n(m.deleted), rewritten: n(m.rewritten), live: n(m.live) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {group.status === 'unknown' && (
        <label className="checkbox">
          <input type="checkbox" checked={trusted} disabled={!choosing} onChange={(event) => onTrust(event.target.checked)} />
          <span>{t('sync.trustLabel', { fingerprint: group.fingerprint })}</span>
        </label>
      )}
    </article>
  );
}
