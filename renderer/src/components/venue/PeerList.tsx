import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { VenuePeer } from '../../../../shared/venue';
import { announceVenueChange, venueApi } from '../../api/venueApi';
import { useNow } from '../../hooks/useVenue';
import { formatAge, formatNumber, formatTime, laptopTimeZone } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';
import { usePeerError } from './usePeerError';

/** The paired laptops: how each exchange stands, how long ago the last one went through, and why one failed. */
export function PeerList({ peers }: { peers: VenuePeer[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = useNow(peers.length > 0);
  const peerError = usePeerError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  // What was done, worded at each render: a switch of language rewords it.
  const [done, setDone] = useState<{ key: 'venue.syncDone'; reached: number; total: number; changes: number } | { key: 'venue.forgotten'; name: string }>();

  const syncNow = async () => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const result = await venueApi['peers:sync']({});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const reached = result.value.peers.filter((p) => p.ok).length;
    const changes = result.value.peers.reduce((sum, p) => sum + p.changes, 0);
    setDone({ key: 'venue.syncDone', reached, total: result.value.peers.length, changes });
    announceVenueChange();
  };
  const forget = async (peer: VenuePeer) => {
    setBusy(true);
    setError(undefined);
    const result = await venueApi['peers:remove']({ deviceId: peer.deviceId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone({ key: 'venue.forgotten', name: peer.name });
    announceVenueChange();
  };

  return (
    <section className="venue-peers" aria-labelledby="peers-title">
      <h2 id="peers-title">{t('venue.peersTitle')}</h2>
      {peers.length === 0 ? (
        <p className="empty">{t('venue.noPeers')}</p>
      ) : (
        <>
          <button type="button" className="primary" disabled={busy} onClick={() => void syncNow()}>
            {t('venue.syncNow')}
          </button>
          <table className="peers">
            <caption className="visually-hidden">{t('venue.peersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('venue.laptop')}</th>
                <th scope="col">{t('venue.state')}</th>
                <th scope="col">{t('venue.lastExchange')}</th>
                <th scope="col">{t('venue.changesReceived')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('venue.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {peers.map((peer) => (
                <tr key={peer.deviceId}>
                  <th scope="row">
                    <span dir="auto">{peer.name}</span>
                    <br />
                    <code dir="ltr" className="hint">
                      {peer.url}
                    </code>
                  </th>
                  <td>
                    <span className={`peer-dot peer-${peer.state}`} aria-hidden="true" /> {t(`venue.states.${peer.state}`)}
                    {peer.lastError && <span className="peer-error">{peerError(peer.lastError)}</span>}
                    {peer.state === 'backing_off' && peer.retryAt && <span className="hint"> {t('venue.retryAt', { time: formatTime(new Date(peer.retryAt), lang, laptopTimeZone()) })}</span>}
                  </td>
                  <td>{peer.lastExchangeAt ? formatAge(now - Date.parse(peer.lastExchangeAt), lang) : t('venue.never')}</td>
                  <td>{formatNumber(peer.changesReceived, lang)}</td>
                  <td>
                    <button type="button" className="link" disabled={busy} onClick={() => void forget(peer)} aria-label={t('venue.forgetLabel', { name: peer.name })}>
                      {t('venue.forget')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {error && <ErrorMessage error={error} />}
      <p role="status">
        {done?.key === 'venue.syncDone' && t('venue.syncDone', { reached: formatNumber(done.reached, lang), total: formatNumber(done.total, lang), changes: formatNumber(done.changes, lang) })}
        {done?.key === 'venue.forgotten' && t('venue.forgotten', { name: done.name })}
      </p>
    </section>
  );
}
