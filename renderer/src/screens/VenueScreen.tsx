import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { JoinLaptopForm } from '../components/venue/JoinLaptopForm';
import { NearbyLaptops } from '../components/venue/NearbyLaptops';
import { PeerList } from '../components/venue/PeerList';
import { VenueModePanel } from '../components/venue/VenueModePanel';
import { useVenue } from '../hooks/useVenue';

/**
 * The venue network, this laptop's and not a forum's: venue mode and what others need to join it,
 * joining another laptop, the paired laptops and how their exchanges stand, and laptops nearby.
 */
export function VenueScreen() {
  const { t } = useTranslation();
  const venue = useVenue();
  const [prefill, setPrefill] = useState<{ url: string; at: number }>();

  return (
    <article className="venue-screen">
      <h1>{t('venue.title')}</h1>
      <p className="hint">{t('venue.intro')}</p>
      {venue.error && <ErrorMessage error={venue.error} />}
      {!venue.status && !venue.error && <p aria-busy="true">{t('common.loading')}</p>}
      {venue.status && <VenueModePanel status={venue.status} onChange={venue.reload} key={venue.status.enabled ? 'on' : 'off'} />}
      <div className="venue-columns">
        <JoinLaptopForm prefill={prefill} />
        <NearbyLaptops onJoin={(laptop) => setPrefill({ url: laptop.url, at: Date.now() })} />
      </div>
      {venue.peers && <PeerList peers={venue.peers} />}
    </article>
  );
}
