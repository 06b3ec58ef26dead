import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { VenueStatus } from '../../../../shared/venue';
import { announceVenueChange, venueApi } from '../../api/venueApi';
import { ErrorMessage } from '../ErrorMessage';
import { PairingCode } from './PairingCode';
import { QrCode } from '../QrCode';

/** Loopback: venue mode still starts where the laptop has no network, reachable from itself only. */
export const loopbackHost = '127.0.0.1';

/**
 * The switch for venue mode and what other laptops need to join this one: the Laptop URL (to copy,
 * or to scan as a QR code), the one-time pairing code and the certificate fingerprint.
 */
export function VenueModePanel({ status, onChange }: { status: VenueStatus; onChange(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [host, setHost] = useState(() => status.host ?? status.addresses[0]?.address ?? loopbackHost);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const [copied, setCopied] = useState('');

  const act = async (call: () => ReturnType<(typeof venueApi)['venue:status']>) => {
    setBusy(true);
    setError(undefined);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onChange();
    announceVenueChange();
  };
  const toggle = () => void act(() => (status.enabled ? venueApi['venue:stop']({}) : venueApi['venue:start']({ host })));
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('venue.copied'));
    } catch {
      setCopied(t('venue.copyFailed'));
    }
  };

  const hosts = status.addresses.some((a) => a.address === loopbackHost) ? status.addresses : [...status.addresses, { address: loopbackHost, family: 'IPv4' as const, interfaceName: 'lo' }];

  return (
    <section className="venue-mode" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('venue.mode')}</h2>
      <div className="venue-switch">
        <label className="field">
          <span>{t('venue.address')}</span>
          <select value={status.enabled ? (status.host ?? host) : host} onChange={(e) => setHost(e.target.value)} disabled={status.enabled || busy} dir="ltr" aria-describedby={`${id}-address-hint`}>
            {hosts.map((a) => (
              <option key={a.address} value={a.address}>
                {a.address === loopbackHost ? t('venue.loopbackOption', { address: a.address }) : t('venue.addressOption', { address: a.address, interface: a.interfaceName })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" role="switch" aria-checked={status.enabled} className="switch" disabled={busy} onClick={toggle}>
          <span className="switch-track" aria-hidden="true" />
          {t('venue.mode')}
        </button>
      </div>
      <p id={`${id}-address-hint`} className="hint">
        {status.addresses.length === 0 ? t('venue.noAddress') : status.enabled ? t('venue.onHint') : t('venue.offHint')}
      </p>
      {error && <ErrorMessage error={error} />}

      {status.enabled && status.laptopUrl && (
        <div className="venue-join-info">
          <div className="venue-url">
            <h3 id={`${id}-url`}>{t('venue.laptopUrl')}</h3>
            <p>
              <code dir="ltr" className="laptop-url" aria-labelledby={`${id}-url`}>
                {status.laptopUrl}
              </code>
            </p>
            <button type="button" onClick={() => void copy(status.laptopUrl ?? '')} aria-label={t('venue.copyLabel')}>
              {t('venue.copy')}
            </button>{' '}
            <span role="status">{copied}</span>
            <QrCode text={status.laptopUrl} label={t('venue.qrLabel')} />
            <p className="hint">{t('venue.qrHint')}</p>
          </div>
          <div className="venue-pairing">
            <PairingCode pairing={status.pairing} busy={busy} onNew={() => void act(() => venueApi['venue:pairingCode']({}))} />
            <h3>{t('venue.fingerprint')}</h3>
            <p>
              <code dir="ltr" className="fingerprint">
                {status.certificateFingerprint}
              </code>
            </p>
            <p className="hint">{t('venue.fingerprintHint')}</p>
            {status.host && <p className="hint">{t('venue.listening', { address: status.host, port: status.port ?? '' })}</p>}
          </div>
        </div>
      )}
    </section>
  );
}
