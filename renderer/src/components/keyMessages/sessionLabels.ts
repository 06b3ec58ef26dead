import type { AgendaSession } from '../../../../shared/agenda';
import { pickText } from '../../../../shared/multilingual';
import { formatClockRange } from '../../i18n/intlFormat';

/** A session as a reader sees it: its title in the chosen language (or the source) and when it runs. */
export interface SessionLabel {
  text: string;
  lang: string;
  day: string;
  time: string;
}

/** Labels for every session of the agenda, and a stand-in for one that was deleted since. */
export function sessionLabels(sessions: readonly AgendaSession[], lang: string, sourceLanguage: string, unknown: { text: string; lang: string }, uiLanguage = lang) {
  const labels = new Map<string, SessionLabel>();
  for (const session of sessions) {
    const picked = pickText(session.title, lang, sourceLanguage);
    labels.set(session.id, { text: picked.text || unknown.text, lang: picked.text ? picked.lang : unknown.lang, day: session.day, time: formatClockRange(session.startTime, session.endTime, uiLanguage) });
  }
  return (sessionId: string): SessionLabel => labels.get(sessionId) ?? { ...unknown, day: '', time: '' };
}
