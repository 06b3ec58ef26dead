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
import { asRole, placeParagraphs, type Placed } from '../../../shared/paragraphPlaces';
import { paragraphStatuses } from '../../../shared/forum';

interface ParagraphRow {
  id: string;
  document_id: string;
  kind: string;
  position: string;
  text: string;
  status: string;
  section: string | null;
  role: string | null;
  level: number | null;
  alternative_of: string | null;
  withdrawn: number | null;
  proposers: string | null;
}

// Paragraphs from before documents carry none: they belong to the forum's first, whose id is the forum's.
const inDocument = 'coalesce(document_id, forum_id) = ? AND deleted = 0 ORDER BY position, id';
const paragraphColumns =
  "id, coalesce(document_id, forum_id) AS document_id, kind, coalesce(position, '') AS position, text, status, section, role, level, alternative_of, withdrawn, proposers";
const statuses = new Set<string>(paragraphStatuses);
const kinds = new Set<string>(['numbered', 'plain', 'heading']);

/** The document as the drafting view opens it: header, translation states, every live paragraph. */
export function getOutcomeDocument(db: Database, documentId: string): OutcomeDocument {
  const { row, forum } = liveDocument(db, documentId);
  const rows = cachedStatement(db, `SELECT ${paragraphColumns} FROM outcome_paragraphs WHERE ${inDocument}`).all(row.id) as ParagraphRow[];
  const fields = documentFields(row);
  const placement = placeParagraphs(rows, fields.roleNumbering);
  const paragraphs = draftParagraphs(db, forum, placement.shown, documentLinks(db, row.id));
  return {
    id: row.id,
    forumId: row.forum_id,
    ...fields,
    languages: forum.languages,
    sourceLanguage: forum.sourceLanguage,
    translations: headerTranslations(db, forum, row.id, fields),
    paragraphs,
    counts: placement.counts,
    places: Object.fromEntries(placement.places),
  };
}

/** One paragraph as the drafting view shows it (a deleted one too, numbered null). */
export function getDraftParagraph(db: Database, paragraphId: string): DraftParagraph {
  const record = paragraphRecord(db, paragraphId);
  const forum = getForum(db, record.forum_id);
  const row = cachedStatement(db, `SELECT ${paragraphColumns} FROM outcome_paragraphs WHERE id = ?`).get(paragraphId) as ParagraphRow;
  const order = cachedStatement(db, `SELECT ${paragraphColumns} FROM outcome_paragraphs WHERE ${inDocument}`).all(record.document_id) as ParagraphRow[];
  const document = db.prepare('SELECT role_numbering FROM outcome_documents WHERE id = ?').get(record.document_id) as { role_numbering: string | null } | undefined;
  const placement = placeParagraphs(order, document?.role_numbering === 'separate' ? 'separate' : 'together');
  // A deleted or withdrawn paragraph is not placed: it is shown where it stood, numbered null.
  const placed = placement.shown.find((p) => p.row.id === paragraphId) ?? {
    row,
    base: row,
    place: { number: null, countedAs: null, suffix: 0, path: [] },
    level: Math.max(0, row.level ?? 0),
    alternativeOf: row.alternative_of,
    inNegotiation: false,
  };
  const [paragraph] = draftParagraphs(db, forum, [placed], paragraphLinks(db, paragraphId));
  if (!paragraph) throw new CoreError('not_found', `No paragraph with id ${paragraphId}.`);
  return paragraph;
}

const asKind = (kind: string): ParagraphKind => (kinds.has(kind) ? (kind as ParagraphKind) : 'numbered');

function draftParagraphs(db: Database, forum: Forum, placed: Array<Placed<ParagraphRow>>, links: ResolvedLink[]): DraftParagraph[] {
  if (placed.length === 0) return [];
  const rows = placed.map((p) => p.row);
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

  return placed.map(({ row, base, place, level, alternativeOf, inNegotiation }) => {
    const text = JSON.parse(row.text) as Record<string, string>;
    const cells = lineage.get(row.id);
    const own = linksOf.get(row.id) ?? [];
    return {
      id: row.id,
      documentId: row.document_id,
      kind: asKind(row.kind),
      // An alternative sorts right after its paragraph (a space sorts before every key character).
      position: base === row ? row.position : `${base.position} ${row.position}`,
      // The paragraph's own number (its alternatives and sub-paragraphs print theirs from `place`).
      number: level === 0 && place.suffix === 0 && alternativeOf === null ? place.number : null,
      section: row.section,
      text,
      status: (statuses.has(row.status) ? row.status : 'draft') as ParagraphStatus,
      translations: translationStates(forum, text, (lang) => cells?.get(`text@${lang}`)?.newest),
      alternatives: alternativesOf(cells, text),
      keyMessageIds: own.map((l) => l.key_message_id),
      sessionIds: [...new Set(own.map((l) => l.session_id))],
      amendments: counts.get(row.id) ?? { open: 0, total: 0 },
      stances: tallies.get(row.id) ?? { support: 0, objection: 0, reservation: 0 },
      role: asRole(row.role),
      level,
      place,
      alternativeOf,
      inNegotiation,
      proposers: proposersOf(row.proposers),
    };
  });
}

function proposersOf(value: string | null): string[] {
  const parsed: unknown = value === null ? [] : JSON.parse(value);
  return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
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
