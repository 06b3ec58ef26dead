import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { snapshot } from '../helpers/tempCore';
import { fixture, forumCore, listed, preview, runImport, xlsx } from './importHarness';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('importing participants', () => {
  it('imports every row of a six-column English list, as previewed', async () => {
    const { ctx, forumId } = await forumCore();
    const read = await preview(ctx, forumId, fixture('english.csv'));
    expect(read.counts).toEqual({ rows: 4, withErrors: 0, withWarnings: 0, duplicates: 0, toReview: 0, toCreate: 4, toMerge: 0, toSkip: 0 });
    expect(read.sample[1]?.[0]).toBe('Nguyen, Van An');
    expect(await runImport(ctx, forumId, fixture('english.csv'))).toEqual({ created: 4, merged: 0, skipped: 0 });
    const people = await listed(ctx, forumId);
    expect(people.find((p) => p.name === 'Amina Diallo')).toMatchObject({
      organisation: 'UN-Habitat',
      orgType: 'un_international',
      country: 'KE',
      gender: 'female',
      roles: ['speaker', 'rapporteur'],
      email: 'amina.diallo@example.org',
      languages: ['en', 'fr'],
      checkedInAt: null,
    });
    expect(people.find((p) => p.name === 'Oleg Petrov')).toMatchObject({ orgType: 'government', country: 'RU', gender: 'male', roles: [], languages: ['ru', 'en'] });
    expect(read.rows.map(({ line, status, ...stored }) => ({ ...stored, line, status }))).toHaveLength(4);
  });

  it('imports an .xlsx workbook', async () => {
    const { ctx, forumId } = await forumCore();
    const bytes = await xlsx([
      ['Nombre', 'Apellido', 'Organización', 'País', 'Correo electrónico'],
      ['Lucía', 'Fernández', 'Ayuntamiento de Mérida', 'México', { text: 'lucia@example.mx', hyperlink: 'mailto:lucia@example.mx' }],
    ]);
    const read = await preview(ctx, forumId, bytes, { fileName: 'lista.xlsx' });
    expect(read).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(await runImport(ctx, forumId, bytes, { fileName: 'lista.xlsx' })).toEqual({ created: 1, merged: 0, skipped: 0 });
    expect(await listed(ctx, forumId)).toMatchObject([{ name: 'Lucía Fernández', country: 'MX', email: 'lucia@example.mx' }]);
  });

  it('is all or nothing: a failure on a late row leaves the database exactly as it was', async () => {
    const { ctx, forumId } = await forumCore();
    const rows = Array.from({ length: 300 }, (_, i) => `Person ${i},Org ${i},person${i}@example.org`).join('\n');
    const bytes = Buffer.from(`Name,Organisation,Email\n${rows}\n`);
    ctx.db.exec(`CREATE TRIGGER refuse_person_250 BEFORE INSERT ON participants WHEN new.name = 'Person 250'
      BEGIN SELECT RAISE(ABORT, 'disk full, as it were'); END`);
    const schema = () => ctx.db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const before = snapshot(ctx);
    const schemaBefore = schema();
    const result = await dispatch(ctx, 'electron', 'participants:import', { forumId, file: { fileName: 'a.csv', data: bytes.toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/stopped before it finished .* and was undone/) } });
    expect(JSON.stringify(result)).not.toMatch(/disk full, as it were/);
    expect(snapshot(ctx)).toBe(before);
    // The search trigger set aside during the import is back.
    expect(schema()).toEqual(schemaBefore);
    ctx.db.exec('DROP TRIGGER refuse_person_250');
    expect(await runImport(ctx, forumId, bytes)).toEqual({ created: 300, merged: 0, skipped: 0 });
    // The slice that failed left no search deferral behind; the next import's slices indexed all 300 people.
    expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
    expect(() => ctx.db.exec("INSERT INTO participants_search (participants_search, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(ctx.db.prepare("SELECT count(*) FROM participants_search WHERE participants_search MATCH 'person'").pluck().get()).toBe(300);
  });

  it('leaves imported people searchable, and the search index whole', async () => {
    const { ctx, forumId } = await forumCore();
    await runImport(ctx, forumId, fixture('english.csv'));
    await runImport(ctx, forumId, fixture('semicolon-fr.csv'));
    const search = async (text: string) => {
      const result = await dispatch(ctx, 'electron', 'participants:query', { forumId, text });
      return result.ok ? (result.value as { rows: Array<{ name: string }> }).rows.map((r) => r.name) : result.error.message;
    };
    expect(await search('diallo')).toEqual(['Amina Diallo']);
    expect(await search('Tiers Monde')).toEqual(['Ousmane Ba']);
    expect(await search('fernandez')).toEqual(['Lucía Fernández']);
    expect(() => ctx.db.exec("INSERT INTO participants_search (participants_search) VALUES ('integrity-check')")).not.toThrow();
    // Rows added one at a time afterwards are indexed by the trigger as before.
    await dispatch(ctx, 'electron', 'participants:create', {
      forumId,
      participant: { name: 'Zhang Wei', organisation: 'Tongji University', orgType: null, country: '', gender: null, roles: [], email: '', languages: [] },
    });
    expect(await search('Tongji')).toEqual(['Zhang Wei']);
  });

  it('backs the database up first, but not for an import it refuses', async () => {
    const { ctx, forumId } = await forumCore();
    const backupDir = path.join(path.dirname(ctx.databasePath), 'backups');
    await expect(runImport(ctx, forumId, fixture('missing-fields.csv'))).rejects.toThrow(/import_rejected/);
    expect(fs.existsSync(backupDir)).toBe(false);
    await runImport(ctx, forumId, fixture('english.csv'));
    const backups = fs.readdirSync(backupDir);
    expect(backups).toContainEqual(expect.stringMatching(/before-participant-import\.sqlite$/));
  });

  it('lets the user’s mapping override the guess, field by field', async () => {
    const { ctx, forumId } = await forumCore();
    const text = Buffer.from('Contact,Affiliation,Home,Where\nAna Lima,Prefeitura,ana@example.br,Brazil\n');
    const guessed = await preview(ctx, forumId, text);
    expect(guessed.mapping).toEqual({ organisation: 1 });
    expect(guessed.counts.withErrors).toBe(1);
    const mapped = await preview(ctx, forumId, text, { mapping: { name: 0, email: 2, country: 3 } });
    expect(mapped.mapping).toEqual({ name: 0, organisation: 1, country: 3, email: 2 });
    expect(mapped.rows[0]).toMatchObject({ name: 'Ana Lima', organisation: 'Prefeitura', email: 'ana@example.br', country: 'BR', status: 'new' });
    // null takes a guessed field away; a column given to another field leaves the guess.
    const none = await preview(ctx, forumId, text, { mapping: { name: 0, organisation: null } });
    expect(none.mapping).toEqual({ name: 0 });
    const moved = await preview(ctx, forumId, text, { mapping: { name: 1 } });
    expect(moved.mapping).toEqual({ name: 1 });
  });

  it('refuses a mapping naming a column the file does not have', async () => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    for (const command of ['participants:importPreview', 'participants:import']) {
      const result = await dispatch(ctx, 'electron', command, {
        forumId,
        file: { fileName: 'a.csv', data: base64('Name,Email\nAna,ana@example.br\n') },
        mapping: { email: 5 },
      });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The mapping gives column 5 to email, but the file has 2 columns (numbered 0 to 1).',
          issues: [{ path: 'mapping.email', message: 'validation.invalid' }],
        },
      });
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses an import with no column for the names, saying so', async () => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    await expect(runImport(ctx, forumId, Buffer.from('Email\nana@example.br\n'))).rejects.toThrow(/No column is mapped to the names/);
    expect(snapshot(ctx)).toBe(before);
  });

  it('names the first few lines with errors when many rows have them', async () => {
    const { ctx, forumId } = await forumCore();
    const rows = Array.from({ length: 800 }, (_, i) => (i % 2 ? `Person ${i},bad-email-${i}` : `Person ${i},p${i}@example.org`));
    const text = Buffer.from(`Name,Email\n${rows.join('\n')}\n`);
    const read = await preview(ctx, forumId, text);
    expect(read.counts.withErrors).toBe(400);
    expect(read.issues).toHaveLength(400);
    await expect(runImport(ctx, forumId, text)).rejects.toThrow(
      'import_rejected: 400 rows have errors (lines 3, 5, 7, 9, 11, …). Nothing was imported',
    );
    const many = Buffer.from(`Name,Email\n${Array.from({ length: 1200 }, (_, i) => `,x${i}@example.org`).join('\n')}\n`);
    const capped = await preview(ctx, forumId, many);
    expect(capped.counts.withErrors).toBe(1200);
    expect(capped.issues).toHaveLength(500);
    expect(capped.rows).toHaveLength(50);
  });

  it('refuses an unknown forum and malformed file data through the contract', async () => {
    const { ctx } = await forumCore();
    const unknown = await dispatch(ctx, 'electron', 'participants:importPreview', {
      forumId: '00000000-0000-4000-8000-000000000000',
      file: { fileName: 'a.csv', data: base64('Name\nAna\n') },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const garbled = await dispatch(ctx, 'electron', 'participants:import', { forumId: 'x', file: { fileName: 'a.csv', data: 'not base64!' } });
    expect(garbled).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
