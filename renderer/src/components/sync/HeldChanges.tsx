import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { HeldGroup } from '../../../../shared/sync';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { formatDuration, formatNumber } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';

/**
 * Changes kept aside because the laptop that made them has a clock far ahead (who sent them, how
 * many, how far ahead), or because its role did not allow them (and which role would have): the
 * latter are applied by making them again as this laptop's own, which its role must allow. Applying them is an import like any other; discarding asks twice, since
 * nothing can bring them back but the same bundle.
 */
export function HeldChanges({ forumId, refreshKey, onApplied }: { forumId?: string; refreshKey: number; onApplied(forumId: string): void }) {
  const { t, i18n } = useTranslation();
  const held = useApiQuery('held:list', forumId ? { forumId } : {});
  const { reload } = held;
  // An import may have kept changes aside: look again after each.
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  const [busy, setBusy] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  // The group whose "Keep them" was chosen: its Discard button, back in place, takes the focus again.
  const [keptFocus, setKeptFocus] = useState<string>();
  const [error, setError] = useState<AppError>();
  const [done, setDone] = useState<string>();
  const n = (value: number) => formatNumber(value, i18n.language);
  const groups = held.data ?? [];

  const key = (g: HeldGroup) => `${g.forumId}/${g.device.id}/${g.reason}`;
  const act = async (g: HeldGroup, action: 'apply' | 'discard') => {
    setBusy(key(g));
    setError(undefined);
    const result = action === 'apply' ? await api['held:apply']({ forumId: g.forumId, deviceId: g.device.id, reason: g.reason }) : await api['held:discard']({ forumId: g.forumId, deviceId: g.device.id, reason: g.reason });
    setBusy(undefined);
    setConfirming(undefined);
    if (!result.ok) return setError(result.error);
    setDone(action === 'apply' ? t('sync.heldApplied', { changes: n(g.changes) }) : t('sync.heldDiscarded', { changes: n(g.changes) }));
    held.reload();
    if (action === 'apply') onApplied(g.forumId);
  };

  // The last group applied or discarded takes the section with it; what was done stays said.
  const result = (
    <p role="status" className="held-result">
      {done}
    </p>
  );
  if (groups.length === 0 && !held.error) return result;

  return (
    <>
      <section className="held-changes" aria-labelledby="held-heading">
        <h3 id="held-heading">{t('sync.heldTitle')}</h3>
        <p className="hint">{t('sync.heldIntro')}</p>
        {held.error && <ErrorMessage error={held.error} />}
        <ul>
          {groups.map((g) => (
            <li key={key(g)} aria-busy={busy === key(g)}>
              <p>
                {g.reason === 'role'
                  ? t('sync.heldRoleFrom', { name: g.device.name, forum: g.forumTitle, changes: n(g.changes), roles: g.needed.map((r) => t(`laptopRoles.${r}`)).join(t('laptopRoles.or')) })
                  : t('sync.heldFrom', { name: g.device.name, forum: g.forumTitle, changes: n(g.changes), ahead: formatDuration(g.maxAheadMs, i18n.language) })}
              </p>
              {g.device.fingerprint && (
                <p className="hint">
                  {t('sync.fingerprint')}: <code className="fingerprint">{g.device.fingerprint}</code>
                </p>
              )}
              <div className="actions">
                <button type="button" disabled={busy !== undefined} onClick={() => void act(g, 'apply')} aria-label={t(g.reason === 'role' ? 'sync.heldRoleApplyLabel' : 'sync.heldApplyLabel', { name: g.device.name })}>
                  {t(g.reason === 'role' ? 'sync.heldRoleApply' : 'sync.heldApply')}
                </button>
                {confirming === key(g) ? (
                  <>
                    <button type="button" className="danger" disabled={busy !== undefined} onClick={() => void act(g, 'discard')}>
                      {t('sync.heldDiscardConfirm')}
                    </button>
                    <button
                      type="button"
                      autoFocus
                      onClick={() => {
                        setConfirming(undefined);
                        setKeptFocus(key(g));
                      }}
                    >
                      {t('sync.heldKeep')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    autoFocus={keptFocus === key(g)}
                    disabled={busy !== undefined}
                    onClick={() => setConfirming(key(g))}
                    aria-label={t('sync.heldDiscardLabel', { name: g.device.name })}
                  >
                    {t('sync.heldDiscard')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        {error && <ErrorMessage error={error} />}
      </section>
      {result}
    </>
  );
}
