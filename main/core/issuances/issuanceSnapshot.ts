import type { Database } from 'better-sqlite3';
import type { OutcomeDocument } from '../../../shared/outcome';
import { CoreError } from '../errors';
import { bracketParts, buildOutcomeModel } from '../exports/outcomeModel';
import type { OutcomeColumn, OutcomeModel } from '../exports/outcomeModelTypes';
import { getOutcomeDocument } from '../store/outcomeView';
import { canonicalJson, issuanceSnapshotChars } from './issuanceSeal';

/**
 * The document as issued, in every working language: what each language's column printed (title
 * block, preamble, each paragraph with its printed label, cross-references already numbers,
 * merge fields filled in, a missing translation as the marked source text), and each paragraph's
 * place in the negotiation (role, level, status, alternatives and their proposers).
 */
export interface IssuanceSnapshot {
  format: 1;
  documentId: string;
  forumId: string;
  kind: string;
  sourceLanguage: string;
  languages: string[];
  paragraphs: Array<{
    id: string;
    kind: string;
    number: number | null;
    role: string | null;
    level: number;
    status: string;
    alternativeOf: string | null;
    proposers: string[];
    /** The printed label in each language ("5 bis. ", "(a) "). */
    labels: Record<string, string>;
  }>;
  /** One clean column per working language, its texts without their bracket parts (see pack). */
  columns: OutcomeColumn[];
}

const isShown = (value: Record<string, unknown>) => typeof value.text === 'string' && Array.isArray(value.parts) && typeof value.lang === 'string';

/**
 * A shown text's parts repeat its text: they are left out, with a mark where the whole text was
 * bracketed (a bracketed paragraph without brackets of its own), and cut again when read.
 */
function pack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pack);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) if (key !== 'parts' || !isShown(record)) out[key] = pack(child);
  if (isShown(record)) {
    const parts = record.parts as Array<{ bracketed: boolean }>;
    if (parts.length === 1 && parts[0]?.bracketed === true && !/\[[^[\]]*\]/.test(record.text as string)) out.wholeBracketed = true;
  }
  return out;
}

function unpack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpack);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) if (key !== 'wholeBracketed') out[key] = unpack(child);
  if (typeof record.text === 'string' && typeof record.lang === 'string' && typeof record.dir === 'string' && typeof record.fallback === 'boolean') {
    out.parts = bracketParts(record.text, record.wholeBracketed === true);
  }
  return out;
}

/** The document as it stands, frozen: canonical JSON, refused when over the cell's bound. */
export function snapshotText(db: Database, documentId: string): { text: string; doc: OutcomeDocument } {
  const doc = getOutcomeDocument(db, documentId);
  const model = buildOutcomeModel(db, {
    documentId,
    languages: doc.languages,
    variant: 'clean',
    annexes: { participation: false, provenance: false },
    fallback: true,
  });
  const snapshot: IssuanceSnapshot = {
    format: 1,
    documentId,
    forumId: doc.forumId,
    kind: doc.kind,
    sourceLanguage: doc.sourceLanguage,
    languages: doc.languages,
    paragraphs: doc.paragraphs.map((p) => ({
      id: p.id,
      kind: p.kind,
      number: p.number,
      role: p.role,
      level: p.level,
      status: p.status,
      alternativeOf: p.alternativeOf,
      proposers: p.proposers,
      labels: Object.fromEntries(model.columns.map((c) => [c.lang, c.items.find((item) => item.paragraphId === p.id)?.label ?? ''])),
    })),
    columns: model.columns,
  };
  const text = canonicalJson(pack(snapshot));
  if (text.length > issuanceSnapshotChars) {
    throw new CoreError('invalid_input', `The document is too long to issue (${text.length.toLocaleString('en-GB')} characters in all its languages; at most ${issuanceSnapshotChars.toLocaleString('en-GB')}). Nothing was changed.`, [
      { path: 'documentId', message: 'validation.tooLong' },
    ]);
  }
  return { text, doc };
}

/** The snapshot back from its text (whose seal the caller has checked). */
export function readSnapshot(text: string): IssuanceSnapshot {
  return unpack(JSON.parse(text)) as IssuanceSnapshot;
}

/** The issued text as an export model in some of its languages: clean, no annexes. */
export function snapshotModel(snapshot: IssuanceSnapshot, languages: readonly string[]): OutcomeModel {
  const columns = languages.map((lang) => {
    const column = snapshot.columns.find((c) => c.lang === lang);
    if (!column) {
      throw new CoreError('invalid_input', `The issuance holds ${snapshot.languages.join(', ')}, not ${lang}.`, [{ path: 'languages', message: 'validation.notWorkingLanguage' }]);
    }
    return column;
  });
  return {
    documentId: snapshot.documentId,
    forumId: snapshot.forumId,
    kind: snapshot.kind,
    variant: 'clean',
    sourceLanguage: snapshot.sourceLanguage,
    columns,
    annexes: [],
    usedFallback: columns.some((c) => c.items.some((item) => item.text.fallback)),
  };
}
