import { useTranslation } from 'react-i18next';
import type { AgendaSession } from '../../../../shared/agenda';
import { formatClockRange } from '../../i18n/intlFormat';
import { LocalText } from '../LocalText';

interface Props {
  session: AgendaSession;
  lang: string;
  sourceLanguage: string;
  /** Said when the session is not today. */
  day?: string;
  /** The next session is shown smaller than the one on now. */
  small?: boolean;
}

/** One session as the room reads it from the back: title, time, room, and who leads it. */
export function ProjectorSession({ session, lang, sourceLanguage, day, small }: Props) {
  const { t, i18n } = useTranslation();
  const leads = session.roles.filter((r) => r.role === 'chair' || r.role === 'moderator');
  const speakers = session.roles.filter((r) => r.role === 'speaker');
  const names = (people: typeof leads) =>
    people.map((p, i) => (
      <span key={p.participantId}>
        {i > 0 && t('agenda.listSeparator')}
        <bdi>{p.name}</bdi>
      </span>
    ));
  return (
    <article className={`projector-session${small ? ' is-small' : ''}`} aria-labelledby={`projector-${session.id}`}>
      <p className="projector-when">
        {day && <span>{day} </span>}
        <bdi dir="auto">{formatClockRange(session.startTime, session.endTime, i18n.language)}</bdi>
        <span className="projector-kind">{t(`sessionKind.${session.kind}`)}</span>
      </p>
      <h3 id={`projector-${session.id}`}>
        <LocalText text={session.title} lang={lang} sourceLanguage={sourceLanguage} />
      </h3>
      {Object.keys(session.room).length > 0 && <LocalText as="p" className="projector-room" text={session.room} lang={lang} sourceLanguage={sourceLanguage} />}
      {!small && leads.length > 0 && (
        <p className="projector-people">
          <span className="projector-role">{t('agenda.projector.leads')}</span> {names(leads)}
        </p>
      )}
      {!small && speakers.length > 0 && (
        <p className="projector-people">
          <span className="projector-role">{t('agenda.projector.speakers')}</span> {names(speakers)}
        </p>
      )}
    </article>
  );
}
