import fs from 'node:fs';
import { importFields, maxParticipantFileBytes, type ColumnMapping, type ImportField, type ParticipantImportPreview } from '../../../shared/participantImport';
import { invoke } from '../commands/invoke';
import { CoreError } from '../errors';
import { foldForMatching } from '../participants/foldForMatching';
import type { CliCommand } from './cliCommands';
import { dbOption as db, forumOption, jsonOption as json, privateFileMode } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

const forum = forumOption;

/** --mapping: fields to a 0-based column number, a column's header, or null for none. */
type MappingOption = Partial<Record<ImportField, number | string | null>>;

function parseMapping(text: string): MappingOption {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--mapping is not valid JSON (${(error as Error).message}). Example: --mapping '{"email": 3, "name": "Full name"}'.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--mapping must be a JSON object, such as \'{"email": 3, "country": "Pays", "gender": null}\'.');
  }
  const mapping: MappingOption = {};
  for (const [field, column] of Object.entries(value)) {
    if (!(importFields as readonly string[]).includes(field)) {
      throw new UsageError(`--mapping names an unknown field "${field}"; the fields are ${importFields.join(', ')}.`);
    }
    const valid = column === null || typeof column === 'string' || (typeof column === 'number' && Number.isInteger(column) && column >= 0);
    if (!valid) throw new UsageError(`--mapping: ${field} must be a column number from 0, a column's header, or null.`);
    mapping[field as ImportField] = column as number | string | null;
  }
  return mapping;
}

/** Header names turned into column numbers, exactly as written or with case and accents folded. */
function resolveHeaders(option: MappingOption, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, column] of Object.entries(option) as Array<[ImportField, number | string | null]>) {
    if (typeof column === 'number' && column >= headers.length) {
      throw new UsageError(`--mapping gives column ${column} to ${field}, but the file has ${headers.length} columns (numbered 0 to ${headers.length - 1}).`);
    }
    if (typeof column !== 'string') {
      mapping[field] = column;
      continue;
    }
    let index = headers.indexOf(column);
    if (index === -1) index = headers.findIndex((h) => foldForMatching(h) === foldForMatching(column));
    if (index === -1) {
      throw new UsageError(`--mapping: no column is headed "${column}". The columns are ${headers.map((h) => `'${h}'`).join(', ')}.`);
    }
    mapping[field] = index;
  }
  return mapping;
}

const problems: Record<string, string> = {
  nameMissing: 'no name',
  emailInvalid: 'not a valid email address',
  countryUnknown: 'country not recognised (left empty)',
  orgTypeUnknown: 'organisation type not recognised (left empty)',
  genderUnknown: 'gender not recognised (left empty)',
  roleUnknown: 'role not recognised (left out)',
  languageUnknown: 'language not recognised (left out)',
  tooLong: 'too long',
  quotesUnclosed: 'a quote opened on this line is never closed, so the rest of the file was read into this row',
};

const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };
const shownIssues = 50;

export function describeImportPreview(file: string, preview: ParticipantImportPreview): string[] {
  const { counts } = preview;
  const how =
    preview.format === 'csv'
      ? `CSV, ${preview.encoding?.toUpperCase() ?? ''}, ${delimiterNames[preview.delimiter ?? ''] ?? preview.delimiter ?? ''}-separated`
      : 'Excel workbook';
  const fieldsOf = (column: number) =>
    importFields.filter((f) => preview.mapping[f] === column).join(', ') || 'not imported';
  const lines = [
    `${file}: ${how}, ${counts.rows} rows`,
    'Columns:',
    ...preview.headers.map((header, column) => `  Column '${header}' -> ${fieldsOf(column)}`),
    `Would add ${counts.toCreate}, merge ${counts.toMerge}, skip ${counts.toSkip} (${counts.duplicates} duplicates). Rows with errors: ${counts.withErrors}; with warnings: ${counts.withWarnings}.`,
  ];
  if (preview.issues.length) lines.push('Problems:');
  for (const issue of preview.issues.slice(0, shownIssues)) {
    const value = issue.value === undefined ? '' : ` ("${issue.value}")`;
    lines.push(`  line ${issue.line}: ${issue.severity}: ${issue.field ? `${issue.field}: ` : ''}${problems[issue.code] ?? issue.code}${value}`);
  }
  const hidden = Math.max(0, preview.issues.length - shownIssues);
  if (hidden) lines.push(`  … and ${hidden} more (see --json)`);
  if (preview.duplicates.length) lines.push('Duplicates:');
  for (const d of preview.duplicates.slice(0, shownIssues)) {
    const same =
      d.reason === 'email'
        ? 'same email as'
        : d.reason === 'nameOrganisation'
          ? 'same name and organisation as'
          : `same name and organisation, another email (${d.confirmed ? 'confirmed the same person' : 'to check: added as another person; --same-person to confirm'}) as`;
    const other = d.otherLine !== null ? `line ${d.otherLine}` : `a listed participant (${d.existingId ?? ''})`;
    lines.push(`  line ${d.line}: ${d.name}: ${same} ${other}`);
  }
  const hiddenDuplicates = Math.max(0, counts.duplicates - shownIssues);
  if (hiddenDuplicates) lines.push(`  … and ${hiddenDuplicates} more (see --json)`);
  return lines;
}

/** --same-person: line numbers of the file, "4,9". */
function sameLines(value: string | boolean): number[] {
  const parts = String(value).split(',').map((part) => part.trim());
  if (parts.some((part) => !/^[1-9][0-9]{0,6}$/.test(part))) {
    throw new UsageError(`--same-person takes line numbers of the file separated by commas (e.g. 4,9), not "${String(value)}".`);
  }
  return parts.map(Number);
}

function readFile(file: string): string {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new UsageError(`There is no file at ${file}.`);
  }
  // Checked before reading: a 100 MB file is refused without being loaded.
  if (size > maxParticipantFileBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
    throw new UsageError(`${file} is ${mb(size)}; the limit is ${mb(maxParticipantFileBytes)}. Split the list into smaller files.`);
  }
  return fs.readFileSync(file).toString('base64');
}

/** --format, or xlsx when --out ends with .xlsx, or csv. */
function exportFormatOf(values: Record<string, string | boolean | undefined>): 'csv' | 'xlsx' {
  if (values.format === undefined) return typeof values.out === 'string' && /\.xlsx$/i.test(values.out) ? 'xlsx' : 'csv';
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx, not "${String(values.format)}".`);
  return values.format;
}

export const participantCommands: CliCommand[] = [
  {
    name: 'participants import',
    summary: 'import participants from a CSV file or an .xlsx workbook: all rows or none',
    options: [
      db,
      forum,
      { name: 'mapping', type: 'string', description: 'JSON: fields to columns, by number from 0 or by header, e.g. \'{"email": 3, "name": "Full name"}\'' },
      { name: 'duplicates', type: 'string', description: 'skip (default) or merge rows matching someone listed' },
      { name: 'same-person', type: 'string', description: 'lines (e.g. 4,9) that are the same person as their match despite another email' },
      { name: 'dry-run', type: 'boolean', description: 'show what would be imported, write nothing' },
      json,
    ],
    files: { min: 1, label: 'file' },
    // It writes, but only into a forum that exists: a mistyped --db must not create an empty database.
    mustExist: true,
    validate(values) {
      if (values.duplicates !== undefined && values.duplicates !== 'skip' && values.duplicates !== 'merge') {
        throw new UsageError(`--duplicates must be skip or merge, not "${String(values.duplicates)}".`);
      }
      if (typeof values.mapping === 'string') parseMapping(values.mapping);
      if (values['same-person'] !== undefined) sameLines(values['same-person']);
      checkForumOption(values);
    },
    async run(ctx, values, out, files) {
      if (files.length > 1) throw new UsageError('Name one file to import.');
      const file = files[0] ?? '';
      const data = readFile(file);
      const forum = await resolveForum(ctx, values.forum);
      const option = typeof values.mapping === 'string' ? parseMapping(values.mapping) : undefined;
      const request = (mapping?: ColumnMapping) => ({
        forumId: forum.id,
        file: { fileName: file.split(/[\\/]/).pop() || file, data },
        duplicates: values.duplicates === 'merge' ? ('merge' as const) : ('skip' as const),
        ...(values['same-person'] !== undefined ? { samePerson: sameLines(values['same-person']) } : {}),
        ...(mapping ? { mapping } : {}),
      });
      let preview = await invoke(ctx, 'participants:importPreview', request());
      const mapping = option && resolveHeaders(option, preview.headers);
      if (mapping) preview = await invoke(ctx, 'participants:importPreview', request(mapping));
      const refused = preview.counts.withErrors > 0;
      if (values['dry-run']) {
        if (values.json) out(JSON.stringify({ preview, imported: null }, null, 2));
        else out([...describeImportPreview(file, preview), refused ? 'Dry run: nothing was written. The import would be refused while rows have errors.' : 'Dry run: nothing was written.'].join('\n'));
        return refused ? 1 : 0;
      }
      if (!values.json) out(describeImportPreview(file, preview).join('\n'));
      let imported;
      try {
        imported = await invoke(ctx, 'participants:import', request(mapping));
      } catch (error) {
        if (!(error instanceof CoreError)) throw error;
        const { code, message, issues } = error;
        if (values.json) out(JSON.stringify({ preview, imported: null, error: issues ? { code, message, issues } : { code, message } }, null, 2));
        else out(`Not imported. ${message}`);
        return 1;
      }
      if (values.json) out(JSON.stringify({ preview, imported, error: null }, null, 2));
      else out(`Imported: ${imported.created} added, ${imported.merged} merged, ${imported.skipped} skipped.`);
      return 0;
    },
  },
  {
    name: 'participants export',
    summary: 'write the participant list as CSV (to the screen or a file) or as an .xlsx workbook',
    options: [
      db,
      forum,
      { name: 'format', type: 'string', description: 'csv (default, or what --out ends with) or xlsx' },
      { name: 'out', type: 'string', description: 'the file to write (CSV goes to the screen without it)' },
    ],
    readOnly: true,
    validate(values) {
      if (exportFormatOf(values) === 'xlsx' && typeof values.out !== 'string') {
        throw new UsageError('An .xlsx workbook cannot be shown on screen: say where to write it with --out FILE.');
      }
      checkForumOption(values);
    },
    async run(ctx, values, out) {
      const format = exportFormatOf(values);
      const forum = await resolveForum(ctx, values.forum);
      const exported = await invoke(ctx, 'participants:export', { forumId: forum.id, format });
      const bytes = Buffer.from(exported.data, 'base64');
      if (typeof values.out !== 'string') {
        out(bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r?\n$/, ''));
        return 0;
      }
      fs.writeFileSync(values.out, bytes, { mode: privateFileMode });
      out(`Wrote ${exported.rows} participants to ${values.out} (${format === 'xlsx' ? 'Excel workbook' : 'CSV'}).`);
      return 0;
    },
  },
  {
    name: 'participants erase',
    summary: 'erase a participant’s personal data for good, here and on every laptop the erasure reaches',
    options: [db, { name: 'id', type: 'string', description: 'the participant’s id (`plenary search NAME --json` shows it)' }, { name: 'confirm', type: 'boolean', description: 'say you mean it: there is no undo' }],
    mustExist: true,
    validate(values) {
      if (typeof values.id !== 'string') throw new UsageError('Say whose data to erase with --id ID.');
      if (values.confirm !== true) throw new UsageError('Erasing cannot be undone: add --confirm to go ahead.');
    },
    async run(ctx, values, out) {
      const { id } = await invoke(ctx, 'participants:erase', { id: String(values.id) });
      out(`Erased the personal data of participant ${id}. Bundles made from now on carry none of it, and laptops that import them erase it too.`);
      return 0;
    },
  },
];
