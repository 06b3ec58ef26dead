import { useTranslation } from 'react-i18next';
import type { ForumOverview } from '../../../shared/forum';
import { formatClockRange, formatDay } from '../i18n/intlFormat';
import { LocalText } from './LocalText';

interface Props {
  sessions: ForumOverview['sessions'];
  lang: string;
  sourceLanguage: string;
}

/** The programme by day, read-only here; the agenda screen (its own issue) edits it. */
export function AgendaSummary({ sessions, lang, sourceLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const days = [...new Set(sessions.map((s) => s.day))];
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('forum.agenda')}</h2>
      {sessions.length === 0 && <p className="empty-state">{t('forum.noSessions')}</p>}
      {days.map((day) => (
        <table key={day} className="agenda">
          <caption>{formatDay(day, i18n.language)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agenda.time')}</th>
              <th scope="col">{t('agenda.session')}</th>
              <th scope="col">{t('agenda.room')}</th>
              <th scope="col">{t('agenda.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions
              .filter((s) => s.day === day)
              .map((s) => (
                <tr key={s.id} className={`kind-${s.kind}`}>
                  <td className="time">
                    <bdi>{formatClockRange(s.startTime, s.endTime, i18n.language)}</bdi>
                  </td>
                  <td>
                    <LocalText text={s.title} lang={lang} sourceLanguage={sourceLanguage} />
                  </td>
                  <td>
                    <LocalText text={s.room} lang={lang} sourceLanguage={sourceLanguage} />
                  </td>
                  <td>{t(`sessionKind.${s.kind}`)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
