import type { Database } from 'better-sqlite3';
import type { TranslationState } from '../../../shared/agenda';
import type { Forum } from '../../../shared/forum';
import type { DraftParagraph, OutcomeDocument, ParagraphKind, ParagraphStatus } from '../../../shared/outcome';
import { CoreError } from '../errors';
import { cachedStatement } from './cachedStatement';
import { getForum } from './forums';
import { documentFields, headerFields, liveDocument } from './outcomeDocuments';
import { paragraphRecord } from './outcomeParagraphs';
import { documentLinks, paragraphLinks, type ResolvedLink } from './paragraphSources';
import { paragraphLineage, type CellLineage } from './paragraphLineage';

interface ParagraphRow {
  id: string;
  document_id: string;
  kind: string;
  position: string;
  text: string;
  status: string;
  section: string | null;
}

// Paragraphs from before documents carry none: they belong to the forum's first, whose id is the forum's.
const inDocument = 'coalesce(document_id, forum_id) = ? AND deleted = 0 ORDER BY position, id';
const paragraphColumns = "id, coalesce(document_id, forum_id) AS document_id, kind, coalesce(position, '') AS position, text, status, section";
const statuses = new Set<string>(['draft', 'proposed', 'bracketed', 'agreed']);
const kinds = new Set<string>(['numbered', 'plain', 'heading']);

/** The document as the drafting view opens it: header, translation states, every live paragraph. */
export function getOutcomeDocument(db: Database, documentId: string): OutcomeDocument {
  const { row, forum } = liveDocument(db, documentId);
  const rows = cachedStatement(db, `SELECT ${paragraphColumns} FROM outcome_paragraphs WHERE ${inDocument}`).all(row.id) as ParagraphRow[];
  const numbers = numbering(rows);
  const paragraphs = draftParagraphs(db, forum, rows, numbers, documentLinks(db, row.id));
  const fields = documentFields(row);
  return {
    id: row.id,
    forumId: row.forum_id,
    ...fields,
    languages: forum.languages,
    sourceLanguage: forum.sourceLanguage,
    translations: headerTranslations(db, forum, row.id, fields),
    paragraphs,
  };
}

/** One paragraph as the drafting view shows it (a deleted one too, numbered null). */
export function getDraftParagraph(db: Database, paragraphId: string): DraftParagraph {
  const record = paragraphRecord(db, paragraphId);
  const forum = getForum(db, record.forum_id);
  const row = cachedStatement(db, `SELECT ${paragraphColumns} FROM outcome_paragraphs WHERE id = ?`).get(paragraphId) as ParagraphRow;
  const order = cachedStatement(db, `SELECT id, kind FROM outcome_paragraphs WHERE ${inDocument}`).all(record.document_id) as Array<{ id: string; kind: string }>;
  const [paragraph] = draftParagraphs(db, forum, [row], numbering(order), paragraphLinks(db, paragraphId));
  if (!paragraph) throw new CoreError('not_found', `No paragraph with id ${paragraphId}.`);
  return paragraph;
}

/** 1, 2, 3… among numbered paragraphs, in document order. */
function numbering(rows: Array<{ id: string; kind: string }>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const row of rows) if (asKind(row.kind) === 'numbered') numbers.set(row.id, numbers.size + 1);
  return numbers;
}

const asKind = (kind: string): ParagraphKind => (kinds.has(kind) ? (kind as ParagraphKind) : 'numbered');

function draftParagraphs(db: Database, forum: Forum, rows: ParagraphRow[], numbers: Map<string, number>, links: ResolvedLink[]): DraftParagraph[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const lineage = paragraphLineage(db, rows.map((r) => r.id));
  const amendmentCounts = cachedStatement(
    db,
    `SELECT paragraph_id, count(*) AS total, sum(status = 'open') AS open FROM amendments
      WHERE deleted = 0 AND paragraph_id IN (SELECT value FROM json_each(?)) GROUP BY paragraph_id`,
  ).all(ids) as Array<{ paragraph_id: string; total: number; open: number }>;
  const counts = new Map(amendmentCounts.map((c) => [c.paragraph_id, { open: c.open, total: c.total }]));
  const stanceCounts = cachedStatement(
    db,
    `SELECT paragraph_id, stance, count(*) AS n FROM stances
      WHERE deleted = 0 AND paragraph_id IN (SELECT value FROM json_each(?)) GROUP BY paragraph_id, stance`,
  ).all(ids) as Array<{ paragraph_id: string; stance: string; n: number }>;
  const tallies = new Map<string, DraftParagraph['stances']>();
  for (const s of stanceCounts) {
    const tally = tallies.get(s.paragraph_id) ?? { support: 0, objection: 0, reservation: 0 };
    if (s.stance === 'support' || s.stance === 'objection' || s.stance === 'reservation') tally[s.stance] = s.n;
    tallies.set(s.paragraph_id, tally);
  }
  const linksOf = new Map<string, ResolvedLink[]>();
  for (const link of links) linksOf.set(link.paragraph_id, [...(linksOf.get(link.paragraph_id) ?? []), link]);

  return rows.map((row) => {
    const text = JSON.parse(row.text) as Record<string, string>;
    const cells = lineage.get(row.id);
    const own = linksOf.get(row.id) ?? [];
    return {
      id: row.id,
      documentId: row.document_id,
      kind: asKind(row.kind),
      position: row.position,
      number: numbers.get(row.id) ?? null,
      section: row.section,
      text,
      status: (statuses.has(row.status) ? row.status : 'draft') as ParagraphStatus,
      translations: translationStates(forum, text, (lang) => cells?.get(`text@${lang}`)?.newest),
      alternatives: alternativesOf(cells, text),
      keyMessageIds: own.map((l) => l.key_message_id),
      sessionIds: [...new Set(own.map((l) => l.session_id))],
      amendments: counts.get(row.id) ?? { open: 0, total: 0 },
      stances: tallies.get(row.id) ?? { support: 0, objection: 0, reservation: 0 },
    };
  });
}

/** A version with the text already shown (the same amendment accepted on two laptops) is no alternative. */
function alternativesOf(cells: Map<string, CellLineage> | undefined, shown: Record<string, string>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [cell, lineage] of cells ?? []) {
    const lang = cell.slice('text@'.length);
    const others = [...new Set(lineage.otherTexts)].filter((text) => text !== '' && text !== shown[lang]);
    if (others.length > 0) result[lang] = others;
  }
  return result;
}

/**
 * Per working language other than the source. Missing: no text. Outdated: the source text was
 * changed after this translation was last edited (by clock, so edits on other laptops count in
 * order). A field without source text has nothing to translate: no states.
 */
function translationStates(forum: Forum, text: Record<string, string>, clockOf: (lang: string) => string | undefined): Record<string, TranslationState> {
  const states: Record<string, TranslationState> = {};
  const source = forum.sourceLanguage;
  if (!text[source]) return states;
  const sourceClock = clockOf(source) ?? '';
  for (const lang of forum.languages) {
    if (lang === source) continue;
    if (!text[lang]) states[lang] = 'missing';
    else states[lang] = sourceClock > (clockOf(lang) ?? '') ? 'outdated' : 'current';
  }
  return states;
}

/** The header's translation states, from the newest clock of each `field@lang` cell. */
function headerTranslations(db: Database, forum: Forum, documentId: string, fields: ReturnType<typeof documentFields>): OutcomeDocument['translations'] {
  const clocks = new Map<string, string>();
  const changes = cachedStatement(db, "SELECT hlc, cells FROM changes WHERE tbl = 'outcome_documents' AND row_id = ?").all(documentId) as Array<{ hlc: string; cells: string }>;
  for (const change of changes) {
    for (const cell of Object.keys(JSON.parse(change.cells) as Record<string, unknown>)) {
      if (cell.includes('@') && change.hlc > (clocks.get(cell) ?? '')) clocks.set(cell, change.hlc);
    }
  }
  return Object.fromEntries(
    headerFields.map(([field, column]) => [field, translationStates(forum, fields[field], (lang) => clocks.get(`${column}@${lang}`))]),
  );
}
