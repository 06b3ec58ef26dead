import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSession, AgendaWarning } from '../../../../shared/agenda';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import { routeHref } from '../../hooks/useRoute';
import { dayLabel } from './agendaFormat';
import { formatClockRange } from '../../i18n/intlFormat';

interface Props {
  warnings: readonly AgendaWarning[];
  sessionsById: ReadonlyMap<string, AgendaSession>;
  forumId: string;
  lang: string;
  sourceLanguage: string;
}

/** A draft agenda of 500 sessions may lack hundreds of rapporteurs: list a few, offer the rest. */
const shortList = 8;
const firstWarnings = 10;

/** Conflicts said in words, never silent, each with links to the sessions to fix. */
export function WarningsPanel({ warnings, sessionsById, forumId, lang, sourceLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [allWarnings, setAllWarnings] = useState(false);
  const shown = allWarnings || warnings.length <= firstWarnings + 1 ? warnings : warnings.slice(0, firstWarnings);
  const message = (warning: AgendaWarning) => {
    switch (warning.kind) {
      case 'personOverlap':
        return t('agenda.warnings.personOverlap', { name: warning.name });
      case 'roomDoubleBooked':
        return t('agenda.warnings.roomDoubleBooked', { room: warning.room });
      case 'outsideForumDates':
        return t('agenda.warnings.outsideForumDates');
      case 'noRapporteur':
        return t('agenda.warnings.noRapporteur');
    }
  };
  const link = (id: string, position: number) => {
    const session = sessionsById.get(id);
    if (!session) return null;
    const title = pickText(session.title, lang, sourceLanguage);
    return (
      <span key={id}>
        {position > 0 && t('agenda.listSeparator')}
        <a href={routeHref({ name: 'editSession', id: forumId, sessionId: id })}>
          <span lang={title.lang} dir={directionOf(title.lang)}>
            {title.text || t('agenda.untitled')}
          </span>
        </a>{' '}
        <span className="warning-when">
          {t('agenda.warnings.when', {
            day: dayLabel(session.day, i18n.language),
            // Isolated in its own direction, so "09:00–10:30" does not turn around in Arabic.
            time: `\u2068${formatClockRange(session.startTime, session.endTime, i18n.language)}\u2069`,
          })}
        </span>
      </span>
    );
  };

  return (
    <section className={`agenda-warnings${warnings.length === 0 ? ' is-clear' : ''}`} aria-labelledby="agenda-warnings-heading">
      <h2 id="agenda-warnings-heading">{t('agenda.warnings.title', { number: warnings.length })}</h2>
      {warnings.length === 0 ? (
        <p className="hint">{t('agenda.warnings.none')}</p>
      ) : (
        <ul className="warning-list">
          {shown.map((warning, index) => {
            const all = expanded.has(index) || warning.sessionIds.length <= shortList + 1;
            const ids = all ? warning.sessionIds : warning.sessionIds.slice(0, shortList);
            return (
              <li key={`${warning.kind}-${index}`} className={`warning-item warning-${warning.kind}`}>
                <span className="warning-text">{message(warning)}</span>{' '}
                <span className="warning-sessions">{ids.map(link)}</span>
                {!all && (
                  <>
                    {' '}
                    <button type="button" className="agenda-link-button" onClick={() => setExpanded(new Set(expanded).add(index))}>
                      {t('agenda.warnings.showAll', { number: warning.sessionIds.length })}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < warnings.length && (
        <button type="button" className="agenda-link-button" onClick={() => setAllWarnings(true)}>
          {t('agenda.warnings.showAllWarnings', { number: warnings.length })}
        </button>
      )}
    </section>
  );
}
