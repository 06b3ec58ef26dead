import type { Database } from 'better-sqlite3';
import { sessionRoles, type AgendaSession, type SessionRole } from '../../../shared/agenda';
import type { Forum } from '../../../shared/forum';
import { directionOf } from '../../../shared/languages';
import { pickText } from '../../../shared/multilingual';
import { CoreError } from '../errors';
import { agendaView } from '../store/agendaView';
import { getForum } from '../store/forums';
import { documentText, languageName, type DocumentTextFn } from './documentText';
import { formatDates, formatDay } from './formatDates';

/** Translate function for the words printed inside a document, bound to its language. */
export type DocText = DocumentTextFn;

/**
 * A piece of forum content as printed in the document's language. When the translation is
 * missing, the source text stands in with `lang` its own language and `mark` saying so in the
 * document's language ("(English, not yet translated)").
 */
export interface PrintedText {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  fallback: boolean;
  mark: string;
}

export interface AgendaRoleLine {
  role: SessionRole;
  /** "Chair" or "Chairs", after how many people hold the role. */
  label: string;
  names: string[];
}

export interface AgendaModelSession {
  id: string;
  /** "09:00–10:30", in the forum's time zone as stored. */
  time: string;
  kind: AgendaSession['kind'];
  kindLabel: string;
  title: PrintedText;
  room: PrintedText | null;
  description: PrintedText | null;
  roles: AgendaRoleLine[];
}

export interface AgendaModelDay {
  day: string;
  /** The date written out in the document's language ("Monday 2 March 2026"). */
  heading: string;
  sessions: AgendaModelSession[];
}

/** Everything the agenda's DOCX and HTML writers print, already in the document's language. */
export interface AgendaModel {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** "Agenda" in the document's language. */
  heading: string;
  forumTitle: PrintedText;
  theme: PrintedText | null;
  venue: PrintedText | null;
  /** The forum's dates as a range, in the document's language. */
  dates: string;
  /** Which time zone the times are in. */
  timeZoneNote: string;
  days: AgendaModelDay[];
  /** Printed when there are no sessions; empty otherwise. */
  empty: string;
}

/**
 * The forum, refusing a language it does not work in: an export in another language would be the
 * source text throughout, marked as untranslated on every line, which nobody asked for.
 */
export function forumForExport(db: Database, forumId: string, lang: string): Forum {
  const forum = getForum(db, forumId);
  if (!forum.languages.includes(lang)) {
    throw new CoreError(
      'invalid_input',
      `${lang} is not a working language of this forum (${forum.languages.join(', ')}): choose one of those.`,
      [{ path: 'lang', message: 'validation.notWorkingLanguage' }],
    );
  }
  return forum;
}

/** Picks `value` in `lang` (source language standing in, marked) for printing. */
export function printedText(t: DocText, value: Record<string, string> | undefined, lang: string, source: string): PrintedText {
  const picked = pickText(value, lang, source);
  return {
    text: picked.text,
    lang: picked.lang,
    dir: directionOf(picked.lang),
    fallback: picked.fallback,
    mark: picked.fallback ? t('agenda.untranslated', { language: languageName(picked.lang, lang) }) : '',
  };
}

/** The first and last day of the forum as one range ("2–4 March 2026"), in `lang`. */
export function forumDates(forum: Forum, lang: string): string {
  return formatDates(forum.startDate, forum.endDate, lang);
}

function optional(t: DocText, value: Record<string, string>, lang: string, source: string): PrintedText | null {
  const printed = printedText(t, value, lang, source);
  return printed.text ? printed : null;
}

function roleLines(t: DocText, session: AgendaSession, genders: ReadonlyMap<string, string>): AgendaRoleLine[] {
  const lines: AgendaRoleLine[] = [];
  for (const role of sessionRoles) {
    // agendaView already orders each session's people (role, then name): keep that order.
    const people = session.roles.filter((r) => r.role === role);
    const names = people.map((r) => r.name);
    if (names.length === 0) continue;
    // One person: the label agrees with their gender where the language needs it (Relatora).
    const gender = people.length === 1 ? genders.get(people[0]?.participantId ?? '') : undefined;
    const label = names.length === 1 ? t(`agenda.role.${role}`, gender ? { context: gender } : undefined) : t(`agenda.roles.${role}`);
    lines.push({ role, label, names });
  }
  return lines;
}

/** The agenda of a forum in one of its languages, ready to print: days in order, sessions by time. */
export function buildAgendaModel(db: Database, forumId: string, lang: string): AgendaModel {
  const forum = forumForExport(db, forumId, lang);
  // The device only matters for "my sessions", which an export does not print.
  const { sessions } = agendaView(db, '', forum.id);
  const genders = new Map(
    (db.prepare('SELECT id, gender FROM participants WHERE forum_id = ? AND gender IS NOT NULL').all(forum.id) as Array<{ id: string; gender: string }>).map((p) => [p.id, p.gender]),
  );
  const t = documentText(lang);
  const source = forum.sourceLanguage;
  const days: AgendaModelDay[] = [];
  for (const session of sessions) {
    let day = days[days.length - 1];
    if (day?.day !== session.day) {
      day = { day: session.day, heading: formatDay(session.day, lang), sessions: [] };
      days.push(day);
    }
    day.sessions.push({
      id: session.id,
      time: `${session.startTime}–${session.endTime}`,
      kind: session.kind,
      kindLabel: t(`agenda.kind.${session.kind}`),
      title: session.title[source] || Object.values(session.title).some(Boolean)
        ? printedText(t, session.title, lang, source)
        : { ...printedText(t, {}, lang, source), text: t('agenda.untitled') },
      room: optional(t, session.room, lang, source),
      description: optional(t, session.description, lang, source),
      roles: roleLines(t, session, genders),
    });
  }
  return {
    lang,
    dir: directionOf(lang),
    heading: t('agenda.heading'),
    forumTitle: printedText(t, forum.title, lang, source),
    theme: optional(t, forum.theme, lang, source),
    venue: optional(t, forum.venue, lang, source),
    dates: forumDates(forum, lang),
    timeZoneNote: t('agenda.timeZone', { zone: forum.timeZone }),
    days,
    empty: sessions.length === 0 ? t('agenda.empty') : '',
  };
}
