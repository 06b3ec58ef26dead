import { useTranslation } from 'react-i18next';
import type { AgendaSession } from '../../../../shared/agenda';
import type { Forum } from '../../../../shared/forum';
import { routeHref } from '../../hooks/useRoute';
import { formatClockRange, formatNumber } from '../../i18n/intlFormat';
import { LocalText } from '../LocalText';
import { dayLabel } from '../agenda/agendaFormat';

interface Props {
  forum: Forum;
  session: AgendaSession;
  notes: number | undefined;
  keyMessages: number | undefined;
}

/** The session being captured, and how far its capture has come. */
export function CaptureHeader({ forum, session, notes, keyMessages }: Props) {
  const { t, i18n } = useTranslation();
  const lang = forum.languages.includes(i18n.language) ? i18n.language : forum.sourceLanguage;
  const count = (n: number | undefined) => (n === undefined ? '–' : formatNumber(n, i18n.language));
  return (
    <header className="capture-session-head">
      <div>
        <LocalText as="h2" text={session.title} lang={lang} sourceLanguage={forum.sourceLanguage} />
        <p className="meta">
          {dayLabel(session.day, i18n.language)}{' '}
          <bdi dir="auto">{formatClockRange(session.startTime, session.endTime, i18n.language)}</bdi>
          {Object.keys(session.room).length > 0 && (
            <>
              {' · '}
              <LocalText text={session.room} lang={lang} sourceLanguage={forum.sourceLanguage} />
            </>
          )}
        </p>
      </div>
      <dl className="capture-counts" aria-label={t('capture.counts.label')}>
        <div>
          <dt>{t('capture.counts.notes')}</dt>
          <dd>{count(notes)}</dd>
        </div>
        <div>
          <dt>{t('capture.counts.keyMessages')}</dt>
          <dd>{count(keyMessages)}</dd>
        </div>
      </dl>
      <a className="button" href={routeHref({ name: 'keyMessages', id: forum.id })}>
        {t('capture.counts.open')}
      </a>
    </header>
  );
}
