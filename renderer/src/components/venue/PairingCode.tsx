import { useTranslation } from 'react-i18next';
import type { VenueStatus } from '../../../../shared/venue';
import { useNow } from '../../hooks/useVenue';
import { formatTime, laptopTimeZone } from '../../i18n/intlFormat';

/** The one-time pairing code in large digits, how long it stays valid, and a fresh one on demand. */
export function PairingCode({ pairing, busy, onNew }: { pairing: VenueStatus['pairing']; busy: boolean; onNew(): void }) {
  const { t, i18n } = useTranslation();
  const now = useNow(pairing !== null);
  const expired = pairing !== null && Date.parse(pairing.expiresAt) <= now;
  return (
    <div className="pairing">
      <h3 id="pairing-code-title">{t('venue.pairingCode')}</h3>
      {pairing && !expired ? (
        <>
          {/* Read out digit by digit, as people say it across a room. */}
          <p className="pairing-code" dir="ltr" aria-labelledby="pairing-code-title" aria-describedby="pairing-code-expiry" data-code={pairing.code}>
            <span aria-hidden="true">
              {pairing.code.slice(0, 3)} {pairing.code.slice(3)}
            </span>
            <span className="visually-hidden">{pairing.code.split('').join(' ')}</span>
          </p>
          <p id="pairing-code-expiry" className="hint">
            {t('venue.pairingValid', { time: formatTime(new Date(pairing.expiresAt), i18n.language, laptopTimeZone()) })}
          </p>
        </>
      ) : (
        <p className="hint">{expired ? t('venue.pairingExpired') : t('venue.noPairing')}</p>
      )}
      <button type="button" disabled={busy} onClick={onNew}>
        {t('venue.newCode')}
      </button>
    </div>
  );
}
