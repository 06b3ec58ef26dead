import { useTranslation } from 'react-i18next';
import { routeHref } from '../hooks/useRoute';
import { useNow, useVenue } from '../hooks/useVenue';
import { formatAge } from '../i18n/intlFormat';
import { usePeerError } from './venue/usePeerError';

/**
 * The slim footer of every app screen but the projectors: whether venue mode is on and where, and
 * each paired laptop with how long ago the last exchange with it went through.
 */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const { status, peers } = useVenue();
  const list = peers ?? [];
  const now = useNow(list.length > 0);
  const peerError = usePeerError();
  const mode = status?.enabled ? t('venue.statusBar.on', { address: status.host ?? '' }) : t('venue.statusBar.off');

  return (
    <footer className="status-bar" aria-label={t('venue.statusBar.label')}>
      <a href={routeHref({ name: 'venue' })} aria-keyshortcuts="Alt+U">
        {mode}
      </a>
      {list.length > 0 && (
        <ul aria-label={t('venue.peersTitle')}>
          {list.map((peer) => {
            const age = peer.lastExchangeAt ? formatAge(now - Date.parse(peer.lastExchangeAt), i18n.language) : t('venue.statusBar.never');
            const state = t(`venue.states.${peer.state}`);
            return (
              <li key={peer.deviceId} title={peer.lastError ? peerError(peer.lastError) : undefined}>
                <span className={`peer-dot peer-${peer.state}`} role="img" aria-label={state} />
                <span dir="auto">{peer.name}</span> <span className="peer-age">{age}</span>
              </li>
            );
          })}
        </ul>
      )}
    </footer>
  );
}
