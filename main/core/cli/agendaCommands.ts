import type { Agenda, AgendaSession, AgendaWarning, SessionRole } from '../../../shared/agenda';
import { pickText } from '../../../shared/multilingual';
import { invoke } from '../commands/invoke';
import { formatDates, formatDay } from '../exports/formatDates';
import type { CliCommand } from './cliCommands';
import { checkLangOption, dbOption, forumOption, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';

const kindLabels: Record<AgendaSession['kind'], string> = {
  plenary: 'Plenary',
  parallel: 'Parallel',
  side_event: 'Side event',
  break: 'Break',
};
const roleLabels: Record<SessionRole, [one: string, many: string]> = {
  chair: ['Chair', 'Chairs'],
  moderator: ['Moderator', 'Moderators'],
  speaker: ['Speaker', 'Speakers'],
  rapporteur: ['Rapporteur', 'Rapporteurs'],
};

/** The agenda as plain text in `lang`, source-language text standing in (marked) where a translation is missing. */
export function formatAgenda(agenda: Agenda, lang: string): string[] {
  const { forum } = agenda;
  const source = forum.sourceLanguage;
  const text = (value: Record<string, string>, marked = true) => {
    const picked = pickText(value, lang, source);
    return picked.fallback && marked ? `${picked.text} (${picked.lang})` : picked.text;
  };
  const lines: string[] = [text(forum.title)];
  if (!forum.languages.includes(lang)) {
    lines.push(`${lang} is not a working language of this forum (${forum.languages.join(', ')}): texts are shown in ${source}.`);
  }
  lines.push(formatDates(forum.startDate, forum.endDate, lang), `Times in ${forum.timeZone}.`);
  if (agenda.sessions.length === 0) lines.push('', 'No sessions yet.');

  const indent = ' '.repeat('09:00–10:30  '.length);
  let day = '';
  for (const session of agenda.sessions) {
    if (session.day !== day) {
      day = session.day;
      lines.push('', formatDay(day, lang));
    }
    const room = text(session.room);
    lines.push(`${session.startTime}–${session.endTime}  [${kindLabels[session.kind]}] ${text(session.title)}${room ? ` — ${room}` : ''}`);
    for (const [role, [one, many]] of Object.entries(roleLabels)) {
      const names = session.roles.filter((r) => r.role === role).map((r) => r.name);
      if (names.length > 0) lines.push(`${indent}${names.length === 1 ? one : many}: ${names.join(', ')}`);
    }
  }

  if (agenda.warnings.length > 0) {
    const byId = new Map(agenda.sessions.map((s) => [s.id, s]));
    const name = (id: string) => {
      const s = byId.get(id);
      return s ? `${s.day} ${s.startTime}–${s.endTime} ${text(s.title, false)}` : id;
    };
    lines.push('', 'Warnings:');
    for (const warning of agenda.warnings) lines.push(`- ${describeWarning(warning, forum, name)}`);
  }
  return lines;
}

function describeWarning(warning: AgendaWarning, forum: Agenda['forum'], name: (id: string) => string): string {
  const sessions = warning.sessionIds.map(name).join('; ');
  switch (warning.kind) {
    case 'personOverlap':
      return `${warning.name} is in overlapping sessions: ${sessions}`;
    case 'roomDoubleBooked':
      return `${warning.room} is booked for overlapping sessions: ${sessions}`;
    case 'outsideForumDates':
      return `Outside the forum's dates (${forum.startDate} to ${forum.endDate}): ${sessions}`;
    case 'noRapporteur':
      return `No rapporteur: ${sessions}`;
  }
}

export const agendaCommands: CliCommand[] = [
  {
    name: 'agenda show',
    summary: 'print a forum’s agenda as text, in one of its languages',
    options: [
      dbOption,
      forumOption,
      { name: 'lang', type: 'string', description: 'language to print in, such as zh or es (default: the source language)' },
      jsonOption,
    ],
    readOnly: true,
    validate(values) {
      checkLangOption(values);
      checkForumOption(values);
    },
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      const agenda = await invoke(ctx, 'agenda:get', { forumId: forum.id });
      if (values.json) out(JSON.stringify(agenda, null, 2));
      else out(formatAgenda(agenda, typeof values.lang === 'string' ? values.lang : agenda.forum.sourceLanguage).join('\n'));
      return 0;
    },
  },
];
