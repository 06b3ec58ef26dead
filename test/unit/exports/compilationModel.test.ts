import { describe, expect, it } from 'vitest';
import type { Participant } from '../../../shared/participants';
import { buildCompilationModel } from '../../../main/core/exports/compilationModel';
import { snapshot } from '../helpers/tempCore';
import { negotiatedDemo } from './compilationFixture';
import { call, thrown } from './outcomeExportFixture';

describe('the compilation model', () => {
  it('lists every paragraph of the current text in order, with the places item 1 prints', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const model = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' });
    expect(model.rows.map((r) => r.paragraphId)).toEqual(doc.paragraphs.map((p) => p.id));
    // Without a role, point 5 counts on its own when PP and OP are counted apart (item 1's rule).
    expect(model.rows.map((r) => r.place)).toEqual(['PP1', 'OP1', 'OP1 (a)', 'OP2', 'OP2 bis', '1']);
    expect(model.rows.map((r) => r.role)).toEqual(['Preambular', 'Operative', 'Operative', 'Operative', 'Operative', '']);
    expect(model.labels.columns).toEqual(['Paragraph', 'Current text', 'Proposals', 'Proposed and supported by', 'Objections and reservations', 'Rationale']);
    // A paragraph with nothing proposed still has its row.
    expect(model.rows[0]?.proposals).toEqual([]);
    expect(model.summary).toBe('6 paragraphs, 5 proposals');
  });

  it('gives each amendment its kind, status, proposer and word diff against its base', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const row = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' }).rows[1];
    expect(row?.proposals.map((p) => [p.number, p.kind, p.status, p.proposer])).toEqual([
      [1, 'replace', 'open', 'Kenya'],
      [2, 'insert_after', 'open', 'Chile'],
      [3, 'delete', 'rejected', 'Kenya'],
      [4, 'replace', 'withdrawn', 'Mexico'],
    ]);
    expect(row?.proposals[0]?.heading).toBe('Proposal 1 · Replacement text (open)');
    expect(row?.proposals[0]?.parts.filter((p) => p.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'diversified' },
      { kind: 'insert', text: 'resilient' },
    ]);
    expect(row?.proposals[1]?.parts).toEqual([{ kind: 'insert', text: 'We will also invest in rural broadband.' }]);
    expect(row?.proposals[2]?.parts.map((p) => p.kind)).toEqual(['delete']);
    expect(row?.proposals[2]?.heading).toBe('Proposal 3 · Deletion of the paragraph (rejected)');
    expect(row?.proposals.map((p) => p.rationale)).toEqual(['Resilience matters more.', '', 'Covered elsewhere.', '']);
  });

  it('groups proposers, supporters, objections and reservations per delegation, with their notes', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const row = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' }).rows[1];
    expect(row?.proposedBy).toEqual([
      { delegation: 'Kenya', proposals: [1, 3], label: 'Kenya (1, 3)' },
      { delegation: 'Chile', proposals: [2], label: 'Chile (2)' },
      { delegation: 'Mexico', proposals: [4], label: 'Mexico (4)' },
    ]);
    expect(row?.supportedBy).toEqual([
      { delegation: 'Chile', note: '' },
      { delegation: 'Peru', note: 'A good compromise.' },
    ]);
    expect(row?.objections).toEqual([{ delegation: 'Norway', note: 'Too vague.' }]);
    expect(row?.reservations).toEqual([{ delegation: 'Japan', note: 'Pending instructions from capital.' }]);
  });

  it('names a delegation once when two of its people recorded a stance', async () => {
    const { ctx, doc, forum } = await negotiatedDemo();
    const person = (name: string) =>
      call<Participant>(ctx, 'participants:create', {
        forumId: forum.id,
        participant: { name, organisation: 'Republic of Senegal', orgType: null, country: 'SN', gender: null, roles: [], email: '', languages: [] },
      });
    const target = doc.paragraphs[3];
    if (!target) throw new Error('no point 2');
    for (const [who, note] of [[await person('Amina Diallo'), 'Needs work.'], [await person('Moussa Sow'), 'Agreed with Amina.']] as const) {
      await call(ctx, 'stances:set', { paragraphId: target.id, delegation: { participantId: who.id, name: '' }, stance: 'objection', note });
    }
    const row = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' }).rows[3];
    expect(row?.objections.map((o) => o.delegation)).toEqual(['Republic of Senegal']);
    expect(row?.objections[0]?.note.split('; ').sort()).toEqual(['Agreed with Amina.', 'Needs work.']);
  });

  it('shows an alternative as a proposal by its proposers, against the paragraph it replaces', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const row = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' }).rows[4];
    expect(row?.place).toBe('OP2 bis');
    expect(row?.proposals).toHaveLength(1);
    expect(row?.proposals[0]).toMatchObject({ kind: 'alternative', proposer: 'Brazil, India', heading: 'Proposal 1 · Alternative to paragraph OP2 (open)' });
    expect(row?.proposals[0]?.parts.some((p) => p.kind === 'insert' && p.text.includes('We call'))).toBe(true);
    expect(row?.proposedBy.map((d) => d.label)).toEqual(['Brazil (1)', 'India (1)']);
    // Its paragraph prints bracketed, as the outcome export prints it.
    expect(row?.text.text.startsWith('[')).toBe(true);
  });

  it('leaves out a deleted paragraph and its amendments, and decided amendments when asked for open ones only', async () => {
    const { ctx, doc, points } = await negotiatedDemo();
    const all = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' });
    const deleted = points[5]?.id;
    expect(all.rows.some((r) => r.paragraphId === deleted)).toBe(false);
    expect(all.rows.flatMap((r) => r.proposals.map((p) => p.proposer))).not.toContain('Ghana');
    const open = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'open' });
    expect(open.rows[1]?.proposals.map((p) => [p.number, p.status])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    expect(open.rows[1]?.proposedBy.map((d) => d.delegation)).toEqual(['Kenya', 'Chile']);
  });

  it('prints the headings and labels in the language asked, marking a missing translation and a proposal in another language', async () => {
    const { ctx, doc } = await negotiatedDemo({ arabic: true });
    const ar = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'ar', amendments: 'all' });
    expect(ar.dir).toBe('rtl');
    expect(ar.labels.columns[0]).toBe('الفقرة');
    expect(ar.rows[1]?.place).toBe('OP1');
    expect(ar.rows[1]?.proposals[0]).toMatchObject({ lang: 'en', dir: 'ltr', languageNote: 'النص باللغة الإنجليزية' });
    const es = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'es', amendments: 'all' });
    expect(es.labels.noProposals).toBe('Sin propuestas');
    // The alternative has English text only: the source text, marked.
    expect(es.rows[4]?.text).toMatchObject({ lang: 'en', fallback: true });
    const zh = buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'zh', amendments: 'all' });
    expect(zh.rows[4]?.place).toBe('OP2之二');
    expect(zh.heading).toBe('汇编案文');
    // Chinese takes full-width brackets and its own list comma.
    expect(zh.rows[1]?.proposals[2]?.heading).toBe('提案3 · 删除本段（已拒绝）');
    expect(zh.rows[1]?.proposedBy[0]?.label).toBe('Kenya（1、3）');
  });

  it('refuses a language the forum does not work in, and an unknown document, changing nothing', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const before = snapshot(ctx);
    expect(thrown(() => buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'fr', amendments: 'all' }))).toMatchObject({ code: 'invalid_input' });
    expect(thrown(() => buildCompilationModel(ctx.db, { documentId: 'no-such-document', lang: 'en', amendments: 'all' }))).toMatchObject({ code: 'not_found' });
    expect(snapshot(ctx)).toBe(before);
  });
});
