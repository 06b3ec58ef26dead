import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeRow } from '../../../main/core/store/changeLog';
import { participantsDocx } from '../../../main/core/exports/participantsExport';
import { countryName } from '../../../main/core/exports/participationModel';
import { listParticipants, setParticipantDeleted } from '../../../main/core/store/participants';
import { createForum } from '../../../main/core/store/forums';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';
import { demoCore, documentXml, paragraphTexts } from './demoExportFixture';

/** The table's rows, each as its cells' texts. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphTexts(cell[0]).join('')),
  );
}

describe('participantsDocx', () => {
  it('lists every live participant once, sorted by name, with headers and values in the document’s language', async () => {
    const { ctx, forumId } = await demoCore();
    const people = listParticipants(ctx.db, forumId);
    const gone = people[5]!;
    setParticipantDeleted(ctx, gone.id, true);

    const xml = documentXml(await participantsDocx(ctx.db, forumId, 'es'));
    const [header, ...rows] = tableRows(xml);
    expect(header).toEqual(['N.º', 'Nombre', 'Organización', 'Tipo de organización', 'País', 'Género', 'Funciones', 'Cargo']);
    expect(rows).toHaveLength(people.length - 1);
    expect(rows.map((r) => r[1])).not.toContain(gone.name);
    const names = rows.map((r) => r[1]!);
    const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort(collator.compare));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    expect(paragraphTexts(xml)).toContain(`Total: ${people.length - 1}`);

    // A Chinese participant: country written in Spanish, type and gender translated.
    const someone = people.find((p) => p.country === 'CN' && p.orgType && p.gender && p.roles.length > 0 && p.id !== gone.id)!;
    const row = rows.find((r) => r[1] === someone.name)!;
    expect(row[2]).toBe(someone.organisation);
    expect(row[4]).toBe('China');
    expect(row[4]).toBe(countryName('CN', 'es'));
    expect(row[3]).not.toBe(someone.orgType);
    expect(row[5]).not.toBe(someone.gender);
  });

  it('keeps names with XML-special and control characters as typed (escaped in the XML)', async () => {
    const { ctx, forumId } = await demoCore();
    writeRow(ctx, 'participants', randomUUID(), { forum_id: forumId, name: 'Aaron <b>&</b>\tBell', organisation: 'R&D "Labs"', deleted: 0 });
    const xml = documentXml(await participantsDocx(ctx.db, forumId, 'en'));
    const row = tableRows(xml).find((r) => r[1]?.startsWith('Aaron'));
    expect(row?.slice(1, 3)).toEqual(['Aaron <b>&</b> Bell', 'R&D "Labs"']);
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\uE000');
  });

  it('prints the header row alone for a forum without participants', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const xml = documentXml(await participantsDocx(ctx.db, forum.id, 'en'));
    expect(tableRows(xml)).toEqual([['No.', 'Name', 'Organisation', 'Organisation type', 'Country', 'Gender', 'Roles', 'Title or position']]);
    expect(paragraphTexts(xml)).toContain('Total: 0');
  });

  it('writes country names in Chinese with the East Asian font, and lays an Arabic table out right to left', async () => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    const zh = documentXml(await participantsDocx(ctx.db, forumId, 'zh'));
    expect(tableRows(zh).some((r) => r[4] === '中国')).toBe(true);
    expect(zh).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(tableRows(zh)[0]![1]).toBe('姓名');

    const ar = documentXml(await participantsDocx(ctx.db, forumId, 'ar'));
    expect(ar).toContain('<w:bidiVisual/>');
    for (const p of ar.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) expect(p).toContain('<w:bidi/>');
    expect(tableRows(ar).some((r) => r[4] === 'الصين')).toBe(true);
    // The header row repeats on every page.
    expect(ar).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
  });

  it('refuses an unknown forum and a language the forum does not work in, changing nothing', async () => {
    const { ctx, forumId } = await demoCore();
    const before = snapshot(ctx);
    await expect(participantsDocx(ctx.db, 'no-such-forum-id', 'en')).rejects.toMatchObject({ code: 'not_found' });
    await expect(participantsDocx(ctx.db, forumId, 'ru')).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('ru is not a working language of this forum'),
    });
    expect(snapshot(ctx)).toBe(before);
  });
});
