import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { AgendaSession } from '../../../../shared/agenda';
import { pickText } from '../../../../shared/multilingual';
import { routeHref } from '../../hooks/useRoute';
import { AgendaText } from './AgendaText';
import type { SessionMarker } from './SessionCard';
import { useTranslation } from 'react-i18next';
import { formatClock, formatClockRange } from '../../i18n/intlFormat';

interface Props {
  /** One day's sessions, ordered by start time. */
  sessions: readonly AgendaSession[];
  forumId: string;
  lang: string;
  sourceLanguage: string;
  caption: string;
  markerOf(sessionId: string): SessionMarker;
  t: TFunction;
  fallbackLabel(shownLanguage: string): string;
}

interface Column {
  key: string;
  room: AgendaSession['room'];
}

/** Rooms as columns, start times as rows: parallel sessions sit side by side. */
export function RoomGrid({ sessions, forumId, lang, sourceLanguage, caption, markerOf, t, fallbackLabel }: Props) {
  const uiLanguage = useTranslation().i18n.language;
  const { columns, rows, cells } = useMemo(() => {
    // A room is known by its source-language name: that is the one every laptop shares.
    const roomKey = (s: AgendaSession) => pickText(s.room, sourceLanguage, sourceLanguage).text;
    const columns: Column[] = [];
    const seen = new Set<string>();
    const cells = new Map<string, AgendaSession[]>();
    const rows: string[] = [];
    for (const session of sessions) {
      const key = roomKey(session);
      if (!seen.has(key)) {
        seen.add(key);
        columns.push({ key, room: session.room });
      }
      if (!rows.includes(session.startTime)) rows.push(session.startTime);
      const cell = `${session.startTime}|${key}`;
      const list = cells.get(cell);
      if (list) list.push(session);
      else cells.set(cell, [session]);
    }
    rows.sort();
    // Rooms in the order the day uses them, ties by name, so "Hall A" comes before "Hall B".
    const firstStart = new Map<string, string>();
    for (const session of sessions) {
      const key = roomKey(session);
      const start = firstStart.get(key);
      if (start === undefined || session.startTime < start) firstStart.set(key, session.startTime);
    }
    columns.sort(
      (a, b) => (firstStart.get(a.key) ?? '').localeCompare(firstStart.get(b.key) ?? '') || a.key.localeCompare(b.key, sourceLanguage),
    );
    return { columns, rows, cells };
  }, [sessions, sourceLanguage]);

  return (
    <div className="room-grid-scroll" tabIndex={0} role="group" aria-label={caption}>
      <table className="room-grid">
        <caption className="agenda-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agenda.time')}</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.key ? (
                  <AgendaText text={column.room} lang={lang} sourceLanguage={sourceLanguage} fallbackLabel={fallbackLabel} />
                ) : (
                  t('agenda.noRoom')
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((start) => (
            <tr key={start}>
              <th scope="row">
                <bdi dir="auto">{formatClock(start, uiLanguage)}</bdi>
              </th>
              {columns.map((column) => (
                <td key={column.key}>
                  {cells.get(`${start}|${column.key}`)?.map((session) => {
                    const marker = markerOf(session.id);
                    const title = pickText(session.title, lang, sourceLanguage).text || t('agenda.untitled');
                    return (
                      <div key={session.id} className={`grid-session kind-${session.kind}${marker ? ` is-${marker}` : ''}`}>
                        <div className="session-when">
                          <bdi dir="auto" className="session-time">
                            {formatClockRange(session.startTime, session.endTime, uiLanguage)}
                          </bdi>
                          {marker && <span className={`now-marker ${marker}`}>{t(`agenda.${marker}`)}</span>}
                        </div>
                        <p className="grid-title">
                          <AgendaText text={session.title} lang={lang} sourceLanguage={sourceLanguage} fallbackLabel={fallbackLabel} />
                        </p>
                        <span className="kind-badge">{t(`sessionKind.${session.kind}`)}</span>{' '}
                        <a href={routeHref({ name: 'editSession', id: forumId, sessionId: session.id })} aria-label={t('agenda.editSession', { title })}>
                          {t('agenda.edit')}
                        </a>
                      </div>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
