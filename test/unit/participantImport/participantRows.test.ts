import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../shared/participantImport';
import { participantRows } from '../../../main/core/participants/participantRows';
import type { Spreadsheet } from '../../../main/core/participants/readSpreadsheet';
import { recogniseGender } from '../../../main/core/participants/recogniseGender';
import { recogniseLanguage } from '../../../main/core/participants/recogniseLanguage';
import { recogniseOrgType } from '../../../main/core/participants/recogniseOrgType';
import { recogniseRole } from '../../../main/core/participants/recogniseRole';

const columns = ['name', 'organisation', 'orgType', 'country', 'gender', 'roles', 'email', 'languages'] as const;
const mapping: ColumnMapping = Object.fromEntries(columns.map((field, i) => [field, i]));

function sheet(rows: string[][]): Spreadsheet {
  return {
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    headers: [...columns],
    rows,
    lines: rows.map((_, i) => i + 2),
    unclosedQuotes: [],
  };
}

describe('recognising values written in any of the six languages', () => {
  it.each([
    ['Kenya', 'KE'], ['KEN', 'KE'], ['ke', 'KE'],
    ['Kenia', 'KE'], ['Кения', 'KE'], ['肯尼亚', 'KE'], ['كينيا', 'KE'],
    ['France', 'FR'], ['Francia', 'FR'], ['Франция', 'FR'], ['法国', 'FR'], ['فرنسا', 'FR'],
    ['Mexique', 'MX'], ['México', 'MX'], ['Мексика', 'MX'], ['墨西哥', 'MX'], ['المكسيك', 'MX'],
    ['Côte d’Ivoire', 'CI'], ['cote d ivoire', 'CI'], ['Sénégal', 'SN'], ['China', 'CN'], ['Chine', 'CN'], ['Китай', 'CN'], ['中国', 'CN'], ['الصين', 'CN'],
  ])('country %s is %s', (value, code) => {
    const [row] = participantRows(sheet([['Ana', '', '', value, '', '', '', '']]), mapping);
    expect(row?.input.country).toBe(code);
    expect(row?.issues).toEqual([]);
  });

  it.each([
    ['Government', 'government'], ['Gobierno', 'government'], ['政府', 'government'], ['حكومة', 'government'], ['Gouvernement', 'government'], ['Правительство', 'government'],
    ['UN', 'un_international'], ['Naciones Unidas', 'un_international'], ['ООН', 'un_international'], ['联合国', 'un_international'], ['منظمة دولية', 'un_international'],
    ['NGO', 'civil_society'], ['ONG', 'civil_society'], ['Société civile', 'civil_society'], ['民间社会', 'civil_society'], ['المجتمع المدني', 'civil_society'], ['НКО', 'civil_society'],
    ['University', 'academia'], ['Universidad', 'academia'], ['学术界', 'academia'], ['Университет', 'academia'], ['جامعة', 'academia'],
    ['Local government', 'local_government'], ['Collectivité locale', 'local_government'], ['Municipio', 'local_government'], ['地方政府', 'local_government'], ['بلدية', 'local_government'], ['Муниципалитет', 'local_government'],
    ['Private sector', 'private_sector'], ['Secteur privé', 'private_sector'], ['Empresa', 'private_sector'], ['私营部门', 'private_sector'], ['القطاع الخاص', 'private_sector'], ['Бизнес', 'private_sector'],
    ['Media', 'media'], ['Médias', 'media'], ['Prensa', 'media'], ['СМИ', 'media'], ['媒体', 'media'], ['وسائل الإعلام', 'media'],
    ['Other', 'other'], ['autre', 'other'], ['其他', 'other'], ['private_sector', 'private_sector'],
  ])('organisation type %s is %s', (value, type) => {
    expect(recogniseOrgType(value)).toBe(type);
  });

  it.each([
    ['F', 'female'], ['M', 'male'], ['Femme', 'female'], ['Homme', 'male'], ['Mujer', 'female'], ['Hombre', 'male'],
    ['女', 'female'], ['男', 'male'], ['Женский', 'female'], ['мужчина', 'male'], ['أنثى', 'female'], ['ذكر', 'male'],
    ['Prefer not to say', 'undisclosed'], ['Préfère ne pas répondre', 'undisclosed'], ['Prefiere no decirlo', 'undisclosed'],
    ['Предпочитаю не указывать', 'undisclosed'], ['不愿透露', 'undisclosed'], ['أفضل عدم الإفصاح', 'undisclosed'],
    ['Non-binary', 'other'], ['Autre', 'other'], ['female', 'female'],
  ])('gender %s is %s', (value, gender) => {
    expect(recogniseGender(value)).toBe(gender);
  });

  it('reads M as mujer in a column of H and M', () => {
    const rows = participantRows(sheet([['Ana', '', '', '', 'M', '', '', ''], ['Luis', '', '', '', 'H', '', '', '']]), mapping);
    expect(rows.map((r) => r.input.gender)).toEqual(['female', 'male']);
    const english = participantRows(sheet([['Ana', '', '', '', 'F', '', '', ''], ['Luis', '', '', '', 'M', '', '', '']]), mapping);
    expect(english.map((r) => r.input.gender)).toEqual(['female', 'male']);
  });

  it.each([
    ['Speaker', 'speaker'], ['Ponente', 'speaker'], ['Intervenante', 'speaker'], ['Оратор', 'speaker'], ['发言人', 'speaker'], ['متحدث', 'speaker'],
    ['Chair', 'chair'], ['Présidente', 'chair'], ['Председатель', 'chair'], ['主席', 'chair'], ['رئيس', 'chair'],
    ['Rapporteur', 'rapporteur'], ['Relatora', 'rapporteur'], ['Докладчик', 'rapporteur'], ['报告员', 'rapporteur'], ['مقرر', 'rapporteur'],
    ['Moderator', 'moderator'], ['Moderadora', 'moderator'], ['主持人', 'moderator'], ['Organizer', 'organiser'], ['Participante', 'participant'],
  ])('role %s is %s', (value, role) => {
    expect(recogniseRole(value)).toBe(role);
  });

  it.each([
    ['en', 'en'], ['EN', 'en'], ['pt-BR', 'pt-BR'], ['pt_br', 'pt-BR'], ['fra', 'fr'],
    ['English', 'en'], ['anglais', 'en'], ['Inglés', 'en'], ['английский', 'en'], ['英语', 'en'], ['الإنجليزية', 'en'],
    ['Français', 'fr'], ['Español', 'es'], ['中文', 'zh'], ['العربية', 'ar'], ['Русский', 'ru'], ['Kiswahili', 'sw'], ['Deutsch', 'de'],
  ])('language %s is %s', (value, tag) => {
    expect(recogniseLanguage(value)).toBe(tag);
  });
});

describe('turning rows into participants', () => {
  it('splits roles and languages on ; , / and |, drops repeats, and warns about what it cannot read', () => {
    const [row] = participantRows(
      sheet([['Ana Lima', 'Prefeitura', 'Atlantis Council', 'Atlantis', 'Sometimes', 'speaker; chair / Ponente | juggler', 'ana@example.br', 'pt, en/Klingon']]),
      mapping,
    );
    expect(row?.input).toEqual({
      name: 'Ana Lima',
      organisation: 'Prefeitura',
      position: '',
      orgType: null,
      country: '',
      gender: null,
      roles: ['speaker', 'chair'],
      email: 'ana@example.br',
      languages: ['pt', 'en'],
    });
    expect(row?.hasError).toBe(false);
    expect(row?.issues.map((i) => [i.severity, i.field, i.code, i.value])).toEqual([
      ['warning', 'orgType', 'orgTypeUnknown', 'Atlantis Council'],
      ['warning', 'country', 'countryUnknown', 'Atlantis'],
      ['warning', 'gender', 'genderUnknown', 'Sometimes'],
      ['warning', 'roles', 'roleUnknown', 'juggler'],
      ['warning', 'languages', 'languageUnknown', 'Klingon'],
    ]);
  });

  it('makes a missing name, an invalid email and an over-long value errors, with their lines', () => {
    const rows = participantRows(
      sheet([
        ['', 'WHO', '', '', '', '', 'who@example.org', ''],
        ['Ben', '', '', '', '', '', 'ben(at)example.org', ''],
        ['x'.repeat(201), '', '', '', '', '', '', ''],
        ['Cleo', 'o'.repeat(301), '', '', '', '', '', ''],
      ]),
      mapping,
    );
    expect(rows.map((r) => [r.line, r.hasError, r.issues.map((i) => `${i.severity}:${i.field}:${i.code}`)])).toEqual([
      [2, true, ['error:name:nameMissing']],
      [3, true, ['error:email:emailInvalid']],
      [4, true, ['error:name:tooLong']],
      [5, true, ['error:organisation:tooLong']],
    ]);
    expect(rows[2]?.issues[0]?.value).toHaveLength(80);
  });

  it('joins given and family names, family first for Chinese names', () => {
    const parts: ColumnMapping = { givenName: 0, familyName: 1 };
    const rows = participantRows(sheet([['Marie', 'Dupont'], ['小明', '王'], ['', 'Okafor'], ['', '']]), parts);
    expect(rows.map((r) => r.input.name)).toEqual(['Marie Dupont', '王小明', 'Okafor', '']);
    expect(rows[3]?.issues[0]?.code).toBe('nameMissing');
  });

  it('tidies what spreadsheets add: spaces, line breaks, mailto: and the export’s formula guard', () => {
    const [row] = participantRows(sheet([["  '=Ana\r\n Lima ", ' UN\nHabitat ', '', '', '', '', 'mailto:ana@example.org', '']]), mapping);
    expect(row?.input).toMatchObject({ name: '=Ana Lima', organisation: 'UN Habitat', email: 'ana@example.org' });
  });

  it('keeps at most twelve languages, with a warning', () => {
    const many = 'en, fr, es, ar, zh, ru, pt, de, it, sw, hi, ja, ko, tr';
    const [row] = participantRows(sheet([['Ana', '', '', '', '', '', '', many]]), mapping);
    expect(row?.input.languages).toHaveLength(12);
    expect(row?.issues.map((i) => i.code)).toEqual(['tooLong']);
    expect(row?.hasError).toBe(false);
  });
});
