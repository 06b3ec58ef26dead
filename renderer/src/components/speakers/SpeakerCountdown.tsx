import { useTranslation } from 'react-i18next';
import type { SpeakerEntry } from '../../../../shared/speakers';
import { countdown, formatClock } from '../../../../shared/speakingTime';
import { useNow } from './useNow';

interface Props {
  entry: SpeakerEntry;
  /** panel: beside the list on a laptop; wall: the projectors and the full-screen timer. */
  size: 'panel' | 'wall';
}

/**
 * The time left for whoever has the floor, counted on this laptop's clock from the synced start.
 * The warning and final phases change colour and also say so in words (and the final phase shows
 * a symbol), so the phase never rests on colour alone; over time reads "+0:12" and is never cut.
 */
export function SpeakerCountdown({ entry, size }: Props) {
  const { t } = useTranslation();
  const now = useNow(entry.startedAt !== null);
  const c = countdown(entry, entry.allottedMs, now);
  const phaseText = !c.running ? t('speakers.timer.paused') : c.phase === 'normal' ? '' : t(`speakers.timer.phase.${c.phase}`);
  return (
    // A timer's role keeps it quiet for screen readers: the clock is read on request, not every second.
    <div className={`speaker-countdown is-${size} phase-${c.phase}${c.running ? '' : ' is-paused'}`} role="timer" aria-label={t('speakers.timer.label', { name: entry.name })}>
      <span className="countdown-clock" dir="ltr">
        {(c.phase === 'final' || c.phase === 'over') && (
          <span className="countdown-mark" aria-hidden="true">
            ⚠{' '}
          </span>
        )}
        {formatClock(c.remainingMs)}
      </span>
      <span className="countdown-of">{t('speakers.timer.of', { time: formatClock(entry.allottedMs) })}</span>
      {phaseText && <span className="countdown-phase">{phaseText}</span>}
    </div>
  );
}
