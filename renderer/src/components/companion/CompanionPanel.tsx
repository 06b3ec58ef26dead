import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forum } from '../../../../shared/forum';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumRoles } from '../../hooks/useForumRoles';
import { ErrorMessage } from '../ErrorMessage';
import { QrCode } from '../QrCode';
import { RoleGate } from '../RoleGate';
import { routeHref } from '../../hooks/useRoute';
import { AnnouncementsEditor } from './AnnouncementsEditor';
import { ModalDialog } from '../ModalDialog';
import type { AppError } from '../../../../shared/result';

/**
 * The secretariat's side of the participant companion: the forum's link (to show, copy or replace)
 * and the announcements phones see. Both are the secretariat's to change.
 */
export function CompanionPanel({ forum }: { forum: Forum }) {
  const { t } = useTranslation();
  const can = useForumRoles(forum.id).can('announcements', ['forum_id', 'text', 'lang', 'posted_by', 'posted_at', 'withdrawn']);
  const link = useApiQuery('companion:link', { forumId: forum.id });
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<AppError>();

  const copy = async () => {
    if (!link.data) return;
    try {
      await navigator.clipboard.writeText(link.data.url ?? link.data.path);
      setNotice('companion.panel.copied');
    } catch {
      // Without clipboard access the path stays selectable on screen.
    }
  };
  const revoke = async () => {
    setConfirming(false);
    const result = await api['companion:revoke']({ forumId: forum.id });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setNotice('companion.panel.revoked');
    link.reload();
  };

  return (
    <section aria-labelledby="companion-heading" className="companion-panel">
      <h2 id="companion-heading">{t('companion.panel.title')}</h2>
      <p className="hint">{t('companion.panel.intro')}</p>
      <h3>{t('companion.panel.link')}</h3>
      {link.error && <ErrorMessage error={link.error} />}
      {link.data && can.allowed && link.data.url && (
        <>
          <p>
            {t('companion.panel.linkUrl')}{' '}
            <code dir="ltr" className="companion-path">
              {link.data.url}
            </code>
          </p>
          <QrCode text={link.data.url} label={t('companion.panel.qrLabel')} />
        </>
      )}
      {link.data && can.allowed && !link.data.url && (
        <p>
          {t('companion.panel.linkPath', { path: '' })}
          <code dir="ltr" className="companion-path">
            {link.data.path}
          </code>{' '}
          <a href={routeHref({ name: 'venue' })}>{t('companion.panel.venueOff')}</a>
        </p>
      )}
      <div className="actions">
        <RoleGate permission={can}>
          {(gate) => (
            <button type="button" onClick={() => void copy()} disabled={!link.data} {...gate}>
              {t('companion.panel.copy')}
            </button>
          )}
        </RoleGate>
        <RoleGate permission={can}>
          {(gate) => (
            <button type="button" onClick={() => setConfirming(true)} {...gate}>
              {t('companion.panel.revoke')}
            </button>
          )}
        </RoleGate>
      </div>
      <p role="status" className="hint">
        {/* A key, so the notice follows a change of the interface language. */}
        {notice && t(notice)}
      </p>
      {error && <ErrorMessage error={error} />}
      {confirming && (
        <ModalDialog className="dialog" labelledBy="companion-revoke-heading" onClose={() => setConfirming(false)}>
          <h2 id="companion-revoke-heading">{t('companion.panel.revoke')}</h2>
          <p>{t('companion.panel.revokeConfirm')}</p>
          <div className="actions">
            <button type="button" onClick={() => void revoke()}>
              {t('companion.panel.revokeYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              {t('companion.panel.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
      <AnnouncementsEditor forum={forum} permission={can} />
    </section>
  );
}
