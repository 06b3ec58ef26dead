import type { AmendmentKind, AmendmentStatus } from '../../../shared/amendments';
import type { CompilationScope } from '../../../shared/compilation';
import type { ParagraphKind } from '../../../shared/outcome';
import type { DiffPart } from '../../../shared/wordDiff';
import type { Direction, OutcomeColumn, ShownText } from './outcomeModelTypes';

// What the compilation writers (DOCX, HTML, Markdown) print, resolved once in the export's
// language, so the three formats never disagree: writers only lay it out.

/** One proposal on a paragraph: an amendment, or (on an alternative's row) the alternative itself. */
export interface CompilationProposal {
  id: string;
  /** 1, 2, 3… within the paragraph: what "Kenya (1, 3)" refers to. */
  number: number;
  kind: AmendmentKind | 'alternative';
  /** "Proposal 2 · Replacement text (rejected)" in the export's language. */
  heading: string;
  status: AmendmentStatus;
  /** The delegation(s) that proposed it, joined. */
  proposer: string;
  /** The proposed text's language and direction (an English amendment in a French compilation stays English). */
  lang: string;
  dir: Direction;
  /** "English text" when the proposal is in another language than the export's, else ''. */
  languageNote: string;
  /** The word diff against the text it was made on: for a deletion one `delete` part, for a new paragraph one `insert` part. */
  parts: DiffPart[];
  /** "Proposed against an earlier version of the text" when the paragraph changed since, else ''. */
  staleNote: string;
  rationale: string;
}

/** A delegation's stance, one entry per delegation (two stances recorded under one name are one entry, notes joined). */
export interface DelegationNote {
  delegation: string;
  note: string;
}

export interface CompilationRow {
  paragraphId: string;
  kind: ParagraphKind;
  /** Where it stands as item 1 prints it: "5", "5 bis", "OP2", "3 (a)"; '' for unnumbered paragraphs and headings. */
  place: string;
  /** "Operative" / "Preambular" in the export's language, or ''. */
  role: string;
  /** "Bracketed", "Agreed ad referendum"… in the export's language (a heading: ''). */
  status: string;
  /** The paragraph's current text as the outcome export prints it (references resolved, bracketed alternatives). */
  text: ShownText;
  /** Index of this row's item in `column.items`: its rich text and note numbers. */
  item: number;
  proposals: CompilationProposal[];
  /** Each proposing delegation once, with the numbers of its proposals and both as printed: "Kenya (1, 3)", "肯尼亚（1、3）". */
  proposedBy: Array<{ delegation: string; proposals: number[]; label: string }>;
  supportedBy: DelegationNote[];
  objections: DelegationNote[];
  reservations: DelegationNote[];
}

export interface CompilationLabels {
  /** The six column headings, in order: paragraph, current text, proposals, proposed and supported by, objections and reservations, rationale. */
  columns: [string, string, string, string, string, string];
  noProposals: string;
  proposedBy: string;
  supportedBy: string;
  objection: string;
  reservation: string;
  legend: string;
  markdownLegend: string;
  /** "Notes" (the rich text's notes after the table). */
  notes: string;
  /** Between names in a list, in the language: ", " / "、" / "، ". */
  separator: string;
}

export interface CompilationModel {
  documentId: string;
  lang: string;
  dir: Direction;
  scope: CompilationScope;
  /** The document's title block as the outcome export resolves it (title, subtitle, place and dates). */
  column: OutcomeColumn;
  /** "Compilation text" in the export's language. */
  heading: string;
  /** "60 paragraphs, 300 proposals". */
  summary: string;
  rows: CompilationRow[];
  labels: CompilationLabels;
}
