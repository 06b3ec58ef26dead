import type { Database } from 'better-sqlite3';
import type {
  CompanionAgenda,
  CompanionAnnouncement,
  CompanionDocument,
  CompanionForum,
  CompanionParagraph,
  CompanionSession,
  PickedText,
} from '../../../shared/companion';
import { fold } from '../../../shared/foldText';
import { momentInZone, nowAndNext } from '../../../shared/forumClock';
import type { Forum } from '../../../shared/forum';
import { textAfterLabel } from '../../../shared/leadingOrdinal';
import { paragraphLabel } from '../../../shared/ordinalWords';
import { getForum } from '../store/forums';
import { listDocuments } from '../store/outcomeDocuments';
import { getOutcomeDocument } from '../store/outcomeView';
import { liveAnnouncements } from './announcements';
import { currentProjection } from './projections';

// What the companion page reads, built from forum data and nothing else. Each view selects the
// columns it shows by name: no participant field but a programme name is ever read here, so none
// can leak into an answer.

/** The asked language's text, else the source's, else any: marked when it is not the asked one. */
export function pick(texts: Readonly<Record<string, string>>, lang: string, source: string): PickedText {
  const asked = texts[lang];
  if (asked) return { text: asked, lang, fallback: false };
  const fromSource = texts[source];
  if (fromSource) return { text: fromSource, lang: source, fallback: true };
  const any = Object.entries(texts).find(([, text]) => text);
  return any ? { text: any[1], lang: any[0], fallback: true } : { text: '', lang: source, fallback: false };
}

/** The forum's working language closest to what the page asked for (its UI language), else the source. */
export function contentLanguage(forum: Forum, asked: string | null): string {
  if (asked && forum.languages.includes(asked)) return asked;
  const primary = asked?.split('-')[0];
  const near = primary ? forum.languages.find((l) => l.split('-')[0] === primary) : undefined;
  return near ?? forum.sourceLanguage;
}

const parse = (json: string | null): Record<string, string> => (json ? (JSON.parse(json) as Record<string, string>) : {});

export function forumView(db: Database, forumId: string, asked: string | null): CompanionForum {
  const forum = getForum(db, forumId);
  const lang = contentLanguage(forum, asked);
  return {
    title: pick(forum.title, lang, forum.sourceLanguage),
    venue: pick(forum.venue, lang, forum.sourceLanguage),
    startDate: forum.startDate,
    endDate: forum.endDate,
    timeZone: forum.timeZone,
    languages: forum.languages,
    sourceLanguage: forum.sourceLanguage,
    lang,
  };
}

/** The roles the programme prints; rapporteurs and anyone else stay off the page. */
const programmeRoles = new Set(['chair', 'moderator', 'speaker']);

interface SessionRow {
  id: string;
  day: string;
  start_time: string;
  end_time: string;
  title: string;
  room: string;
}

export function agendaView(db: Database, forumId: string, asked: string | null, at: Date): CompanionAgenda {
  const forum = getForum(db, forumId);
  const lang = contentLanguage(forum, asked);
  const rows = db
    .prepare('SELECT id, day, start_time, end_time, title, room FROM sessions WHERE forum_id = ? AND deleted = 0 ORDER BY day, start_time, id')
    .all(forumId) as SessionRow[];
  // Only the name, and only of people named on a live session of this forum.
  const people = db
    .prepare(
      `SELECT r.session_id, r.role, p.name FROM session_roles r
         JOIN sessions s ON s.id = r.session_id AND s.deleted = 0 AND s.forum_id = ?
         JOIN participants p ON p.id = r.participant_id AND p.deleted = 0 AND p.forum_id = s.forum_id
        WHERE r.deleted = 0 ORDER BY r.session_id, r.role, p.name`,
    )
    .all(forumId) as Array<{ session_id: string; role: string; name: string | null }>;
  const bySession = new Map<string, CompanionSession['people']>();
  for (const person of people) {
    if (!programmeRoles.has(person.role) || !person.name) continue;
    const list = bySession.get(person.session_id) ?? [];
    list.push({ role: person.role as CompanionSession['people'][number]['role'], name: person.name });
    bySession.set(person.session_id, list);
  }
  const sessions: CompanionSession[] = rows.map((row) => ({
    id: row.id,
    day: row.day,
    startTime: row.start_time,
    endTime: row.end_time,
    title: pick(parse(row.title), lang, forum.sourceLanguage),
    room: pick(parse(row.room), lang, forum.sourceLanguage),
    people: bySession.get(row.id) ?? [],
  }));
  const moment = momentInZone(forum.timeZone, at);
  const { now, next } = nowAndNext(sessions, moment);
  return { moment, sessions, now: now.map((s) => s.id), next: next.map((s) => s.id) };
}

export const minNameQuery = 2;
export const maxNameQuery = 100;

/** The sessions whose programme names a person matching `name` (case and accents ignored). */
export function mySessions(agenda: CompanionAgenda, name: string): { sessionIds: string[]; names: string[] } {
  const wanted = fold(name.trim().replace(/\s+/g, ' '));
  if (wanted.length < minNameQuery) return { sessionIds: [], names: [] };
  const names = new Set<string>();
  const sessionIds: string[] = [];
  for (const session of agenda.sessions) {
    const matched = session.people.filter((p) => fold(p.name).includes(wanted));
    if (matched.length === 0) continue;
    sessionIds.push(session.id);
    for (const p of matched) names.add(p.name);
  }
  return { sessionIds, names: [...names].sort() };
}

const empty = (shownAt: string | null): CompanionParagraph => ({ documentId: null, documentTitle: null, label: '', number: null, text: null, shownAt });

/** The paragraph on the draft projector now, in the asked language (the source's where it has none). */
export function paragraphView(db: Database, forumId: string, asked: string | null): CompanionParagraph {
  const projection = currentProjection(db, forumId);
  if (!projection.documentId || !projection.paragraphId) return empty(projection.shownAt);
  const forum = getForum(db, forumId);
  const lang = contentLanguage(forum, asked);
  let document;
  try {
    document = getOutcomeDocument(db, projection.documentId);
  } catch {
    return empty(projection.shownAt); // deleted since it was shown
  }
  const paragraph = document.paragraphs.find((p) => p.id === projection.paragraphId);
  if (!paragraph) return empty(projection.shownAt);
  const text = pick(paragraph.text, lang, forum.sourceLanguage);
  const label = paragraph.number === null ? '' : paragraphLabel(paragraph.number, document.numbering, text.lang);
  return {
    documentId: document.id,
    documentTitle: pick(document.title, lang, forum.sourceLanguage),
    label,
    number: paragraph.number,
    text: { ...text, text: textAfterLabel(text.text, label, document.numbering, text.lang) },
    shownAt: projection.shownAt,
  };
}

export function announcementsView(db: Database, forumId: string): CompanionAnnouncement[] {
  return liveAnnouncements(db, forumId).map((a) => ({ id: a.id, text: a.text, lang: a.lang, postedAt: a.postedAt }));
}

/** The forum's documents, each to download as a page in the content language. */
export function documentsView(db: Database, forumId: string, asked: string | null): CompanionDocument[] {
  const forum = getForum(db, forumId);
  const lang = contentLanguage(forum, asked);
  return listDocuments(db, forumId)
    .filter((d) => d.paragraphs > 0)
    .map((d) => ({ id: d.id, title: pick(d.title, lang, forum.sourceLanguage), href: `documents/${encodeURIComponent(d.id)}/${lang}.html` }));
}
