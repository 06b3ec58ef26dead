import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { buildParticipantList } from '../../../main/core/exports/participantsExport';
import { guessMapping } from '../../../main/core/participants/guessMapping';
import { exportParticipants } from '../../../main/core/participants/exportParticipants';
import { rowHistory } from '../../../main/core/store/rowHistory';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import type { Participant } from '../../../shared/participants';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore } from '../helpers/tempCore';
import { forumCore, listed, preview, runImport } from '../participantImport/importHarness';
import { forumWithPeople, must, person } from './participantFixture';

const csv = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

describe("a participant's title or position", () => {
  it('is stored through the change log, edited, read back, and left out by older callers', async () => {
    const { ctx, forumId } = await forumWithPeople([]);
    const made = await must<Participant>(ctx, 'participants:create', { forumId, participant: person({ position: '  Director, Urban Planning Department ' }) });
    expect(made.position).toBe('Director, Urban Planning Department');
    expect(rowHistory(ctx.db, 'participants', made.id).at(-1)).toMatchObject({ cells: expect.objectContaining({ position: 'Director, Urban Planning Department' }) });
    const edited = await must<Participant>(ctx, 'participants:update', { id: made.id, participant: person({ position: 'Mayor' }) });
    expect(edited.position).toBe('Mayor');
    // A caller that knows nothing of the field (an older form, a script) stores an empty one.
    const { position: _left, ...older } = person({ name: 'Old Form' });
    expect((await must<Participant>(ctx, 'participants:create', { forumId, participant: older })).position).toBe('');
  });

  it.each([
    ['too long', 'P'.repeat(301), 'validation.tooLong'],
    ['a line break', 'Director\nPlanning', 'validation.controlCharacters'],
    ['a tab', 'Director\tPlanning', 'validation.controlCharacters'],
    ['a bidirectional override', 'Director\u202e', 'validation.controlCharacters'],
  ])('refuses %s with a clear code, changing nothing', async (_label, position, message) => {
    const { ctx, forumId, created } = await forumWithPeople([{}]);
    const before = snapshot(ctx);
    const create = await dispatch(ctx, 'electron', 'participants:create', { forumId, participant: person({ position }) });
    expect(create.ok).toBe(false);
    if (!create.ok) expect(create.error.issues).toContainEqual({ path: 'participant.position', message });
    const update = await dispatch(ctx, 'electron', 'participants:update', { id: created[0]?.id, participant: person({ position }) });
    expect(update.ok).toBe(false);
    expect(snapshot(ctx)).toBe(before);
  });

  it('is recognised under its usual headers in the six languages', () => {
    for (const header of ['Title', 'Position', 'Job title', 'Cargo', 'Fonction', 'Должность', '职务', 'المنصب', 'Title / Position', 'Puesto']) {
      expect(guessMapping(['Name', header, 'Email']).position, header).toBe(1);
    }
    // "Function in the forum" is a role, not a position.
    expect(guessMapping(['Name', 'Function in the forum']).roles).toBe(1);
  });

  it('is imported, merged into an empty one, and refused in a row with control characters (nothing imported)', async () => {
    const { ctx, forumId } = await forumCore();
    await runImport(ctx, forumId, csv('Name,Cargo,Email\nLucía Pérez,Directora de Planificación,lucia@example.mx\n'));
    expect((await listed(ctx, forumId))[0]?.position).toBe('Directora de Planificación');
    const before = snapshot(ctx);
    const bad = csv('Name,Job title\nTom Lee,"Head\u0007of unit"\n');
    const read = await preview(ctx, forumId, bad);
    expect(read.issues).toContainEqual(expect.objectContaining({ line: 2, severity: 'error', field: 'position', code: 'controlCharacters' }));
    const refused = await dispatch(ctx, 'electron', 'participants:import', { forumId, file: { fileName: 'p.csv', data: bad.toString('base64') } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('import_rejected');
    expect(snapshot(ctx)).toBe(before);
  });

  it('is in the spreadsheet export, which imports back', async () => {
    const { ctx, forumId } = await forumWithPeople([{ position: 'Head of Unit, Rural Development' }]);
    const file = await exportParticipants(ctx.db, forumId, 'csv');
    const text = Buffer.from(file.data, 'base64').toString('utf8');
    expect(text).toContain('Title or position');
    expect(text).toContain('"Head of Unit, Rural Development"');
    const again = await forumCore();
    await runImport(again.ctx, again.forumId, Buffer.from(file.data, 'base64'), { fileName: file.fileName });
    expect((await listed(again.ctx, again.forumId))[0]?.position).toBe('Head of Unit, Rural Development');
  });

  it('is the last column of the printed participant list, headed in the document language', async () => {
    const { ctx, forumId } = await forumWithPeople([{ position: 'Directora General' }]);
    const list = buildParticipantList(ctx.db, forumId, 'es');
    expect(list.columns.at(-1)).toBe('Cargo');
    expect(list.rows[0]?.at(-1)).toBe('Directora General');
    expect(buildParticipantList(ctx.db, forumId, 'en').columns.at(-1)).toBe('Title or position');
  });

  it('travels in a bundle to another laptop', async () => {
    const { ctx, forumId, created } = await forumWithPeople([{ position: 'Vice-Minister' }]);
    const other = await tempCore();
    await importBytes(other, exportBundle(ctx, { forumId }).bytes);
    const got = await must<Participant>(other, 'participants:get', { id: created[0]?.id });
    expect(got.position).toBe('Vice-Minister');
  });
});
