import { explanationPlacements } from '../../../shared/decisions';
import fs from 'node:fs';
import path from 'node:path';
import { compilationFormats, compilationScopes } from '../../../shared/compilation';
import { agendaFormats, exportVariants, outcomeFormats, paperSizes, participantFormats } from '../../../shared/exports';
import type { CommandInput } from '../../../shared/ipc';
import { languageTagPattern } from '../../../shared/languages';
import { documentId as documentIdSchema } from '../../../shared/outcome';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import type { CliCommand, CliOption } from './cliCommands';
import { dbOption as db, forumOption as forum, privateFileMode } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';
import { issuanceSymbol } from '../../../shared/issuances';

type Values = Record<string, string | boolean | undefined>;

const out: CliOption = { name: 'out', type: 'string', description: 'the file to write' };
const paper: CliOption = { name: 'paper', type: 'string', description: 'a4 (default) or letter' };
const oneLanguage: CliOption = { name: 'lang', type: 'string', description: "a working language of the forum, such as es (default: the forum's source language)" };
const extensions: Record<string, string> = { '.docx': 'docx', '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.csv': 'csv' };
const annexNames = ['participation', 'provenance', 'decisions'] as const;

/** The file can be written: its folder exists and takes files, and it is not itself a folder. */
function checkOut(values: Values): string {
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('Say where to write the file with --out FILE.');
  const file = path.resolve(values.out);
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new UsageError(`--out ${values.out} is a folder: name the file to write in it.`);
  const folder = path.dirname(file);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out: there is no folder ${folder}.`);
  try {
    fs.accessSync(existing ? file : folder, fs.constants.W_OK);
  } catch {
    throw new UsageError(`--out: ${existing ? file : folder} cannot be written to.`);
  }
  return values.out;
}

/** --format, or what --out ends with; one of `allowed`. */
function formatOf<T extends string>(values: Values, allowed: readonly T[]): T {
  const given = typeof values.format === 'string' ? values.format : extensions[path.extname(String(values.out ?? '')).toLowerCase()];
  if (given === undefined) throw new UsageError(`Say which format with --format ${allowed.join('|')}.`);
  if (!(allowed as readonly string[]).includes(given)) {
    throw new UsageError(`--format must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1) ?? ''}, not "${given}".`);
  }
  return given as T;
}

function choice<T extends string>(values: Values, name: string, allowed: readonly T[], fallback: T): T {
  const given = values[name];
  if (given === undefined) return fallback;
  if (typeof given !== 'string' || !(allowed as readonly string[]).includes(given)) {
    throw new UsageError(`--${name} must be ${allowed.join(' or ')}, not "${String(given)}".`);
  }
  return given as T;
}

/** --lang as a list of language tags ("en,zh": parallel columns), or none when left out. */
function languagesOf(values: Values, many: boolean): string[] | undefined {
  if (values.lang === undefined) return undefined;
  const languages = String(values.lang).split(',').map((lang) => lang.trim());
  const bad = languages.find((lang) => !languageTagPattern.test(lang));
  if (bad !== undefined) throw new UsageError(`--lang: "${bad}" is not a language code such as en, zh or es.`);
  if (!many && languages.length > 1) throw new UsageError('--lang takes one language here, such as --lang es.');
  if (new Set(languages).size !== languages.length) throw new UsageError('--lang names a language twice.');
  if (languages.length > 6) throw new UsageError('--lang takes at most six languages.');
  return languages;
}

function annexesOf(values: Values): { participation: boolean; provenance: boolean; decisions: boolean } {
  const names = typeof values.annexes === 'string' ? values.annexes.split(',').map((a) => a.trim()).filter(Boolean) : [];
  const unknown = names.find((name) => !(annexNames as readonly string[]).includes(name));
  if (unknown !== undefined) throw new UsageError(`--annexes: "${unknown}" is not an annex; the annexes are ${annexNames.join(', ')}.`);
  return { participation: names.includes('participation'), provenance: names.includes('provenance'), decisions: names.includes('decisions') };
}

/** The languages asked for, each a working language of the forum; its source language by default. */
function workingLanguages(values: Values, languages: readonly string[], sourceLanguage: string, many: boolean): string[] {
  const asked = languagesOf(values, many) ?? [sourceLanguage];
  const foreign = asked.filter((lang) => !languages.includes(lang));
  if (foreign.length) throw new UsageError(`--lang: ${foreign.join(', ')} is not a working language of the forum (${languages.join(', ')}).`);
  return asked;
}

type ExportCommand = 'export:outcome' | 'export:agenda' | 'export:participants' | 'export:participation' | 'export:compilation';

/** Runs the export through the contract and writes the file only once it is whole. */
async function exportTo<K extends ExportCommand>(ctx: CoreContext, name: K, input: CommandInput<K>, file: string, say: (line: string) => void, hint = ''): Promise<number> {
  let exported;
  try {
    exported = await invoke(ctx, name, input);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    throw new Error(`Nothing was written. ${error.message}${error.code === 'translations_missing' ? hint : ''}`);
  }
  fs.writeFileSync(file, Buffer.from(exported.data, 'base64'), { mode: privateFileMode });
  say(`Wrote ${file} (${exported.bytes.toLocaleString('en-GB')} bytes; suggested name ${exported.fileName}).`);
  return 0;
}

const outcomeOptions: CliOption[] = [
  { name: 'format', type: 'string', description: 'docx, pdf, md or html (default: what --out ends with)' },
  { name: 'lang', type: 'string', description: 'a working language, or several separated by commas for parallel columns (en,zh)' },
  { name: 'variant', type: 'string', description: 'clean (default) or amendments (open amendments, statuses, stances)' },
  { name: 'annexes', type: 'string', description: 'participation, provenance, decisions, or several separated by commas' },
  { name: 'explanations', type: 'string', description: 'footnotes (default) or annex: where explanations of vote and reservations print' },
  { name: 'fallback', type: 'boolean', description: 'print the source text, marked, where a translation is missing' },
  { name: 'compare-to', type: 'string', description: 'an earlier issuance (symbol or id, see `outcome issuances`): show the changes since it as tracked changes' },
  paper,
  out,
];

function checkDocumentOption(values: Values): void {
  if (values.document !== undefined && !documentIdSchema.safeParse(values.document).success) {
    throw new UsageError(`--document must be a document id (see \`plenary documents list\`), not "${String(values.document)}".`);
  }
}

/** --compare-to: an issuance's symbol or id, one printable line (checked again against the forum's issuances). */
function compareToOf(values: Values): string | undefined {
  if (values['compare-to'] === undefined) return undefined;
  const parsed = issuanceSymbol.safeParse(values['compare-to']);
  if (typeof values['compare-to'] !== 'string' || !parsed.success) throw new UsageError('--compare-to takes the symbol or id of an issuance of the document (see `plenary outcome issuances`).');
  return parsed.data;
}

function validateOutcome(values: Values): void {
  checkOut(values);
  checkForumOption(values);
  formatOf(values, outcomeFormats);
  languagesOf(values, true);
  choice(values, 'variant', exportVariants, 'clean');
  choice(values, 'paper', paperSizes, 'a4');
  annexesOf(values);
  choice(values, 'explanations', explanationPlacements, 'footnotes');
  compareToOf(values);
  checkDocumentOption(values);
}

/** Exports one document of the forum, whatever its kind: the same path for `export outcome` and `export document`. */
async function exportDocument(ctx: CoreContext, values: Values, say: (line: string) => void, forum: { id: string; languages: string[]; sourceLanguage: string }, documentId: string) {
  const file = checkOut(values);
  const input = {
    documentId,
    format: formatOf(values, outcomeFormats),
    languages: workingLanguages(values, forum.languages, forum.sourceLanguage, true),
    variant: choice(values, 'variant', exportVariants, 'clean'),
    annexes: annexesOf(values),
    explanations: choice(values, 'explanations', explanationPlacements, 'footnotes'),
    fallback: values.fallback === true,
    paper: choice(values, 'paper', paperSizes, 'a4'),
    ...(compareToOf(values) === undefined ? {} : { compareTo: compareToOf(values) }),
  };
  return exportTo(ctx, 'export:outcome', input, file, say, ' Translate them first, or add --fallback to print the source text, marked, in their place.');
}

/** The forum's document asked for with --document, else its first outcome document. */
async function chosenDocument(ctx: CoreContext, values: Values, forumId: string): Promise<string> {
  const documents = await invoke(ctx, 'outcome:list', { forumId });
  const documentId = typeof values.document === 'string' ? values.document : documents[0]?.id;
  if (documentId === undefined) throw new Error('Nothing was written: this forum has no outcome document yet.');
  if (!documents.some((d) => d.id === documentId)) {
    throw new UsageError(`--document: the forum has no outcome document ${documentId}; it has ${documents.map((d) => d.id).join(', ')}.`);
  }
  return documentId;
}

export const exportCommands: CliCommand[] = [
  {
    name: 'export outcome',
    summary: 'write the outcome document as Word, PDF, Markdown or HTML, in one language or parallel columns',
    options: [db, forum, { name: 'document', type: 'string', description: "the document's id (default: the forum's first outcome document)" }, ...outcomeOptions],
    readOnly: true,
    validate: validateOutcome,
    async run(ctx, values, say) {
      const resolved = await resolveForum(ctx, values.forum);
      return exportDocument(ctx, values, say, resolved, await chosenDocument(ctx, values, resolved.id));
    },
  },
  {
    name: 'export document',
    summary: 'write any document of a forum (consensus, concept note, letter, session report…) as Word, PDF, Markdown or HTML',
    options: [db, { name: 'document', type: 'string', description: 'the document\'s id (see `documents list`)' }, ...outcomeOptions],
    readOnly: true,
    validate(values) {
      if (values.document === undefined) throw new UsageError('Say which document with --document ID (see `plenary documents list`).');
      validateOutcome(values);
    },
    async run(ctx, values, say) {
      const documentId = String(values.document);
      const forums = await invoke(ctx, 'forums:list', {});
      for (const candidate of forums) {
        const documents = await invoke(ctx, 'outcome:list', { forumId: candidate.id });
        if (documents.some((d) => d.id === documentId)) return exportDocument(ctx, values, say, candidate, documentId);
      }
      throw new UsageError(`--document: there is no document ${documentId} in this database (see \`plenary documents list\`).`);
    },
  },
  {
    name: 'export compilation',
    summary: 'write the compilation text (each paragraph, its proposals, who proposed, supported and objected, the rationale) as Word, HTML or Markdown',
    options: [
      db,
      forum,
      { name: 'document', type: 'string', description: "the document's id (default: the forum's first outcome document)" },
      { name: 'format', type: 'string', description: 'docx, html or md (default: what --out ends with)' },
      oneLanguage,
      { name: 'amendments', type: 'string', description: 'all (default: decided ones marked accepted, rejected or withdrawn) or open' },
      out,
    ],
    readOnly: true,
    validate(values) {
      checkOut(values);
      checkForumOption(values);
      formatOf(values, compilationFormats);
      languagesOf(values, false);
      choice(values, 'amendments', compilationScopes, 'all');
      checkDocumentOption(values);
    },
    async run(ctx, values, say) {
      const file = checkOut(values);
      const resolved = await resolveForum(ctx, values.forum);
      const documentId = await chosenDocument(ctx, values, resolved.id);
      const [lang = resolved.sourceLanguage] = workingLanguages(values, resolved.languages, resolved.sourceLanguage, false);
      const input = { documentId, format: formatOf(values, compilationFormats), lang, amendments: choice(values, 'amendments', compilationScopes, 'all') };
      return exportTo(ctx, 'export:compilation', input, file, say);
    },
  },
  {
    name: 'export agenda',
    summary: 'write the agenda in one language as Word, PDF or HTML',
    options: [db, forum, { name: 'format', type: 'string', description: 'docx, pdf or html (default: what --out ends with)' }, oneLanguage, paper, out],
    readOnly: true,
    validate(values) {
      checkOut(values);
      checkForumOption(values);
      formatOf(values, agendaFormats);
      languagesOf(values, false);
      choice(values, 'paper', paperSizes, 'a4');
    },
    async run(ctx, values, say) {
      const file = checkOut(values);
      const { id, languages, sourceLanguage } = await resolveForum(ctx, values.forum);
      const [lang = sourceLanguage] = workingLanguages(values, languages, sourceLanguage, false);
      const input = { forumId: id, format: formatOf(values, agendaFormats), lang, paper: choice(values, 'paper', paperSizes, 'a4') };
      return exportTo(ctx, 'export:agenda', input, file, say);
    },
  },
  {
    name: 'export participants',
    summary: 'write the participant list as a Word table (in one language) or CSV',
    options: [db, forum, { name: 'format', type: 'string', description: 'docx or csv (default: what --out ends with)' }, oneLanguage, out],
    readOnly: true,
    validate(values) {
      checkOut(values);
      checkForumOption(values);
      formatOf(values, participantFormats);
      languagesOf(values, false);
    },
    async run(ctx, values, say) {
      const file = checkOut(values);
      const { id, languages, sourceLanguage } = await resolveForum(ctx, values.forum);
      const [lang = sourceLanguage] = workingLanguages(values, languages, sourceLanguage, false);
      return exportTo(ctx, 'export:participants', { forumId: id, format: formatOf(values, participantFormats), lang }, file, say);
    },
  },
  {
    name: 'export participation',
    summary: 'write the participation figures (country, organisation type, gender, session) as Word tables',
    options: [db, forum, oneLanguage, out],
    readOnly: true,
    validate(values) {
      checkOut(values);
      checkForumOption(values);
      languagesOf(values, false);
    },
    async run(ctx, values, say) {
      const file = checkOut(values);
      const { id, languages, sourceLanguage } = await resolveForum(ctx, values.forum);
      const [lang = sourceLanguage] = workingLanguages(values, languages, sourceLanguage, false);
      return exportTo(ctx, 'export:participation', { forumId: id, lang }, file, say);
    },
  },
];
