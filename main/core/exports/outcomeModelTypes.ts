import type { AmendmentKind } from '../../../shared/amendments';
import type { ExportVariant } from '../../../shared/exports';
import type { ParagraphKind, ParagraphStatus } from '../../../shared/outcome';
import type { ParagraphRole } from '../../../shared/paragraphPlace';
import type { DiffPart } from '../../../shared/wordDiff';

// What every writer (DOCX, HTML, Markdown, PDF through HTML) prints, resolved once: each text is
// already chosen for its language (or the marked fallback), each label and printed word is already
// in the document's language. Writers only lay it out, so the formats never disagree.

export type Direction = 'ltr' | 'rtl';

/** A stretch of text; `bracketed` for text inside [square brackets] (still under negotiation). */
export interface TextPart {
  text: string;
  bracketed: boolean;
}

/**
 * A text as printed in one column. `lang`/`dir` are the text's own (the source language's when it
 * fell back), which can differ from the column's: set them on the run or element.
 */
export interface ShownText {
  text: string;
  lang: string;
  dir: Direction;
  /** True when the column's language had none and this is the source text. */
  fallback: boolean;
  /** With `fallback`: "(English, not yet translated)" in the COLUMN's language, to print after the text. */
  fallbackNote: string;
  /** `text` cut into bracketed and plain stretches; joined they give `text` back. */
  parts: TextPart[];
}

/** An open amendment (amendments variant only), in the language of the column that shows it. */
export interface ModelAmendment {
  id: string;
  kind: AmendmentKind;
  /** The delegation that proposed it, or the column language's "an unnamed delegation". */
  proposer: string;
  /** ISO time it was proposed (the tracked change's date). */
  createdAt: string;
  rationale: string;
  /** Proposed against an older text than the current one; the diff is still against the current text. */
  stale: boolean;
  /** The proposed text ('' for a deletion). */
  text: string;
  /**
   * The change against the paragraph's current text in this language: for replace a word diff,
   * for delete one `delete` part (the whole text), for insert_after one `insert` part (the new
   * paragraph, which follows this one).
   */
  parts: DiffPart[];
  /** "Open amendment proposed by {{name}}" (or its insert/delete form), in the column's language. */
  note: string;
  /** "Rationale: …" in the column's language, or '' without one. */
  rationaleNote: string;
}

/** An open amendment in a language the export does not print, listed under the paragraph as a note. */
export interface ForeignAmendmentNote {
  id: string;
  /** The amendment's language. */
  lang: string;
  /** The whole note in the column's language, proposal included: "Open amendment to the English text proposed by Kenya: …". */
  note: string;
  /**
   * The same note in two, for writers that set the proposal in its own language and direction (an
   * English text inside an Arabic paragraph): the lead-in in the column's language, then the text
   * (for a deletion, "delete this paragraph" in the column's language); `lead` ends with the space
   * it needs, if any. buildOutcomeModel always fills it; optional so a hand-built model may leave it out.
   */
  split?: { lead: string; text: string; textLang: string; textDir: Direction };
}

export interface StanceTally {
  support: number;
  objection: number;
  reservation: number;
}

export interface OutcomeItem {
  paragraphId: string;
  kind: ParagraphKind;
  /** 1, 2, 3… among numbered paragraphs; null for headings, plain paragraphs, sub-paragraphs and alternatives. */
  number: number | null;
  /** Preambular or operative (its opening phrase is already styled in `text`); null: neither. */
  role?: ParagraphRole | null;
  /** 0 a paragraph, 1 a sub-paragraph, 2 a sub-sub-paragraph: writers indent by it. Optional for hand-built models. */
  level?: number;
  /** Notes of the text (by label) in a language of their own: an explanation of vote as it was made. */
  noteLangs?: Readonly<Record<string, string>>;
  /** An alternative's proposers (delegations), printed after it. */
  proposers?: string[];
  /**
   * "First, " / "第一，" / "1. " / "5 bis. " / "OP2. " / "(a) " / "a) " in the column's language;
   * '' for headings, plain paragraphs and unnumbered documents.
   */
  label: string;
  text: ShownText;
  status: ParagraphStatus;
  /** "Status: Bracketed" in the column's language (writers print it in the amendments variant). */
  statusNote: string;
  /** Open amendments in this column's language, oldest first; empty in the clean variant. */
  amendments: ModelAmendment[];
  /** Amendments variant, first column only: open amendments in languages no column prints. */
  foreignAmendments: ForeignAmendmentNote[];
  stances: StanceTally;
  /** "Stances: support 3, objection 1, reservation 0" in the column's language ('' when there are none). */
  stanceNote: string;
  /** Exported with tracked changes against an issuance: what changed in this item since it. */
  tracked?: TrackedChange;
}

/**
 * A paragraph's change since an issuance, as a word diff of its printed words (markup aside):
 * `whole` when the paragraph was added or removed since (label and paragraph mark too).
 */
export interface TrackedChange {
  parts: DiffPart[];
  whole: 'inserted' | 'deleted' | null;
  /** Who Word names as the revisions' author, and when. */
  author: string;
  date: string;
}

/** One language's version of the document: a column of the parallel layout, or the whole page. */
export interface OutcomeColumn {
  lang: string;
  dir: Direction;
  title: ShownText | null;
  subtitle: ShownText | null;
  /** "Songyang, 9–11 December 2019": the place in this language and the dates formatted with Intl in it. */
  placeAndDates: string;
  /** "Co-organised by A, B" in this language, or '' when there are none (the names are printed as entered). */
  coOrganisers: string;
  /** "200 participants, 18 international organisations, 17 countries" in this language, or '' when the document leaves it out. */
  participation: string;
  /** A letter's "To: …", printed before its body where the kind's title block names it. */
  addressee: ShownText | null;
  /** The preamble cut at line breaks, one entry per paragraph, no empty ones. */
  preamble: ShownText[];
  leadIn: ShownText | null;
  items: OutcomeItem[];
  /**
   * After the paragraphs, before the closing line, as the kind's registry entry asks: "To: …" (the
   * addressee), "Signed by", then one line per signatory ("Name, Title, Organisation"). Empty for most kinds.
   */
  closingBlock?: ShownText[];
  /** The closing line; where the document has none, "place, end date" in this language. */
  closing: ShownText | null;
  /** After the closing line: each contact block as its lines (organisation, address, phone, e-mail, website). */
  contacts: string[][];
  /** "Page {{n}} of {{total}}" in this language, placeholders kept for the writer to fill. */
  pageTemplate: string;
}

/** A titled table of an annex, every cell already a string in the annex's language. */
export interface AnnexTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** Per column: true for figures (aligned to the end). */
  numeric: boolean[];
  /** Per row and cell, a language of its own (a delegation's statement as it was made); absent: the annex's. */
  cellLangs?: Array<Array<string | undefined>>;
}

export interface AnnexEntry {
  /** "Paragraph 3" / "第3段", or a heading's text. */
  paragraph: string;
  sessions: string[];
  /** The key messages' texts in the annex's language (source text with its marker where missing). */
  keyMessages: ShownText[];
}

/** An annex in one language: "Annex 1 — Participation" and its tables, or the provenance list. */
export interface OutcomeAnnex {
  kind: 'participation' | 'provenance' | 'decisions';
  lang: string;
  dir: Direction;
  /** "Annex 1" in the language. */
  heading: string;
  /** "Participation" / "Provenance of the paragraphs". */
  title: string;
  /** Participation: headline figures as label/value pairs. */
  figures: Array<{ label: string; value: string }>;
  /** Participation: by country, organisation type, gender, session. Provenance: one table (paragraph, sessions, key messages). */
  tables: AnnexTable[];
  /** Provenance only: one entry per paragraph in document order. */
  entries: AnnexEntry[];
  /** Provenance only: "No key message recorded", for entries without sources. */
  emptyNote: string;
}

export interface OutcomeModel {
  documentId: string;
  forumId: string;
  /** As stored: a newer Plenary's kind prints like any other, from its paragraphs. */
  kind: string;
  variant: ExportVariant;
  sourceLanguage: string;
  /** The languages in the order asked: one column each (one column: a plain single-language document). */
  columns: OutcomeColumn[];
  /** Annexes in the order participation then provenance, each once per language of `columns`. */
  annexes: OutcomeAnnex[];
  /** True when any printed text is a marked fallback. */
  usedFallback: boolean;
}
