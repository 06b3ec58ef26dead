import { describe, expect, it } from 'vitest';
import type { Amendment } from '../../../shared/amendments';
import type { Forum } from '../../../shared/forum';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import type { CoreContext } from '../../../main/core/coreContext';
import { reprojectRows } from '../../../main/core/store/changeLog';
import { syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';
import { snapshot, tempCore } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';
import { addParagraph, call, createDocument, documentInput, send } from './draftingFixture';

/** Empties every projection table and folds it back from the change log alone. */
function rebuildFromLog(ctx: CoreContext): void {
  ctx.db.transaction(() => {
    for (const table of Object.keys(syncedTables) as SyncedTable[]) {
      const ids = ctx.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
      ctx.db.prepare(`DELETE FROM ${table}`).run();
      reprojectRows(ctx.db, table, ids);
    }
  })();
}

const drafted = ['outcome_documents', 'outcome_paragraphs', 'paragraph_sources', 'amendments', 'stances'];

describe('drafting data is the change log’s', () => {
  it('rebuilds documents, paragraphs, links, amendments and stances from the log alone, concurrent versions included', async () => {
    const a = await tempCore();
    const forum = await call<Forum>(a, 'demo:create', {});
    const demo = await call<OutcomeDocument>(a, 'outcome:get', { documentId: forum.id });
    const [p1, p2, p3, p4] = demo.paragraphs;
    if (!p1 || !p2 || !p3 || !p4) throw new Error('the demo has six points');
    const b = await tempCore();
    await send(a, b, forum.id);

    // Laptop A drafts: a second document, a heading, a move, a deletion, new links, a translation.
    const second = await createDocument(a, forum.id, { title: { en: 'Chair’s summary' }, numbering: 'numbers' });
    await addParagraph(a, second.id, { en: 'The chair thanked the hosts.' }, { kind: 'plain' });
    await call(a, 'outcome:update', { documentId: forum.id, document: { ...documentInput, kind: 'consensus', title: demo.title, place: demo.place } });
    const heading = await addParagraph(a, forum.id, { en: 'Commitments' }, { kind: 'heading', after: p1.id });
    await call(a, 'paragraphs:move', { id: p4.id, after: heading.id, before: p2.id });
    await call(a, 'paragraphs:setDeleted', { id: p3.id, deleted: true });
    await call(a, 'paragraphs:setSources', { id: p2.id, keyMessageIds: [...p2.keyMessageIds.slice(1), ...p1.keyMessageIds.slice(0, 1)] });
    await call(a, 'paragraphs:update', { id: p1.id, text: { en: 'the countryside holds values no city can replace.' }, status: 'proposed' });
    const amendment = await call<Amendment>(a, 'amendments:propose', {
      paragraphId: p2.id,
      kind: 'replace',
      lang: 'en',
      text: 'we will support a diverse rural economy.',
      proposer: { participantId: null, name: 'Kenya' },
      rationale: 'Shorter.',
    });
    await call(a, 'stances:set', { paragraphId: p4.id, delegation: { participantId: null, name: 'Mexico' }, stance: 'objection', note: 'Land markets.' });

    // Laptop B edits the same texts meanwhile.
    await call(b, 'paragraphs:update', { id: p1.id, text: { en: 'the countryside holds values that cities cannot replace, and more.', zh: '乡村拥有独特价值。' } });
    await call(b, 'stances:set', { paragraphId: p4.id, delegation: { participantId: null, name: 'Brazil' }, stance: 'support', note: '' });
    await send(b, a, forum.id);
    await send(a, b, forum.id);
    await call(a, 'amendments:decide', { id: amendment.id, decision: 'rejected' });
    await send(a, b, forum.id);

    const shown = await call<OutcomeDocument>(a, 'outcome:get', { documentId: forum.id });
    expect(shown.paragraphs.find((p) => p.id === p1.id)?.alternatives.en).toHaveLength(1);
    expect(shown.paragraphs.find((p) => p.id === p4.id)?.stances).toEqual({ support: 1, objection: 1, reservation: 0 });
    for (const table of drafted) expect(a.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBeGreaterThan(0);

    expect(forumTables(b)).toEqual(forumTables(a));
    const before = snapshot(a);
    rebuildFromLog(a);
    expect(snapshot(a)).toBe(before);
    expect(await call<OutcomeDocument>(a, 'outcome:get', { documentId: forum.id })).toEqual(shown);
    expect(await call<DraftParagraph>(b, 'paragraphs:update', { id: p2.id, status: 'agreed' })).toMatchObject({ status: 'agreed' });
  });
});
