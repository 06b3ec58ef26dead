import type { SpeakerEntry, SpeakerListSubject } from '../../../shared/speakers';
import { countdown, formatClock } from '../../../shared/speakingTime';
import { rowId } from '../../../shared/agenda';
import { pickText } from '../../../shared/multilingual';
import { invoke } from '../commands/invoke';
import type { CliCommand } from './cliCommands';
import { dbOption, jsonOption } from './cliOptions';
import { UsageError } from './usageError';

const kindLabel: Record<SpeakerEntry['kind'], string> = { statement: 'statement', reply: 'right of reply', point_of_order: 'point of order' };

const who = (e: SpeakerEntry) => (e.delegation && e.delegation !== e.name ? `${e.name} (${e.delegation})` : e.name);

/** The session or paragraph asked for, with its forum; a bad or unknown id is a usage mistake. */
function subjectOf(ctx: Parameters<CliCommand['run']>[0], values: Record<string, string | boolean | undefined>): { forumId: string; subject: SpeakerListSubject; title: string } {
  const kind = typeof values.session === 'string' ? 'session' : 'paragraph';
  const id = String(values[kind]);
  const row =
    kind === 'session'
      ? (ctx.db.prepare('SELECT s.forum_id, s.title, f.source_language FROM sessions s JOIN forums f ON f.id = s.forum_id WHERE s.id = ? AND s.deleted = 0').get(id) as
          | { forum_id: string; title: string; source_language: string }
          | undefined)
      : (ctx.db.prepare("SELECT p.forum_id, '{}' AS title, f.source_language FROM outcome_paragraphs p JOIN forums f ON f.id = p.forum_id WHERE p.id = ? AND p.deleted = 0").get(id) as
          | { forum_id: string; title: string; source_language: string }
          | undefined);
  if (!row) throw new UsageError(`There is no ${kind} ${id} in this database. ${kind === 'session' ? 'See `plenary agenda show --json` for session ids.' : 'See `plenary outcome show --json` for paragraph ids.'}`);
  const title = kind === 'session' ? pickText(JSON.parse(row.title) as Record<string, string>, 'en', row.source_language).text : `paragraph ${id}`;
  return { forumId: row.forum_id, subject: { kind, id }, title };
}

export const speakerCommands: CliCommand[] = [
  {
    name: 'speakers list',
    summary: "a session's (or paragraph's) speakers' list: who speaks now, who waits, who has spoken and for how long",
    options: [
      dbOption,
      { name: 'session', type: 'string', description: 'the session id (see `agenda show --json`)' },
      { name: 'paragraph', type: 'string', description: "instead of --session: a paragraph's list during drafting" },
      jsonOption,
    ],
    readOnly: true,
    validate(values) {
      const given = ['session', 'paragraph'].filter((name) => values[name] !== undefined);
      if (given.length !== 1) throw new UsageError('Name one list: --session ID (or --paragraph ID).');
      const name = given[0] ?? 'session';
      if (!rowId.safeParse(values[name]).success) throw new UsageError(`--${name} takes an id (8 to 64 letters, digits, - or _), not "${String(values[name])}".`);
    },
    async run(ctx, values, out) {
      const { forumId, subject, title } = subjectOf(ctx, values);
      const list = await invoke(ctx, 'speakers:list', { forumId, subject });
      if (values.json) {
        out(JSON.stringify(list, null, 2));
        return 0;
      }
      const now = Date.now();
      const time = (ms: number) => formatClock(ms);
      out(`Speakers' list: ${title}`);
      out(`Speaking time: statement ${time(list.times.statement)}, right of reply ${time(list.times.reply)}, point of order ${time(list.times.point_of_order)}${list.delegationTotalMs !== null ? `; per delegation ${time(list.delegationTotalMs)}` : ''}`);
      out('');
      if (list.current) {
        const c = countdown(list.current, list.current.allottedMs, now);
        out(`Speaking now: ${who(list.current)}, ${kindLabel[list.current.kind]}, ${time(c.elapsedMs)} of ${time(list.current.allottedMs)}${c.phase === 'over' ? ` (over time ${formatClock(c.remainingMs)})` : ''}${c.running ? '' : ' (paused)'}`);
      } else {
        out('Nobody has the floor.');
      }
      out('');
      out(list.waiting.length === 0 ? 'Nobody is waiting.' : 'Waiting:');
      list.waiting.forEach((e, i) => out(`  ${i + 1}. ${who(e)}${e.kind === 'statement' ? '' : `  [${kindLabel[e.kind]}]`}`));
      if (list.finished.length > 0) {
        out('');
        out('Finished:');
        for (const e of list.finished) out(`  ${who(e)}  ${e.status === 'withdrawn' ? 'withdrew' : time(e.spokenMs)}${e.kind === 'statement' ? '' : `  [${kindLabel[e.kind]}]`}`);
      }
      return 0;
    },
  },
];
