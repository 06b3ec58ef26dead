import { describe, expect, it } from 'vitest';
import { statsReport, statsTranslator } from '../../../main/core/cli/statsCommands';
import { dispatch } from '../../../main/core/commands/dispatch';
import { outcomeAnnexes } from '../../../main/core/exports/outcomeModelAnnexes';
import { buildParticipationModel } from '../../../main/core/exports/participationModel';
import { buildParticipantList } from '../../../main/core/exports/participantsExport';
import { exportParticipants } from '../../../main/core/participants/exportParticipants';
import { recogniseCountry } from '../../../main/core/participants/recogniseCountry';
import { getForum } from '../../../main/core/store/forums';
import { participationStats } from '../../../main/core/store/participationStats';
import { countryName } from '../../../shared/countryNames';
import { countryCodes } from '../../../shared/countries';
import { uiLanguages } from '../../../shared/languages';
import type { OutcomeDocument } from '../../../shared/outcome';
import { countryName as screenCountryName, countryOptions } from '../../../renderer/src/components/participants/participantFormat';
import { countryNamer } from '../../../renderer/src/components/stats/chartLayout';
import { tempCore, validForum } from '../helpers/tempCore';

// UN short names (UNTERM), in the order ar, zh, en, fr, ru, es.
const expected: Record<string, string[]> = {
  KR: ['جمهورية كوريا', '大韩民国', 'Republic of Korea', 'République de Corée', 'Республика Корея', 'República de Corea'],
  US: ['الولايات المتحدة الأمريكية', '美利坚合众国', 'United States of America', "États-Unis d'Amérique", 'Соединенные Штаты Америки', 'Estados Unidos de América'],
  GB: ['المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية', '大不列颠及北爱尔兰联合王国', 'United Kingdom of Great Britain and Northern Ireland', "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", 'Соединенное Королевство Великобритании и Северной Ирландии', 'Reino Unido de Gran Bretaña e Irlanda del Norte'],
  RU: ['الاتحاد الروسي', '俄罗斯联邦', 'Russian Federation', 'Fédération de Russie', 'Российская Федерация', 'Federación de Rusia'],
  KE: ['كينيا', '肯尼亚', 'Kenya', 'Kenya', 'Кения', 'Kenia'],
};

describe('one name per country, the UN short name, everywhere', () => {
  it('shared countryName gives the UN short name in all six languages, and every assigned code has a name', () => {
    for (const [code, names] of Object.entries(expected)) {
      uiLanguages.forEach((lang, i) => expect(countryName(code, lang), `${code} ${lang}`).toBe(names[i]));
    }
    for (const lang of uiLanguages) for (const code of countryCodes) expect(countryName(code, lang), `${code} ${lang}`).not.toBe('');
  });

  it('the screens, the participant list, the figures, the outcome annex, the stats report and the spreadsheet print the same name', async () => {
    const ctx = await tempCore();
    const created = await dispatch(ctx, 'electron', 'forums:create', { ...validForum, languages: [...uiLanguages] });
    if (!created.ok) throw new Error(created.error.message);
    const forumId = (created.value as { id: string }).id;
    for (const [i, country] of Object.keys(expected).entries()) {
      const made = await dispatch(ctx, 'electron', 'participants:create', {
        forumId,
        participant: { name: `Person ${i}`, organisation: '', orgType: null, country, gender: null, roles: [], email: '', languages: [] },
      });
      expect(made.ok).toBe(true);
    }
    const stats = participationStats(ctx.db, forumId);
    const forum = getForum(ctx.db, forumId);
    // The annexes are of a document: the forum's first one takes the forum's id.
    const document = { kind: 'consensus', title: { en: 'Doc' }, subtitle: {}, place: {}, startDate: '2026-03-02', endDate: '2026-03-04', coOrganisers: [], preamble: {}, leadIn: {}, closing: {}, numbering: 'ordinal' };
    expect((await dispatch(ctx, 'electron', 'outcome:create', { forumId, document })).ok).toBe(true);
    const annexes = outcomeAnnexes(ctx.db, { id: forumId, forumId, sourceLanguage: 'en' } as OutcomeDocument, [...uiLanguages], { participation: true, provenance: false }, []);
    for (const lang of uiLanguages) {
      const names = Object.entries(expected).map(([code, byLang]) => [code, byLang[uiLanguages.indexOf(lang)] ?? ''] as const);
      const list = buildParticipantList(ctx.db, forumId, lang).rows.map((r) => r[4]);
      const figures = JSON.stringify(buildParticipationModel(ctx.db, forumId, lang));
      const annex = JSON.stringify(annexes.filter((a) => JSON.stringify(a).includes(`"${lang}"`)));
      const report = statsReport(stats, forum, lang, await statsTranslator(lang)).join('\n');
      const screen = countryNamer(lang);
      for (const [code, name] of names) {
        expect(screenCountryName(code, lang), `${code} ${lang} list screen`).toBe(name);
        expect(screen(code), `${code} ${lang} stats screen`).toBe(name);
        expect(countryOptions(lang).find((o) => o.code === code)?.name, `${code} ${lang} form`).toBe(name);
        expect(list, `${code} ${lang} participant list`).toContain(name);
        expect(figures, `${code} ${lang} figures`).toContain(JSON.stringify(name).slice(1, -1));
        expect(annex, `${code} ${lang} annex`).toContain(JSON.stringify(name).slice(1, -1));
        expect(report, `${code} ${lang} stats report`).toContain(name);
        // What Plenary prints reads back as the same country on import.
        expect(recogniseCountry(name), `${code} ${lang} import`).toBe(code);
      }
    }
    const sheet = Buffer.from((await exportParticipants(ctx.db, forumId, 'csv')).data, 'base64').toString('utf8');
    for (const [code, names] of Object.entries(expected)) expect(sheet, code).toContain(`,${code},${names[2]?.includes(',') ? `"${names[2]}"` : names[2]},`);
  });
});
