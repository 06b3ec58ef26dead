import type { TFunction } from 'i18next';
import type { AgendaSession } from '../../../../shared/agenda';
import { dayLabel } from './agendaFormat';
import { AgendaText } from './AgendaText';
import { formatClock } from '../../i18n/intlFormat';

interface Props {
  now: readonly AgendaSession[];
  next: readonly AgendaSession[];
  today: string;
  lang: string;
  sourceLanguage: string;
  uiLanguage: string;
  t: TFunction;
  fallbackLabel(shownLanguage: string): string;
}

/** What is on now and what comes next at the venue, whichever day tab is open. */
export function NowNextLine({ now, next, today, lang, sourceLanguage, uiLanguage, t, fallbackLabel }: Props) {
  if (now.length === 0 && next.length === 0) return null;
  const item = (session: AgendaSession, showStart: boolean) => (
    <li key={session.id}>
      {showStart && (
        <span className="now-next-when">
          {session.day !== today && `${dayLabel(session.day, uiLanguage)} `}
          <bdi dir="auto">{formatClock(session.startTime, uiLanguage)}</bdi>{' '}
        </span>
      )}
      <AgendaText text={session.title} lang={lang} sourceLanguage={sourceLanguage} fallbackLabel={fallbackLabel} />
    </li>
  );
  return (
    <div className="now-next-line" aria-label={t('agenda.nowNext')} role="group">
      {now.length > 0 && (
        <div>
          <span className="now-marker now">{t('agenda.now')}</span>
          <ul className="inline-list">{now.map((s) => item(s, false))}</ul>
        </div>
      )}
      {next.length > 0 && (
        <div>
          <span className="now-marker next">{t('agenda.next')}</span>
          <ul className="inline-list">{next.map((s) => item(s, true))}</ul>
        </div>
      )}
    </div>
  );
}
