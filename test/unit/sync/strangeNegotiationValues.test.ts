import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/ipc';
import { dispatch } from '../../../main/core/commands/dispatch';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { craftBundle, hlcAt, type CraftedLine } from '../helpers/craftBundle';
import { importBytes } from '../helpers/exchange';
import { tempCore } from '../helpers/tempCore';

// The negotiation's and the room's tables hold words (a vote, a kind of turn, a deadline) that the
// column kinds alone cannot check: a laptop of a newer Plenary, a bug or a stolen key may send any
// text there. The laptop that receives them must keep answering every screen and export.

const ids = (ctx: CoreContext, table: string) => ctx.db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];

async function answers<K extends keyof typeof contract>(ctx: CoreContext, name: K, input: unknown): Promise<void> {
  const result = await dispatch(ctx, 'http', name, input);
  expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, name).toBe('ok');
  if (result.ok) expect(contract[name].output.safeParse(result.value).success, `${name} answers its schema`).toBe(true);
}

describe('strange values in the negotiation and speakers tables, arriving by bundle', () => {
  it('are shown as best they can be or left out, and every read and export still answers', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forum = createDemoForum(a);
    const documentId = forum.id;
    const [session] = ids(a, 'sessions');
    if (!session) throw new Error('the demo has sessions');
    const subject = { kind: 'session' as const, id: session };
    await invoke(a, 'decisions:voteFile', { documentId, paragraphId: null, csv: 'delegation,vote\nKenya,yes\nChina,no\n', lang: 'en' });
    await invoke(a, 'decisions:addStatement', { documentId, paragraphId: null, delegation: 'Kenya', kind: 'explanation_of_vote', text: 'Por qué.', textLang: 'es', lang: 'en' });
    const silence = await invoke(a, 'silence:start', { documentId, lang: 'en' });
    await invoke(a, 'silence:object', { procedureId: silence.silence[0]?.id ?? '', delegation: 'China', text: '反对', textLang: 'zh', lang: 'en' });
    await invoke(a, 'speakers:add', { forumId: forum.id, subject, participantId: null, delegation: 'Kenya', kind: 'statement' });
    await invoke(a, 'speakers:next', { forumId: forum.id, subject });
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);

    const [decision] = ids(a, 'decisions');
    const [vote] = ids(a, 'decision_votes');
    const [statement] = ids(a, 'decision_statements');
    const [procedure] = ids(a, 'silence_procedures');
    const [objection] = ids(a, 'silence_objections');
    const [list] = ids(a, 'speaker_lists');
    const [speaker] = ids(a, 'speakers');
    const strange: Array<[string, string | undefined, Record<string, unknown>]> = [
      ['decisions', decision, { method: 'coin toss', recorded_at: 'yesterday' }],
      ['decision_votes', vote, { vote: 'banana', delegation: '' }],
      ['decision_statements', statement, { kind: 'rant', lang: '"><script>', recorded_at: '' }],
      ['silence_procedures', procedure, { deadline: 'soon', started_at: 'never', issuance_id: 'no-such-issuance' }],
      ['silence_objections', objection, { objected_at: 'not a time', lang: '' }],
      ['speaker_lists', list, { statement_ms: -5, reply_ms: 9_007_199_254_740_991, delegation_total_ms: -1 }],
      ['speakers', speaker, { kind: 'shout', status: 'flying', started_at: 'yesterday', spoken_ms: -400, position: '' }],
    ];
    const lines: CraftedLine[] = strange.map(([table, id, cells], i) => {
      if (!id) throw new Error(`no ${table} row to change`);
      return [a.deviceId, hlcAt(1000, i), table, id, cells];
    });
    await importBytes(b, craftBundle(a, forum.id, lines));
    expect(b.db.prepare('SELECT vote FROM decision_votes WHERE id = ?').pluck().get(vote)).toBe('banana');

    await answers(b, 'decisions:get', { documentId, lang: 'ar' });
    await answers(b, 'speakers:list', { forumId: forum.id, subject });
    await answers(b, 'speakers:current', { forumId: forum.id });
    await answers(b, 'stats:get', { forumId: forum.id });
    for (const format of ['docx', 'html', 'md'] as const) {
      await answers(b, 'export:outcome', {
        documentId,
        format,
        languages: ['en', 'zh'],
        variant: 'clean',
        annexes: { participation: true, provenance: false, decisions: true },
        explanations: 'footnotes',
        fallback: true,
        paper: 'a4',
      });
    }
  });
});
