import { describe, expect, it } from 'vitest';
import { participationDocx } from '../../../main/core/exports/participationExport';
import { buildParticipationModel } from '../../../main/core/exports/participationModel';
import { invoke } from '../../../main/core/commands/invoke';
import { addSpeaker, nextSpeaker } from '../../../main/core/store/speakerQueue';
import { demoCore, documentXml, paragraphTexts } from '../exports/demoExportFixture';

const t0 = Date.parse('2026-11-23T06:30:00Z');

describe('spoken time in the participation export', () => {
  it('adds time spoken by delegation and by gender once someone has spoken, adding up to the total', async () => {
    const { ctx, forumId } = await demoCore();
    const before = buildParticipationModel(ctx.db, forumId, 'en');
    expect(before.tables.map((table) => table.title)).not.toContain("Time spoken by delegation, from the speakers' lists");

    const [session] = (await invoke(ctx, 'agenda:get', { forumId })).sessions;
    const subject = { kind: 'session' as const, id: session?.id ?? '' };
    for (const delegation of ['Kenya', 'Chile']) addSpeaker(ctx, forumId, subject, { participantId: null, delegation, kind: 'statement' }, t0);
    nextSpeaker(ctx, forumId, subject, t0);
    nextSpeaker(ctx, forumId, subject, t0 + 95_000);
    nextSpeaker(ctx, forumId, subject, t0 + 125_000);

    const model = buildParticipationModel(ctx.db, forumId, 'en');
    const byDelegation = model.tables.find((table) => table.title === "Time spoken by delegation, from the speakers' lists");
    expect(byDelegation).toMatchObject({
      columns: ['Delegation', 'Turns', 'Time spoken', 'Share'],
      rows: [
        ['Kenya', '1', '1:35', '76%'],
        ['Chile', '1', '0:30', '24%'],
      ],
      total: ['Total', '2', '2:05', '100%'],
    });
    const byGender = model.tables.find((table) => table.title === "Time spoken by gender, from the speakers' lists");
    expect(byGender?.rows).toEqual([['Not recorded', '2:05', '100%']]);

    const text = paragraphTexts(documentXml(await participationDocx(ctx.db, forumId, 'es'))).join('\n');
    expect(text).toContain('Tiempo de palabra por delegación, según las listas de oradores');
  });
});

describe('spoken time in the outcome document’s participation annex', () => {
  it('adds a table of time spoken by delegation once someone has spoken; none before', async () => {
    const { buildOutcomeModel } = await import('../../../main/core/exports/outcomeModel');
    const { demoOutcome } = await import('../exports/outcomeExportFixture');
    const { ctx, documentId, forum } = await demoOutcome();
    const annex = () =>
      buildOutcomeModel(ctx.db, { documentId, languages: ['en'], variant: 'clean', annexes: { participation: true, provenance: false }, fallback: true }).annexes[0];
    expect(annex()?.tables.map((table) => table.title)).not.toContain('Time spoken by delegation');
    const [session] = (await invoke(ctx, 'agenda:get', { forumId: forum.id })).sessions;
    const subject = { kind: 'session' as const, id: session?.id ?? '' };
    addSpeaker(ctx, forum.id, subject, { participantId: null, delegation: 'Kenya', kind: 'statement' }, t0);
    nextSpeaker(ctx, forum.id, subject, t0);
    nextSpeaker(ctx, forum.id, subject, t0 + 61_000);
    expect(annex()?.tables.find((table) => table.title === 'Time spoken by delegation')).toMatchObject({ headers: ['Delegation', 'Turns', 'Time spoken'], rows: [['Kenya', '1', '1:01']] });
  });
});
