import type { Database } from 'better-sqlite3';
import type { CompilationExportInput } from '../../../shared/compilation';
import type { ExportProgress, OutcomeExportInput, PaperSize } from '../../../shared/exports';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import { exportParticipants } from '../participants/exportParticipants';
import { liveDocument } from '../store/outcomeDocuments';
import { getForum } from '../store/forums';
import { exportFileName, slugOf } from './exportFileName';
import { writers } from './exportWriters';
import { checkIssuanceJob, comparedIssuance, comparedModel, produceIssuance, type IssuanceJobInput } from '../issuances/issuanceExport';

/** One export, as the handlers receive it (less the progress id): what runs in the worker. */
export type ExportJob =
  | { kind: 'outcome'; input: Omit<OutcomeExportInput, 'exportId'> }
  | { kind: 'agenda'; input: { forumId: string; format: 'docx' | 'pdf' | 'html'; lang: string; paper: PaperSize } }
  | { kind: 'participants'; input: { forumId: string; format: 'docx' | 'csv'; lang: string } }
  | { kind: 'participation'; input: { forumId: string; lang: string } }
  | { kind: 'compilation'; input: Omit<CompilationExportInput, 'exportId'> }
  | { kind: 'issuance'; input: IssuanceJobInput };

/** A finished file, or (for PDF) the print-styled page the host prints with its own printer. */
export type Produced =
  | { kind: 'file'; fileName: string; mimeType: string; bytes: Uint8Array }
  | { kind: 'print'; fileName: string; html: string; paper: PaperSize };

export type ReportProgress = (progress: ExportProgress) => void;

export const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
} as const;

const text = (value: string) => new TextEncoder().encode(value);

/** Whether the job ends in the host's PDF printer. */
export function printsPdf(job: ExportJob): boolean {
  return (job.kind === 'outcome' || job.kind === 'agenda' || job.kind === 'issuance') && job.input.format === 'pdf';
}

/** How many steps the progress bar counts: reading, composing, writing, and printing for a PDF. */
export function stepsOf(job: ExportJob): number {
  return printsPdf(job) ? 4 : 3;
}

function refuseLanguages(languages: readonly string[], working: readonly string[], path: 'languages' | 'lang'): void {
  const foreign = languages.filter((lang) => !working.includes(lang));
  if (foreign.length === 0) return;
  const issues: FieldIssue[] = languages.flatMap((lang, index) =>
    working.includes(lang) ? [] : [{ path: path === 'languages' ? `languages.${index}` : 'lang', message: 'validation.notWorkingLanguage' }],
  );
  throw new CoreError('invalid_input', `Not a working language of the forum (${working.join(', ')}): ${foreign.join(', ')}.`, issues);
}

/** An outcome document that exists, asked for in languages its forum works in; not_found or invalid_input otherwise. */
export function checkDocumentLanguages(db: Database, documentId: string, languages: readonly string[]): void {
  const { forum } = liveDocument(db, documentId);
  refuseLanguages(languages, forum.languages, 'languages');
}

/**
 * What can be refused at once, before any work: an unknown document or forum (not_found), a
 * language the forum does not work in (invalid_input).
 */
export function checkJob(db: Database, job: ExportJob): void {
  if (job.kind === 'compilation') return checkDocumentLanguages(db, job.input.documentId, [job.input.lang]);
  if (job.kind === 'issuance') return checkIssuanceJob(db, job.input);
  if (job.kind === 'outcome') {
    checkDocumentLanguages(db, job.input.documentId, job.input.languages);
    if (job.input.compareTo !== undefined) comparedIssuance(db, job.input.documentId, job.input.compareTo);
    return;
  }
  const forum = getForum(db, job.input.forumId);
  // The CSV holds codes, the same in every language.
  if (!(job.kind === 'participants' && job.input.format === 'csv')) refuseLanguages([job.input.lang], forum.languages, 'lang');
}

/** The forum's title in the export's language as a file name, else its source title's (a Chinese title gives no letters). */
function forumSlug(db: Database, forumId: string, lang: string | undefined): string {
  const forum = getForum(db, forumId);
  return slugOf([lang === undefined ? undefined : forum.title[lang], forum.title[forum.sourceLanguage], ...Object.values(forum.title)], 'forum');
}

async function produceOutcome(db: Database, input: ExportJob & { kind: 'outcome' }, report: ReportProgress): Promise<Produced> {
  const job = input.input;
  const steps = stepsOf(input);
  const { row, forum } = liveDocument(db, job.documentId);
  const titles = JSON.parse(row.title) as Record<string, string>;
  const slug = slugOf([...job.languages.map((lang) => titles[lang]), titles[forum.sourceLanguage]], row.kind ?? 'outcome');
  const fileName = exportFileName(slug, [job.languages.join('-'), job.compareTo === undefined ? job.variant : 'changes'], job.format);
  report({ phase: 'reading', done: 0, total: steps });
  const built = writers.buildOutcomeModel(db, {
    documentId: job.documentId,
    languages: job.languages,
    variant: job.variant,
    annexes: job.annexes,
    fallback: job.fallback,
    ...(job.explanations ? { explanations: job.explanations } : {}),
  });
  const model = job.compareTo === undefined ? built : comparedModel(db, built, job.compareTo);
  report({ phase: 'composing', done: 1, total: steps });
  if (job.format === 'docx') {
    const bytes = await writers.outcomeDocx(model, job.paper);
    report({ phase: 'writing', done: 2, total: steps });
    return { kind: 'file', fileName, mimeType: mimeTypes.docx, bytes };
  }
  if (job.format === 'md') {
    const markdown = writers.outcomeMarkdown(model);
    report({ phase: 'writing', done: 2, total: steps });
    return { kind: 'file', fileName, mimeType: mimeTypes.md, bytes: text(markdown) };
  }
  const html = writers.outcomeHtml(model, job.paper);
  report({ phase: 'writing', done: 2, total: steps });
  return job.format === 'html' ? { kind: 'file', fileName, mimeType: mimeTypes.html, bytes: text(html) } : { kind: 'print', fileName, html, paper: job.paper };
}

/** The compilation text: always landscape A4 (a wide table), named after the document, "compilation" and the language. */
async function produceCompilation(db: Database, input: ExportJob & { kind: 'compilation' }, report: ReportProgress): Promise<Produced> {
  const job = input.input;
  const steps = stepsOf(input);
  const { row, forum } = liveDocument(db, job.documentId);
  const titles = JSON.parse(row.title) as Record<string, string>;
  const slug = slugOf([titles[job.lang], titles[forum.sourceLanguage]], row.kind ?? 'outcome');
  const fileName = exportFileName(slug, ['compilation', job.lang], job.format);
  report({ phase: 'reading', done: 0, total: steps });
  const model = writers.buildCompilationModel(db, { documentId: job.documentId, lang: job.lang, amendments: job.amendments });
  report({ phase: 'composing', done: 1, total: steps });
  const produced =
    job.format === 'docx' ? await writers.compilationDocx(model, 'a4') : text(job.format === 'md' ? writers.compilationMarkdown(model) : writers.compilationHtml(model, 'a4'));
  report({ phase: 'writing', done: 2, total: steps });
  return { kind: 'file', fileName, mimeType: mimeTypes[job.format], bytes: produced };
}

/** Reads and composes one export; runs in the export worker, or in process where there is none. */
export async function produceExport(db: Database, job: ExportJob, report: ReportProgress = () => undefined): Promise<Produced> {
  if (job.kind === 'outcome') return produceOutcome(db, job, report);
  if (job.kind === 'compilation') return produceCompilation(db, job, report);
  if (job.kind === 'issuance') return produceIssuance(db, job.input, report);
  const steps = stepsOf(job);
  const { forumId } = job.input;
  // The CSV holds codes, the same in every language: it is named after the source title.
  const named = job.kind === 'participants' && job.input.format === 'csv' ? undefined : job.input.lang;
  const slug = forumSlug(db, forumId, named);
  report({ phase: 'reading', done: 0, total: steps });
  if (job.kind === 'agenda') {
    const { format, lang, paper } = job.input;
    const fileName = exportFileName(slug, ['agenda', lang], format);
    report({ phase: 'composing', done: 1, total: steps });
    if (format === 'docx') {
      const bytes = await writers.agendaDocx(db, forumId, lang, paper);
      report({ phase: 'writing', done: 2, total: steps });
      return { kind: 'file', fileName, mimeType: mimeTypes.docx, bytes };
    }
    const html = writers.agendaHtml(db, forumId, lang, paper);
    report({ phase: 'writing', done: 2, total: steps });
    return format === 'html' ? { kind: 'file', fileName, mimeType: mimeTypes.html, bytes: text(html) } : { kind: 'print', fileName, html, paper };
  }
  if (job.kind === 'participants') {
    const { format, lang } = job.input;
    report({ phase: 'composing', done: 1, total: steps });
    if (format === 'csv') {
      // The existing list export: codes rather than words, the same whatever the language.
      const csv = await exportParticipants(db, forumId, 'csv');
      report({ phase: 'writing', done: 2, total: steps });
      return { kind: 'file', fileName: exportFileName(slug, ['participants'], 'csv'), mimeType: mimeTypes.csv, bytes: new Uint8Array(Buffer.from(csv.data, 'base64')) };
    }
    const bytes = await writers.participantsDocx(db, forumId, lang);
    report({ phase: 'writing', done: 2, total: steps });
    return { kind: 'file', fileName: exportFileName(slug, ['participants', lang], 'docx'), mimeType: mimeTypes.docx, bytes };
  }
  report({ phase: 'composing', done: 1, total: steps });
  const bytes = await writers.participationDocx(db, forumId, job.input.lang);
  report({ phase: 'writing', done: 2, total: steps });
  return { kind: 'file', fileName: exportFileName(slug, ['participation', job.input.lang], 'docx'), mimeType: mimeTypes.docx, bytes };
}
