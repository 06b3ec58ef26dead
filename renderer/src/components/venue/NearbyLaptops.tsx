import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { NearbyLaptop } from '../../../../shared/venue';
import { venueApi } from '../../api/venueApi';
import { venuePollMs } from '../../hooks/useVenue';
import { ErrorMessage } from '../ErrorMessage';

/**
 * Plenary laptops announcing themselves on the local network. Nothing is exchanged with them:
 * "Join" only fills the address in the join form, and the pairing code must still be typed.
 */
export function NearbyLaptops({ onJoin }: { onJoin(laptop: NearbyLaptop): void }) {
  const { t } = useTranslation();
  const [laptops, setLaptops] = useState<NearbyLaptop[]>([]);
  const [error, setError] = useState<AppError>();
  // Read while the screen is open only: the list is a hint for joining, not something to follow.
  useEffect(() => {
    let live = true;
    const read = () =>
      void venueApi['peers:nearby']({}).then((result) => {
        if (!live) return;
        if (result.ok) setLaptops(result.value);
        setError(result.ok ? undefined : result.error);
      });
    read();
    const timer = window.setInterval(read, venuePollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return (
    <section className="venue-nearby" aria-labelledby="nearby-title">
      <h2 id="nearby-title">{t('venue.nearbyTitle')}</h2>
      <p className="hint">{t('venue.nearbyHint')}</p>
      {error && <ErrorMessage error={error} />}
      {laptops.length === 0 ? (
        <p className="empty">{t('venue.noNearby')}</p>
      ) : (
        <ul className="nearby-list">
          {laptops.map((laptop) => (
            <li key={laptop.deviceId}>
              <span dir="auto">{laptop.name}</span> <code dir="ltr">{laptop.url.replace(/#.*$/, '')}</code>{' '}
              {laptop.paired ? (
                <span className="hint">{t('venue.alreadyPaired')}</span>
              ) : (
                <button type="button" onClick={() => onJoin(laptop)} aria-label={t('venue.joinNearbyLabel', { name: laptop.name })}>
                  {t('venue.join')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
