import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';
import { bundleSession } from './bundleSession';
import { LaptopGroupCard } from './LaptopGroupCard';
import { RefusalReason } from './RefusalReason';
import { SessionProgress } from './SessionProgress';
import { SessionResults } from './SessionResults';
import { bundlesGoingIn, summariseSession } from './sessionSummary';

/**
 * A USB stick of bundles, chosen or dropped at once: one preview of them all, grouped per laptop,
 * one Import for the whole session, one progress bar across every bundle, then what became of each.
 * The session lives outside this component, so it goes on while the user works elsewhere.
 */
export function BundleImport({ currentForumId, onImported }: { currentForumId?: string; onImported(forumId: string): void }) {
  const { t, i18n } = useTranslation();
  const session = useSyncExternalStore(bundleSession.subscribe, bundleSession.get);
  const summary = useMemo(() => summariseSession(session.previews, session.duplicates), [session.previews, session.duplicates]);
  const [dragging, setDragging] = useState(false);
  const n = (value: number) => formatNumber(value, i18n.language);

  // Screens showing a forum the session changed read it again, whichever screen started it.
  const imported = useRef(onImported);
  imported.current = onImported;
  useEffect(() => bundleSession.onImported((forumIds) => forumIds.forEach((id) => imported.current(id))), []);

  const busy = session.step === 'reading' || session.step === 'checking' || session.step === 'importing';
  const choosing = session.step === 'preview';
  const goingIn = bundlesGoingIn(summary, { trust: session.trust, confirmMassChanges: session.confirmMassChanges });
  const sweeping = summary.groups.some((g) => g.massChanges.length > 0);
  const heldBack = summary.groups.some((g) => g.held.changes > 0);
  const showPreview = (session.step === 'preview' || session.step === 'importing') && (summary.groups.length > 0 || summary.refused.length > 0);

  return (
    <div
      className={`bundle-import${session.step === 'empty' ? '' : ' has-session'}${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (busy || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (!busy) void bundleSession.choose(Array.from(event.dataTransfer.files));
      }}
    >
      <h3>{t('sync.importTitle')}</h3>
      <div className="import-start">
        <label className="file-picker">
          <span>{t('sync.chooseFiles')}</span>
          <input
            type="file"
            accept=".plenary"
            multiple
            disabled={busy}
            onChange={(event) => {
              void bundleSession.choose(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </label>
        {!busy && <span className="hint">{session.step === 'preview' ? t('bundleSession.dropMore') : t('bundleSession.dropHint')}</span>}
        {(session.step === 'preview' || session.step === 'done') && (
          <button type="button" onClick={() => bundleSession.clear()}>
            {t('bundleSession.clear')}
          </button>
        )}
      </div>
      {session.step === 'reading' && <p role="status">{t('bundleSession.reading')}</p>}
      {session.step === 'checking' && (
        <div className="session-progress">
          <p role="status">{t('bundleSession.checking', { files: n(session.files.length) })}</p>
          <progress aria-label={t('bundleSession.checkingProgress')} max={1} value={session.progress?.share ?? 0} />
        </div>
      )}
      {session.error && <ErrorMessage error={session.error} />}

      {showPreview && (
        <div className="session-preview" aria-busy={session.step === 'importing'}>
          <p className="session-counts">
            {t('bundleSession.counts', { bundles: n(summary.bundles), laptops: n(summary.groups.length), refused: n(summary.refused.length) })}
          </p>
          {summary.groups.length > 0 && (
            <ul className="laptop-groups" aria-label={t('bundleSession.laptopsLabel')}>
              {summary.groups.map((group) => (
                <li key={group.deviceId}>
                  <LaptopGroupCard
                    group={group}
                    currentForumId={currentForumId}
                    trusted={session.trust.includes(group.deviceId)}
                    choosing={choosing}
                    onTrust={(yes) => bundleSession.setTrusted(group.deviceId, yes)}
                  />
                </li>
              ))}
            </ul>
          )}
          {summary.refused.length > 0 && (
            <section className="refused-files" aria-labelledby="refused-heading">
              <h4 id="refused-heading">{t('bundleSession.refusedTitle')}</h4>
              <ul>
                {summary.refused.map((file, index) => (
                  <li key={`${index}-${file.name}`}>
                    <bdi className="file-name">{file.name}</bdi>
                    <RefusalReason file={file} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {summary.groups.length > 0 && (
            <div className="session-actions">
              {sweeping && (
                <label className="checkbox">
                  <input type="checkbox" checked={session.confirmMassChanges} disabled={!choosing} onChange={(event) => bundleSession.setConfirmMassChanges(event.target.checked)} />
                  <span>{t('sync.confirmMass')}</span>
                </label>
              )}
              {heldBack && (
                <label className="checkbox">
                  <input type="checkbox" checked={session.applyHeld} disabled={!choosing} onChange={(event) => bundleSession.setApplyHeld(event.target.checked)} />
                  <span>{t('sync.applyHeld')}</span>
                </label>
              )}
              <p className="hint">
                {goingIn > 0 ? t('bundleSession.goingIn', { ready: n(goingIn), total: n(summary.bundles) }) : t('bundleSession.noneGoingIn')}
              </p>
              <button type="button" className="primary" disabled={!choosing || goingIn === 0} onClick={() => void bundleSession.start()}>
                {session.step === 'importing' ? t('sync.importing') : t('sync.importButton')}
              </button>
            </div>
          )}
        </div>
      )}
      {(session.step === 'importing' || session.step === 'done') && session.progress && (
        <SessionProgress progress={session.progress} running={session.step === 'importing'} />
      )}
      {session.step === 'done' && session.results && <SessionResults results={session.results} />}
    </div>
  );
}
