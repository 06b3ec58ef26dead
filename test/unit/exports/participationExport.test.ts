import { describe, expect, it } from 'vitest';
import { documentText } from '../../../main/core/exports/documentText';
import { participationDocx } from '../../../main/core/exports/participationExport';
import { buildParticipationModel, countryName } from '../../../main/core/exports/participationModel';
import { participationStats } from '../../../main/core/store/participationStats';
import { snapshot } from '../helpers/tempCore';
import { demoCore, documentXml, paragraphTexts } from './demoExportFixture';

/** Each table of the document as rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphTexts(cell[0]).join('')),
    ),
  );
}
const numberIn = (lang: string) => (text: string) => Number(text.replace(new RegExp(`[${new Intl.NumberFormat(lang).format(1000).charAt(1)}]`, 'g'), ''));

describe('participationDocx', () => {
  it('prints the headline sentence and tables by country, organisation type, gender and session that add up', async () => {
    const { ctx, forumId } = await demoCore();
    const stats = participationStats(ctx.db, forumId);
    const xml = documentXml(await participationDocx(ctx.db, forumId, 'en'));
    const text = paragraphTexts(xml);
    expect(text).toContain(`${stats.participants} participants, ${stats.internationalOrganisations} international organisations, ${stats.countries} countries`);

    const [byCountry, byOrgType, byGender, bySession] = tables(xml);
    const n = numberIn('en');
    for (const table of [byCountry!, byOrgType!, byGender!]) {
      const [, ...rows] = table;
      const total = rows.pop()!;
      expect(total[0]).toBe('Total');
      expect(n(total[1]!)).toBe(stats.participants);
      expect(rows.reduce((sum, row) => sum + n(row[1]!), 0)).toBe(stats.participants);
    }
    expect(byCountry![0]).toEqual(['Country', 'Number', 'Share']);
    expect(byCountry![1]).toEqual([countryName(stats.byCountry[0]!.country, 'en'), String(stats.byCountry[0]!.count), expect.stringMatching(/%$/)]);
    // Every country with people, plus a "Not recorded" line when some have none, plus header and total.
    const unplaced = stats.participants - stats.byCountry.reduce((sum, c) => sum + c.count, 0);
    expect(byCountry).toHaveLength(stats.byCountry.length + (unplaced > 0 ? 1 : 0) + 2);
    expect(byGender!.find((row) => row[0] === 'Female')?.[1]).toBe(String(stats.byGender.female));

    expect(bySession!.slice(1).map((row) => row[0])).toEqual(stats.bySession.map((s) => s.title.en));
    expect(bySession!.slice(1).map((row) => Number(row[5]))).toEqual(stats.bySession.map((s) => s.people));
    expect(bySession!.slice(1).map((row) => Number(row[3]))).toEqual(stats.bySession.map((s) => s.byRole.speaker));
  });

  it('writes the sentence and headers in the document’s language, with its plural forms and digits', async () => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    const stats = participationStats(ctx.db, forumId);

    const zh = buildParticipationModel(ctx.db, forumId, 'zh');
    expect(zh.sentence).toBe(`${stats.participants}名与会者、${stats.internationalOrganisations}个国际组织、${stats.countries}个国家`);
    expect(zh.tables[0]!.columns[0]).toBe('国家');

    const ar = buildParticipationModel(ctx.db, forumId, 'ar');
    const arabicNumber = new Intl.NumberFormat('ar');
    const t = documentText('ar');
    const plural = new Intl.PluralRules('ar');
    expect(ar.sentence).toBe(
      t('participation.sentence.list', {
        participants: t(`participation.sentence.participants_${plural.select(stats.participants)}`, { number: arabicNumber.format(stats.participants) }),
        organisations: t(`participation.sentence.internationalOrganisations_${plural.select(stats.internationalOrganisations)}`, {
          number: arabicNumber.format(stats.internationalOrganisations),
        }),
        countries: t(`participation.sentence.countries_${plural.select(stats.countries)}`, { number: arabicNumber.format(stats.countries) }),
      }),
    );
    expect(ar.sentence).not.toContain('participation.');

    const xml = documentXml(await participationDocx(ctx.db, forumId, 'ar'));
    expect(xml).toContain('<w:bidiVisual/>');
    for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) expect(p).toContain('<w:bidi/>');
    expect(paragraphTexts(xml)).toContain(ar.sentence);
  });

  it('refuses an unknown forum and a language the forum does not work in, changing nothing', async () => {
    const { ctx, forumId } = await demoCore();
    const before = snapshot(ctx);
    await expect(participationDocx(ctx.db, 'no-such-forum-id', 'en')).rejects.toMatchObject({ code: 'not_found' });
    await expect(participationDocx(ctx.db, forumId, 'fr')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'fr is not a working language of this forum (en, zh, es): choose one of those.',
    });
    expect(snapshot(ctx)).toBe(before);
  });
});
