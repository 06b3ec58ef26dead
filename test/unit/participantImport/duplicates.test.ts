import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { rowHistory } from '../../../main/core/store/rowHistory';
import { snapshot } from '../helpers/tempCore';
import { forumCore, listed, preview, runImport } from './importHarness';

async function create(ctx: CoreContext, forumId: string, participant: Record<string, unknown>): Promise<string> {
  const base = { organisation: '', orgType: null, country: '', gender: null, roles: [], email: '', languages: [] };
  const result = await dispatch(ctx, 'electron', 'participants:create', { forumId, participant: { ...base, ...participant } });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: string }).id;
}

const csv = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

const file = csv(`Name,Organisation,Email,Country,Roles,Languages,Gender
AMINA DIALLO,UN-Habitat,Amina.Diallo@Example.org,,speaker,fr,
José Núñez,Cámara de Comercio,,ES,chair,es,M
jose nunez,"Camara de comercio",jose@example.es,,rapporteur,en,
Wei Zhang,Tsinghua University,wei@example.cn,CN,,,
Wei Zhang,Tsinghua University,,,speaker,zh,F
`);

describe('duplicates', () => {
  it('finds matches by email (any case) and by name and organisation (case and accents folded), in the list and in the file', async () => {
    const { ctx, forumId } = await forumCore();
    const amina = await create(ctx, forumId, { name: 'Amina Diallo', organisation: 'UN Habitat', email: 'amina.diallo@example.org', roles: ['participant'] });
    const before = snapshot(ctx);
    const read = await preview(ctx, forumId, file);
    expect(read.duplicates).toEqual([
      { line: 2, reason: 'email', existingId: amina, otherLine: null, name: 'AMINA DIALLO' },
      { line: 4, reason: 'nameOrganisation', existingId: null, otherLine: 3, name: 'jose nunez' },
      { line: 6, reason: 'nameOrganisation', existingId: null, otherLine: 5, name: 'Wei Zhang' },
    ]);
    expect(read.counts).toMatchObject({ rows: 5, duplicates: 3, toCreate: 2, toSkip: 3, toMerge: 0 });
    expect(read.rows.map((r) => r.status)).toEqual(['skip', 'new', 'skip', 'new', 'skip']);
    expect(snapshot(ctx)).toBe(before);
  });

  it('skip: duplicates are not imported and the listed person is left alone', async () => {
    const { ctx, forumId } = await forumCore();
    const amina = await create(ctx, forumId, { name: 'Amina Diallo', organisation: 'UN Habitat', email: 'amina.diallo@example.org', roles: ['participant'] });
    const history = rowHistory(ctx.db, 'participants', amina).length;
    expect(await runImport(ctx, forumId, file, { duplicates: 'skip' })).toEqual({ created: 2, merged: 0, skipped: 3 });
    const people = await listed(ctx, forumId);
    expect(people.map((p) => p.name).sort()).toEqual(['Amina Diallo', 'José Núñez', 'Wei Zhang']);
    expect(people.find((p) => p.name === 'José Núñez')).toMatchObject({ email: '', roles: ['chair'], languages: ['es'] });
    expect(rowHistory(ctx.db, 'participants', amina)).toHaveLength(history);
  });

  it('merge: fills empty fields, unites roles and languages, writes only the cells that change', async () => {
    const { ctx, forumId } = await forumCore();
    const amina = await create(ctx, forumId, { name: 'Amina Diallo', organisation: 'UN Habitat', email: 'amina.diallo@example.org', roles: ['participant'], country: 'KE' });
    expect(await runImport(ctx, forumId, file, { duplicates: 'merge' })).toEqual({ created: 2, merged: 3, skipped: 0 });
    const people = await listed(ctx, forumId);
    expect(people).toHaveLength(3);
    expect(people.find((p) => p.id === amina)).toMatchObject({
      name: 'Amina Diallo',
      organisation: 'UN Habitat',
      country: 'KE',
      roles: ['speaker', 'participant'],
      languages: ['fr'],
      email: 'amina.diallo@example.org',
    });
    // Earlier rows of the file take in the later ones.
    expect(people.find((p) => p.name === 'José Núñez')).toMatchObject({
      organisation: 'Cámara de Comercio',
      email: 'jose@example.es',
      country: 'ES',
      gender: 'male',
      roles: ['chair', 'rapporteur'],
      languages: ['es', 'en'],
    });
    expect(people.find((p) => p.name === 'Wei Zhang')).toMatchObject({ email: 'wei@example.cn', country: 'CN', gender: 'female', roles: ['speaker'], languages: ['zh'] });
    const [, merge] = rowHistory(ctx.db, 'participants', amina).sort((a, b) => a.hlc.localeCompare(b.hlc));
    expect(Object.keys(merge?.cells ?? {}).sort()).toEqual(['languages', 'roles']);
  });

  it('merge: a row that adds nothing writes nothing', async () => {
    const { ctx, forumId } = await forumCore();
    await create(ctx, forumId, { name: 'Wei Zhang', organisation: 'Tsinghua University', email: 'wei@example.cn', roles: ['speaker'] });
    const before = snapshot(ctx);
    expect(await runImport(ctx, forumId, csv('Name,Organisation,Email,Roles\nwei zhang,TSINGHUA UNIVERSITY,,speaker\n'), { duplicates: 'merge' })).toEqual({
      created: 0,
      merged: 1,
      skipped: 0,
    });
    expect(snapshot(ctx)).toBe(before);
  });

  it('a later row reaches the listed person an earlier row matched', async () => {
    const { ctx, forumId } = await forumCore();
    const ana = await create(ctx, forumId, { name: 'Ana Lima', organisation: 'Prefeitura de Recife', email: 'ana@example.br' });
    const text = csv('Name,Organisation,Email\nAna Lima,Recife City Hall,ana@example.br\nANA LIMA,Recife City Hall,ana.lima@example.org\n');
    // Line 3 gives another address: the same person only once the user says so.
    const read = await preview(ctx, forumId, text, { duplicates: 'merge', samePerson: [3] });
    expect(read.duplicates.map((d) => [d.line, d.reason, d.existingId])).toEqual([
      [2, 'email', ana],
      [3, 'sameNameOtherEmail', ana],
    ]);
    expect(await runImport(ctx, forumId, text, { duplicates: 'merge', samePerson: [3] })).toEqual({ created: 0, merged: 2, skipped: 0 });
    expect(await listed(ctx, forumId)).toHaveLength(1);
  });

  it('deleted participants are not matched', async () => {
    const { ctx, forumId } = await forumCore();
    const gone = await create(ctx, forumId, { name: 'Ana Lima', email: 'ana@example.br' });
    await dispatch(ctx, 'electron', 'participants:setDeleted', { id: gone, deleted: true });
    expect(await runImport(ctx, forumId, csv('Name,Email\nAna Lima,ana@example.br\n'))).toEqual({ created: 1, merged: 0, skipped: 0 });
  });

  describe('the same name and organisation with another email address', () => {
    const twoAddresses = csv('Name,Organisation,Email\nMaría López,Universidad de Chile,maria.lopez@uchile.cl\nMaria Lopez,Universidad de Chile,mlopez@gmail.com\n');

    it('is flagged for review in the preview and imported as another person unless the user says it is the same', async () => {
      const { ctx, forumId } = await forumCore();
      const before = snapshot(ctx);
      const read = await preview(ctx, forumId, twoAddresses);
      expect(read.duplicates).toEqual([{ line: 3, reason: 'sameNameOtherEmail', existingId: null, otherLine: 2, name: 'Maria Lopez', confirmed: false }]);
      expect(read.counts).toMatchObject({ rows: 2, duplicates: 1, toReview: 1, toCreate: 2, toSkip: 0 });
      expect(read.rows.map((r) => r.status)).toEqual(['new', 'review']);
      expect(snapshot(ctx)).toBe(before);
      expect(await runImport(ctx, forumId, twoAddresses)).toEqual({ created: 2, merged: 0, skipped: 0 });
      expect((await listed(ctx, forumId)).map((p) => p.email).sort()).toEqual(['maria.lopez@uchile.cl', 'mlopez@gmail.com']);
    });

    it('follows the duplicate policy once the user confirms the same person', async () => {
      const { ctx, forumId } = await forumCore();
      const read = await preview(ctx, forumId, twoAddresses, { samePerson: [3] });
      expect(read.duplicates[0]).toMatchObject({ line: 3, reason: 'sameNameOtherEmail', confirmed: true });
      expect(read.rows.map((r) => r.status)).toEqual(['new', 'skip']);
      expect(await runImport(ctx, forumId, twoAddresses, { samePerson: [3] })).toEqual({ created: 1, merged: 0, skipped: 1 });
    });

    it('against someone listed too', async () => {
      const { ctx, forumId } = await forumCore();
      const maria = await create(ctx, forumId, { name: 'María López', organisation: 'Universidad de Chile', email: 'maria.lopez@uchile.cl' });
      const text = csv('Name,Organisation,Email\nMARIA LOPEZ,Universidad de Chile,mlopez@gmail.com\n');
      const read = await preview(ctx, forumId, text, { duplicates: 'merge' });
      expect(read.duplicates).toEqual([{ line: 2, reason: 'sameNameOtherEmail', existingId: maria, otherLine: null, name: 'MARIA LOPEZ', confirmed: false }]);
      expect(await runImport(ctx, forumId, text, { duplicates: 'merge' })).toEqual({ created: 1, merged: 0, skipped: 0 });
    });

    it('a confirmed line no row can have (0) is refused, nothing changed', async () => {
      const { ctx, forumId } = await forumCore();
      const before = snapshot(ctx);
      const result = await dispatch(ctx, 'electron', 'participants:import', {
        forumId,
        file: { fileName: 'p.csv', data: twoAddresses.toString('base64') },
        samePerson: [0],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
      expect(snapshot(ctx)).toBe(before);
    });
  });
});
