import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import type { DraftParagraph } from '../../../shared/outcome';
import type { Participant } from '../../../shared/participants';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import { buildOutcomeModel, type OutcomeModelInput } from '../../../main/core/exports/outcomeModel';
import { outcomeMarkdown } from '../../../main/core/exports/outcomeMarkdown';
import { participationDocx } from '../../../main/core/exports/participationExport';
import { getForum } from '../../../main/core/store/forums';
import { participationStats } from '../../../main/core/store/participationStats';
import { documentXml, paragraphTexts } from './demoExportFixture';
import { call, demoOutcome } from './outcomeExportFixture';

const input = (documentId: string, languages: string[], annexes: OutcomeModelInput['annexes']): OutcomeModelInput => ({
  documentId,
  languages,
  variant: 'clean',
  annexes,
  fallback: true,
});

/** Moves the forum to other dates, everything else as it was. */
async function moveForum(ctx: Awaited<ReturnType<typeof demoOutcome>>['ctx'], forumId: string, startDate: string, endDate: string): Promise<void> {
  const { id, isDemo: _demo, ...rest } = getForum(ctx.db, forumId);
  await call<Forum>(ctx, 'forums:update', { id, forum: { ...rest, startDate, endDate } });
}

async function checkOutEveryone(ctx: Awaited<ReturnType<typeof demoOutcome>>['ctx'], forumId: string): Promise<void> {
  const rows = ctx.db.prepare("SELECT id FROM participants WHERE forum_id = ? AND coalesce(checked_in_at, '') <> ''").all(forumId) as Array<{ id: string }>;
  for (const row of rows) await call<Participant>(ctx, 'participants:checkIn', { id: row.id, checkedIn: false });
}

describe('the participation annex', () => {
  it('counts international organisations beside participants, organisations and countries', async () => {
    const { ctx, documentId, forum } = await demoOutcome();
    const stats = participationStats(ctx.db, forum.id);
    expect(stats.internationalOrganisations).toBeGreaterThan(0);
    for (const [lang, label] of [['en', 'International organisations'], ['es', 'Organizaciones internacionales']] as const) {
      const [annex] = buildOutcomeModel(ctx.db, input(documentId, [lang], { participation: true, provenance: false })).annexes;
      expect(annex?.figures).toContainEqual({ label, value: String(stats.internationalOrganisations) });
    }
  });

  it('leaves "Checked in" out before the forum begins while nobody has checked in, and prints it once someone has', async () => {
    const { ctx, documentId, forum } = await demoOutcome();
    await moveForum(ctx, forum.id, '2099-03-02', '2099-03-04');
    await checkOutEveryone(ctx, forum.id);
    const labels = () => buildOutcomeModel(ctx.db, input(documentId, ['en'], { participation: true, provenance: false })).annexes[0]?.figures.map((f) => f.label);
    expect(labels()).not.toContain('Checked in');

    const [someone] = ctx.db.prepare('SELECT id FROM participants WHERE forum_id = ? LIMIT 1').all(forum.id) as Array<{ id: string }>;
    await call<Participant>(ctx, 'participants:checkIn', { id: someone!.id, checkedIn: true });
    expect(labels()).toContain('Checked in');

    // From the forum's first day the figure means something even when it is 0.
    await checkOutEveryone(ctx, forum.id);
    await moveForum(ctx, forum.id, '2020-03-02', '2020-03-04');
    expect(labels()).toContain('Checked in');
  });

  it('prints no session table when no session has anyone in a role (no empty table, no page of its own)', async () => {
    const { ctx, documentId, forum } = await demoOutcome();
    const agenda = await call<{ sessions: Array<{ id: string }> }>(ctx, 'agenda:get', { forumId: forum.id });
    for (const session of agenda.sessions) await call(ctx, 'sessions:setDeleted', { id: session.id, deleted: true });
    const model = buildOutcomeModel(ctx.db, input(documentId, ['en'], { participation: true, provenance: false }));
    expect(model.annexes[0]?.tables.map((t) => t.title)).not.toContain('People with a role in each session');
    expect(outcomeHtml(model, 'a4')).not.toContain('People with a role in each session');
    expect(paragraphTexts(documentXml(await outcomeDocx(model, 'a4')))).not.toContain('People with a role in each session');
    // The participation figures exported on their own, likewise.
    const figures = paragraphTexts(documentXml(await participationDocx(ctx.db, forum.id, 'en')));
    expect(figures).toContain('Participants by gender');
    expect(figures).not.toContain('People with a role in each session, speakers by gender');
  });
});

describe('the provenance annex', () => {
  it('does not list section headings as paragraphs without a key message', async () => {
    const { ctx, documentId } = await demoOutcome();
    const heading = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId, after: null, kind: 'heading', text: { en: 'Commitments' } });
    const model = buildOutcomeModel(ctx.db, input(documentId, ['en'], { participation: false, provenance: true }));
    const [annex] = model.annexes;
    expect(annex?.entries.map((e) => e.paragraph)).not.toContain('Commitments');
    expect(annex?.entries[0]?.paragraph).toBe('Paragraph 1');
    const html = outcomeHtml(model, 'a4');
    const annexHtml = html.slice(html.indexOf('annex-provenance'));
    expect(annexHtml).not.toContain('Commitments');
    expect(outcomeMarkdown(model).split('Provenance')[1] ?? '').not.toContain('Commitments');
    const docx = paragraphTexts(documentXml(await outcomeDocx(model, 'a4')));
    expect(docx.filter((line) => line === 'Commitments')).toHaveLength(1);
    expect(heading.kind).toBe('heading');
  });
});
