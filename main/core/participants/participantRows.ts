import type { ColumnMapping, ImportField, ImportIssue } from '../../../shared/participantImport';
import { participantInput, type ParticipantInput, type ParticipantRole } from '../../../shared/participants';
import { foldKey, remembered } from './foldKey';
import { recogniseCountry } from './recogniseCountry';
import { recogniseGender } from './recogniseGender';
import { recogniseLanguage } from './recogniseLanguage';
import { recogniseOrgType } from './recogniseOrgType';
import { recogniseRole } from './recogniseRole';
import type { Spreadsheet } from './readSpreadsheet';

export interface ParticipantRow {
  /** The row's first line in the file (the header is line 1). */
  line: number;
  /** What would be stored; unrecognised values left empty. Meaningful only without errors. */
  input: ParticipantInput;
  issues: ImportIssue[];
  hasError: boolean;
}

/** participantInput's limit; the schema's final check would catch a drift. */
export const maxLanguages = 12;
const maxName = participantInput.shape.name.maxLength ?? 200;
const maxOrganisation = participantInput.shape.organisation.maxLength ?? 300;
const positionRule = participantInput.shape.position;
const emailRule = participantInput.shape.email;
/** Values quoted in issues are cut here: a preview of 25,000 rows must stay small. */
const maxIssueValue = 80;

const listSeparators = /[;,/|\n\r]+/;

/**
 * Our own export neutralises formulas with a leading apostrophe ('=x); taking it off again makes
 * an exported list import as it was. Nothing imported here is ever evaluated.
 */
function unneutralise(value: string): string {
  return value.startsWith("'") && /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

const clip = (value: string) => (value.length > maxIssueValue ? `${value.slice(0, maxIssueValue - 1)}…` : value);

/** Chinese, Japanese and Korean names put the family name first, with no space. */
const eastAsian = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

function joinName(given: string, family: string): string {
  if (given && family && eastAsian.test(given) && eastAsian.test(family)) return `${family}${given}`;
  return [given, family].filter(Boolean).join(' ');
}

/** Spanish lists mark gender H (hombre) and M (mujer); elsewhere M is male. H and M without F tells. */
function usesHombreMujer(sheet: Spreadsheet, column: number | null | undefined): boolean {
  if (column === null || column === undefined) return false;
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const value = foldKey(row[column] ?? '');
    if (value.length === 1) seen.add(value);
  }
  return seen.has('h') && seen.has('m') && !seen.has('f');
}

/**
 * Each data row as a participant, with what is wrong with it: a missing name, an invalid email,
 * or a value too long are errors (the import is refused); a country, organisation type, gender,
 * role or language that is not recognised is a warning, and the value is left out.
 */
export function participantRows(sheet: Spreadsheet, mapping: ColumnMapping): ParticipantRow[] {
  const hombreMujer = usesHombreMujer(sheet, mapping.gender);
  const unclosed = new Set(sheet.unclosedQuotes);
  // Columns of codes and words repeat a handful of values thousands of times.
  const country = remembered(recogniseCountry);
  const orgTypeOf = remembered(recogniseOrgType);
  const genderOf = remembered((value) => recogniseGender(value, hombreMujer));
  const roleOf = remembered(recogniseRole);
  const languageOf = remembered(recogniseLanguage);
  return sheet.rows.map((cells, index) => {
    const line = sheet.lines[index] ?? index + 2;
    const issues: ImportIssue[] = [];
    const issue = (severity: ImportIssue['severity'], field: ImportField | null, code: string, value?: string) =>
      issues.push({ line, severity, field, code, ...(value === undefined ? {} : { value: clip(value) }) });
    const cell = (field: ImportField): string => {
      const column = mapping[field];
      return column === null || column === undefined ? '' : unneutralise((cells[column] ?? '').trim());
    };
    const oneLine = (value: string) => value.replace(/\s+/g, ' ');

    if (unclosed.has(index)) issue('error', null, 'quotesUnclosed');
    const name = oneLine(cell('name') || joinName(cell('givenName'), cell('familyName')));
    if (!name) issue('error', 'name', 'nameMissing');
    else if (name.length > maxName) issue('error', 'name', 'tooLong', name);
    const organisation = oneLine(cell('organisation'));
    if (organisation.length > maxOrganisation) issue('error', 'organisation', 'tooLong', organisation);
    // One line: a break inside a cell becomes a space; other control characters are refused.
    const position = oneLine(cell('position'));
    const positionCheck = positionRule.safeParse(position);
    if (!positionCheck.success) {
      const code = positionCheck.error.issues[0]?.message.replace(/^validation\./, '') ?? 'invalid';
      issue('error', 'position', code, position);
    }

    const email = cell('email').replace(/^mailto:/i, '');
    if (email && !emailRule.safeParse(email).success) issue('error', 'email', 'emailInvalid', email);

    const orgTypeText = cell('orgType');
    const orgType = orgTypeText ? (orgTypeOf(orgTypeText) ?? null) : null;
    if (orgTypeText && !orgType) issue('warning', 'orgType', 'orgTypeUnknown', orgTypeText);
    const countryText = cell('country');
    const countryCode = countryText ? (country(countryText) ?? '') : '';
    if (countryText && !countryCode) issue('warning', 'country', 'countryUnknown', countryText);
    const genderText = cell('gender');
    const gender = genderText ? (genderOf(genderText) ?? null) : null;
    if (genderText && !gender) issue('warning', 'gender', 'genderUnknown', genderText);

    const roles = new Set<ParticipantRole>();
    for (const word of cell('roles').split(listSeparators)) {
      if (!word.trim()) continue;
      const role = roleOf(word.trim());
      if (role) roles.add(role);
      else issue('warning', 'roles', 'roleUnknown', word.trim());
    }
    const languages = new Set<string>();
    for (const word of cell('languages').split(listSeparators)) {
      if (!word.trim()) continue;
      const tag = languageOf(word.trim());
      if (tag) languages.add(tag);
      else issue('warning', 'languages', 'languageUnknown', word.trim());
    }
    if (languages.size > maxLanguages) issue('warning', 'languages', 'tooLong', cell('languages'));

    const input: ParticipantInput = {
      name,
      organisation,
      position,
      orgType,
      country: countryCode,
      gender,
      roles: [...roles],
      email: email && issues.every((i) => i.code !== 'emailInvalid') ? email : '',
      languages: [...languages].slice(0, maxLanguages),
    };
    let hasError = issues.some((i) => i.severity === 'error');
    if (!hasError) {
      // The form's own schema has the last word, so an imported row is never something the form would refuse.
      const checked = participantInput.safeParse(input);
      if (!checked.success) {
        for (const problem of checked.error.issues) {
          const field = String(problem.path[0] ?? '');
          issue('error', (importFieldOf[field] ?? null), problem.message.replace(/^validation\./, ''));
        }
        hasError = true;
      }
    }
    return { line, input, issues, hasError };
  });
}

const importFieldOf: Record<string, ImportField> = {
  name: 'name',
  organisation: 'organisation',
  position: 'position',
  orgType: 'orgType',
  country: 'country',
  gender: 'gender',
  roles: 'roles',
  email: 'email',
  languages: 'languages',
};
