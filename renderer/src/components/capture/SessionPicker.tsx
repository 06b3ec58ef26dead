import { useTranslation } from 'react-i18next';
import type { AgendaSession } from '../../../../shared/agenda';
import { pickText } from '../../../../shared/multilingual';
import { dayLabel } from '../agenda/agendaFormat';
import { sessionGroups } from './captureSessions';
import { formatClockRange } from '../../i18n/intlFormat';

interface Props {
  sessions: readonly AgendaSession[];
  me: string | null;
  selected: string | undefined;
  /** The session happening now, marked in its option. */
  nowIds: ReadonlySet<string>;
  lang: string;
  sourceLanguage: string;
  onSelect(sessionId: string): void;
}

/** Which session the notes go to: the rapporteur's own first, then the rest by day and time. */
export function SessionPicker({ sessions, me, selected, nowIds, lang, sourceLanguage, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const { mine, byDay } = sessionGroups(sessions, me);
  const label = (session: AgendaSession, withDay: boolean) => {
    const title = pickText(session.title, lang, sourceLanguage).text || t('capture.untitled');
    // Isolated in its own direction: in Arabic "16:00–17:30" must not turn into "17:30–16:00".
    const time = `\u2068${formatClockRange(session.startTime, session.endTime, i18n.language)}\u2069`;
    const when = withDay ? `${dayLabel(session.day, i18n.language)} ${time}` : time;
    const text = t('capture.session.option', { when, title });
    return nowIds.has(session.id) ? t('capture.session.optionNow', { session: text }) : text;
  };
  return (
    <label className="capture-session-picker">
      <span>{t('capture.session.label')}</span>
      <select value={selected ?? ''} onChange={(event) => event.target.value && onSelect(event.target.value)}>
        {!selected && (
          <option value="" disabled>
            {t('capture.session.choose')}
          </option>
        )}
        {mine.length > 0 && (
          <optgroup label={t('capture.session.mine')}>
            {mine.map((session) => (
              <option key={session.id} value={session.id}>
                {label(session, true)}
              </option>
            ))}
          </optgroup>
        )}
        {byDay.map(([day, list]) => (
          <optgroup key={day} label={dayLabel(day, i18n.language)}>
            {list.map((session) => (
              <option key={session.id} value={session.id}>
                {label(session, false)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
