import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { grantableRoles, type ForumLaptop, type RoleName } from '../../../shared/roles';
import type { AppError } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { LocalText } from '../components/LocalText';
import { HeldChanges } from '../components/sync/HeldChanges';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';
import { formatTime } from '../i18n/intlFormat';

/**
 * People and laptops: every laptop this one knows in the forum, its fingerprint and roles, when
 * its last bundle came; granting a role by fingerprint (typed, or read aloud as trust works);
 * revoking; and what was held back because a laptop's role did not allow it.
 */
export function LaptopsScreen({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const { roles, reload, can } = useForumRoles(forumId);
  const agenda = useApiQuery('agenda:get', { forumId });
  const forum = useApiQuery('forums:get', { id: forumId });
  const [fingerprint, setFingerprint] = useState('');
  const [role, setRole] = useState<RoleName>('rapporteur');
  const [sessions, setSessions] = useState<string[]>([]);
  const [error, setError] = useState<AppError>();
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const grant = can('role_grants', ['role']);
  const roleName = (r: RoleName) => t(`laptopRoles.${r}`);

  const act = async (call: () => ReturnType<(typeof api)['roles:grant']>, message: string) => {
    setBusy(true);
    setError(undefined);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(message);
    reload();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () => api['roles:grant']({ forumId, fingerprint, role, ...(role === 'rapporteur' && sessions.length ? { sessions } : {}) }),
      t('laptops.granted', { role: roleName(role), fingerprint }),
    ).then(() => setFingerprint(''));
  };
  const revoke = (laptop: ForumLaptop, r: RoleName) =>
    void act(() => api['roles:revoke']({ forumId, fingerprint: laptop.fingerprint, role: r }), t('laptops.revoked', { role: roleName(r), name: laptop.name }));

  if (!roles || !forum.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const sessionTitle = (id: string) => agenda.data?.sessions.find((s) => s.id === id)?.title;
  const lang = i18n.language;
  const { timeZone, sourceLanguage } = forum.data;

  return (
    <article className="laptops-screen">
      <h1>{t('laptops.title')}</h1>
      <LocalText as="p" className="meta" text={forum.data.title} lang={lang} sourceLanguage={sourceLanguage} />
      <p className="hint">{roles.enabled ? t('laptops.rolesOn') : t('laptops.rolesOff')}</p>
      <table className="laptops">
        <caption className="visually-hidden">{t('laptops.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('laptops.laptop')}</th>
            <th scope="col">{t('sync.fingerprint')}</th>
            <th scope="col">{t('laptops.roles')}</th>
            <th scope="col">{t('laptops.lastBundle')}</th>
          </tr>
        </thead>
        <tbody>
          {roles.laptops.map((laptop) => (
            <tr key={laptop.deviceId}>
              <th scope="row">
                {laptop.name}
                {laptop.isThisLaptop && <span className="hint"> ({t('laptops.thisLaptop')})</span>}
              </th>
              <td>{laptop.fingerprint ? <code className="fingerprint">{laptop.fingerprint}</code> : t('laptops.keyUnknown')}</td>
              <td>
                <ul className="role-list">
                  {laptop.isOwner && <li>{roleName('owner')}</li>}
                  {laptop.legacy && <li>{t('laptops.legacy')}</li>}
                  {laptop.roles.map((r) => (
                    <li key={r.role}>
                      {roleName(r.role)}
                      {r.sessions.length > 0 && <span className="hint"> ({r.sessions.map((s) => sessionTitle(s)?.[lang] ?? Object.values(sessionTitle(s) ?? {})[0] ?? s).join(', ')})</span>}{' '}
                      {grant.allowed && laptop.fingerprint && (
                        <button type="button" className="link" disabled={busy} onClick={() => revoke(laptop, r.role)} aria-label={t('laptops.revokeLabel', { role: roleName(r.role), name: laptop.name })}>
                          {t('laptops.revoke')}
                        </button>
                      )}
                    </li>
                  ))}
                  {!laptop.isOwner && !laptop.legacy && laptop.roles.length === 0 && <li className="hint">{roles.enabled ? t('laptops.noRole') : t('laptops.everything')}</li>}
                </ul>
              </td>
              <td>{laptop.lastBundleAt ? formatTime(laptop.lastBundleAt, lang, timeZone, { withDate: true }) : laptop.isThisLaptop ? '—' : t('laptops.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="grant-heading" className="grant-role">
        <h2 id="grant-heading">{t('laptops.grantTitle')}</h2>
        {grant.allowed ? (
          <form onSubmit={submit}>
            <p className="hint">{t('laptops.grantHint')}</p>
            <label>
              {t('sync.fingerprint')}
              <input value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} required autoComplete="off" spellCheck={false} dir="ltr" />
            </label>
            <label>
              {t('laptops.role')}
              <select value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
                {grantableRoles.map((r) => (
                  <option key={r} value={r}>
                    {roleName(r)} — {t(`laptops.about.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            {role === 'rapporteur' && (
              <fieldset>
                <legend>{t('laptops.sessions')}</legend>
                <p className="hint">{t('laptops.sessionsHint')}</p>
                {(agenda.data?.sessions ?? []).map((s) => (
                  <label key={s.id} className="check">
                    <input type="checkbox" checked={sessions.includes(s.id)} onChange={(e) => setSessions((list) => (e.target.checked ? [...list, s.id] : list.filter((id) => id !== s.id)))} />
                    <LocalText text={s.title} lang={lang} sourceLanguage={sourceLanguage} />
                  </label>
                ))}
              </fieldset>
            )}
            <button type="submit" disabled={busy || fingerprint.trim() === ''}>
              {t('laptops.grant')}
            </button>
          </form>
        ) : (
          <p className="hint">{grant.reason}</p>
        )}
        {error && <ErrorMessage error={error} />}
        <p role="status">{done}</p>
      </section>

      <HeldChanges forumId={forumId} refreshKey={0} onApplied={() => reload()} />
    </article>
  );
}
