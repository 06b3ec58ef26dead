import type { Database } from 'better-sqlite3';
import type { PaperSize } from '../../../shared/exports';
import { CoreError } from '../errors';
import { exportFileName, slugOf } from '../exports/exportFileName';
import { mimeTypes, type Produced, type ReportProgress } from '../exports/exportJob';
import { writers } from '../exports/exportWriters';
import type { OutcomeModel } from '../exports/outcomeModelTypes';
import { findIssuance, readIssuance } from './issuances';
import { snapshotModel } from './issuanceSnapshot';
import { trackChanges } from './trackChanges';

export interface IssuanceJobInput {
  issuanceId: string;
  format: 'docx' | 'pdf' | 'md' | 'html';
  languages: string[];
  paper: PaperSize;
}

/** Refused at once: an unknown or damaged issuance, or a language it does not hold. */
export function checkIssuanceJob(db: Database, input: IssuanceJobInput): void {
  const { snapshot } = readIssuance(db, input.issuanceId);
  snapshotModel(snapshot, input.languages);
}

/** The issuance to compare with, sound, or refused at once (not_found, issuance_damaged, a symbol in conflict). */
export function comparedIssuance(db: Database, documentId: string, compareTo: string) {
  const named = findIssuance(db, documentId, compareTo);
  const read = readIssuance(db, named.id);
  if (read.issuance.documentId !== documentId) {
    throw new CoreError('invalid_input', `${read.issuance.symbol} is an issuance of another document.`, [{ path: 'compareTo', message: 'validation.invalid' }]);
  }
  return read;
}

/** The current model with its changes since the issuance marked (Word names the revisions "Plenary", dated now). */
export function comparedModel(db: Database, model: OutcomeModel, compareTo: string): OutcomeModel {
  const { snapshot } = comparedIssuance(db, model.documentId, compareTo);
  return trackChanges(model, snapshot, 'Plenary', new Date().toISOString());
}

const text = (value: string) => new TextEncoder().encode(value);

/** An issuance's own text, as issued, in the export worker. */
export async function produceIssuance(db: Database, input: IssuanceJobInput, report: ReportProgress): Promise<Produced> {
  const steps = input.format === 'pdf' ? 4 : 3;
  report({ phase: 'reading', done: 0, total: steps });
  const { issuance, snapshot } = readIssuance(db, input.issuanceId);
  const model = snapshotModel(snapshot, input.languages);
  const slug = slugOf([...input.languages.map((lang) => issuance.title[lang]), issuance.title[snapshot.sourceLanguage]], snapshot.kind);
  const fileName = exportFileName(slug, [issuance.symbol.replace(/\//g, '-'), input.languages.join('-')], input.format);
  report({ phase: 'composing', done: 1, total: steps });
  if (input.format === 'docx') {
    const bytes = await writers.outcomeDocx(model, input.paper);
    report({ phase: 'writing', done: 2, total: steps });
    return { kind: 'file', fileName, mimeType: mimeTypes.docx, bytes };
  }
  if (input.format === 'md') {
    const markdown = writers.outcomeMarkdown(model);
    report({ phase: 'writing', done: 2, total: steps });
    return { kind: 'file', fileName, mimeType: mimeTypes.md, bytes: text(markdown) };
  }
  const html = writers.outcomeHtml(model, input.paper);
  report({ phase: 'writing', done: 2, total: steps });
  return input.format === 'html' ? { kind: 'file', fileName, mimeType: mimeTypes.html, bytes: text(html) } : { kind: 'print', fileName, html, paper: input.paper };
}
