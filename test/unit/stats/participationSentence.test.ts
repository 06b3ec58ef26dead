import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsTranslator } from '../../../main/core/cli/statsCommands';
import { uiLanguages, type UiLanguage } from '../../../shared/languages';
import { participationSentence, pluralSuffixes, sentenceParts } from '../../../shared/participationSentence';

const seeds = { participants: 200, internationalOrganisations: 18, countries: 17 };
const sentence = async (lang: UiLanguage, figures = seeds) => participationSentence(await statsTranslator(lang), lang, figures);
const people = async (lang: UiLanguage, n: number) =>
  (await statsTranslator(lang))('stats.sentence.participants', { count: n, number: String(n) });

describe('the seeds’ sentence', () => {
  it.each([
    ['en', '200 participants, 18 international organisations, 17 countries'],
    ['fr', '200 participants, 18 organisations internationales, 17 pays'],
    ['es', '200 participantes, 18 organizaciones internacionales, 17 países'],
    ['ru', '200 участников, 18 международных организаций, 17 стран'],
    ['zh', '200名与会者、18个国际组织、17个国家'],
    ['ar', '200 مشارك، 18 منظمةً دوليةً، 17 دولةً'],
  ] as const)('reads in %s: %s', async (lang, expected) => {
    expect(await sentence(lang)).toBe(expected);
  });

  it('takes each of the six Arabic plural forms', async () => {
    expect(await people('ar', 0)).toBe('0 مشارك');
    expect(await people('ar', 1)).toBe('1 مشارك');
    expect(await people('ar', 2)).toBe('2 مشاركان');
    expect(await people('ar', 3)).toBe('3 مشاركين');
    expect(await people('ar', 10)).toBe('10 مشاركين');
    expect(await people('ar', 11)).toBe('11 مشاركًا');
    expect(await people('ar', 99)).toBe('99 مشاركًا');
    expect(await people('ar', 100)).toBe('100 مشارك');
    expect(await sentence('ar', { participants: 2, internationalOrganisations: 3, countries: 1 })).toBe(
      '2 مشاركان، 3 منظمات دولية، 1 دولة',
    );
    expect(await sentence('ar', { participants: 11, internationalOrganisations: 2, countries: 2 })).toBe(
      '11 مشاركًا، 2 منظمتان دوليتان، 2 دولتان',
    );
  });

  it('takes the Russian forms for 1, 2, 5 and 21', async () => {
    expect(await people('ru', 1)).toBe('1 участник');
    expect(await people('ru', 2)).toBe('2 участника');
    expect(await people('ru', 5)).toBe('5 участников');
    expect(await people('ru', 21)).toBe('21 участник');
    expect(await people('ru', 0)).toBe('0 участников');
    expect(await sentence('ru', { participants: 21, internationalOrganisations: 2, countries: 5 })).toBe(
      '21 участник, 2 международные организации, 5 стран',
    );
    expect(await sentence('ru', { participants: 1, internationalOrganisations: 1, countries: 1 })).toBe(
      '1 участник, 1 международная организация, 1 страна',
    );
  });

  it('takes the singular in English, French and Spanish, and French zero', async () => {
    const one = { participants: 1, internationalOrganisations: 1, countries: 1 };
    expect(await sentence('en', one)).toBe('1 participant, 1 international organisation, 1 country');
    expect(await sentence('fr', one)).toBe('1 participant, 1 organisation internationale, 1 pays');
    expect(await sentence('es', one)).toBe('1 participante, 1 organización internacional, 1 país');
    expect(await people('fr', 0)).toBe('0 participant');
    expect(await people('en', 0)).toBe('0 participants');
    expect(await people('zh', 1)).toBe('1名与会者');
  });

  it('writes numbers as the language does', async () => {
    const big = { participants: 25000, internationalOrganisations: 1, countries: 120 };
    expect(await sentence('en', big)).toBe('25,000 participants, 1 international organisation, 120 countries');
    expect(await sentence('fr', big)).toBe('25\u202f000 participants, 1 organisation internationale, 120 pays');
    expect(await sentence('ru', big)).toBe('25\u00a0000 участников, 1 международная организация, 120 стран');
  });

  it('has every plural form of every part in every language file', () => {
    for (const lang of uiLanguages) {
      const file = path.resolve(__dirname, `../../../resources/locales/${lang}/stats.json`);
      const messages = (JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { sentence: Record<string, string> } }).stats.sentence;
      for (const part of sentenceParts) {
        for (const suffix of pluralSuffixes) {
          expect(messages[`${part}_${suffix}`], `${lang}: ${part}_${suffix}`).toMatch(/\{\{number\}\}/);
        }
      }
    }
  });
});
