import type { Database } from 'better-sqlite3';
import type { AgendaSession } from '../../../shared/agenda';
import { coOrganisersIn } from '../../../shared/documentKinds';
import { isMergeField, mergeFieldPattern, type MergeFieldName } from '../../../shared/mergeFields';
import { pickText } from '../../../shared/multilingual';
import { participationSentence } from '../../../shared/participationSentence';
import { agendaView } from '../store/agendaView';
import { getForum } from '../store/forums';
import { participationStats } from '../store/participationStats';
import { forumDates } from './agendaModel';
import { formatDay } from './formatDates';
import { documentText } from './documentText';
import { buildParticipantList } from './participantsExport';
import { sentenceTranslate } from './participationModel';

export type MergeValues = (name: MergeFieldName) => string;

/**
 * The values of the merge fields for one forum in one language, each computed on first use (a
 * document naming only the title never reads the agenda or the participant list). Dates go through
 * Intl in `lang`; texts a language lacks fall back to the source language, as the agenda's do.
 */
export function mergeValues(db: Database, forumId: string, lang: string): MergeValues {
  const forum = getForum(db, forumId);
  const t = documentText(lang);
  const text = (value: Record<string, string>) => pickText(value, lang, forum.sourceLanguage).text;
  const separator = t('agenda.listSeparator');
  const compute: Record<MergeFieldName, () => string> = {
    'forum.title': () => text(forum.title),
    'forum.theme': () => text(forum.theme),
    'forum.dates': () => forumDates(forum, lang),
    'forum.venue': () => text(forum.venue),
    'forum.coOrganisers': () => coOrganisersIn(forum.coOrganisers, forum.coOrganiserNames, lang).join(separator),
    'forum.participation': () => participationSentence(sentenceTranslate(t, lang), lang, participationStats(db, forum.id)),
    'forum.participantCount': () => new Intl.NumberFormat(lang).format(participationStats(db, forum.id).participants),
    'forum.participants': () =>
      buildParticipantList(db, forum.id, lang)
        .rows.map(([, name = '', organisation = '']) => (organisation ? t('merge.person', { name, organisation }) : name))
        .join('\n'),
    'forum.agenda': () => agendaLines(db, forum.id, lang, forum.sourceLanguage),
  };
  const cache = new Map<MergeFieldName, string>();
  return (name) => {
    let value = cache.get(name);
    if (value === undefined) cache.set(name, (value = compute[name]()));
    return value;
  };
}

/** One line per session, breaks left out: "Wednesday 9 December 2026, 09:00–10:30: Opening (Chair: A; Speakers: B, C)". */
function agendaLines(db: Database, forumId: string, lang: string, source: string): string {
  return agendaView(db, '', forumId)
    .sessions.filter((session) => session.kind !== 'break')
    .map((session) => sessionLine(session, lang, source))
    .join('\n');
}

/** A session's day, time, title, room and people with a role, in `lang` (a session report's opening line too). */
export function sessionLine(session: AgendaSession, lang: string, source: string): string {
  const t = documentText(lang);
  const separator = t('agenda.listSeparator');
  const title = pickText(session.title, lang, source).text || t('agenda.untitled');
  const room = pickText(session.room, lang, source).text;
  const roles = (['chair', 'moderator', 'speaker', 'rapporteur'] as const)
    .map((role) => {
      const names = session.roles.filter((r) => r.role === role).map((r) => r.name);
      return names.length === 0 ? '' : t('merge.roleNames', { role: t(names.length === 1 ? `agenda.role.${role}` : `agenda.roles.${role}`), names: names.join(separator) });
    })
    .filter(Boolean);
  if (room) roles.unshift(t('merge.roleNames', { role: t('agenda.room'), names: room }));
  const line = t('merge.sessionLine', { day: formatDay(session.day, lang), time: `${session.startTime}–${session.endTime}`, title });
  return roles.length > 0 ? `${line}${t('merge.roles', { roles: roles.join(t('merge.roleSeparator')) })}` : line;
}

/** `text` with every known field replaced; a field naming nothing is left as typed, so it shows. */
export function resolveMergeFields(text: string, values: MergeValues): string {
  if (!text.includes('{{')) return text;
  return text.replace(mergeFieldPattern, (whole, name: string) => (isMergeField(name) ? values(name) : whole));
}
