import type { Database } from 'better-sqlite3';
import { directionOf } from '../../../shared/languages';
import type { Decision, DecisionStatement, DocumentDecisions, ExplanationPlacement } from '../../../shared/decisions';
import type { OutcomeDocument } from '../../../shared/outcome';
import { documentDecisions } from '../decisions/decisions';
import { delegationName } from '../decisions/delegations';
import { documentText } from './documentText';
import type { AnnexTable, OutcomeAnnex, OutcomeColumn, OutcomeItem } from './outcomeModelTypes';

// How the document was decided, printed with it: the decisions annex (how each text was adopted,
// the tally, each recorded vote delegation by delegation, and, when the document asks for them
// there, the explanations and reservations), and explanations as footnotes on the paragraph they
// concern (the document's last paragraph for the document as a whole), each in its own language.

/** "Paragraph 3" / "5 bis" / "The whole document", in the column's language. */
function textName(column: OutcomeColumn, paragraphId: string | null): string {
  const t = documentText(column.lang);
  if (paragraphId === null) return t('outcome.decisions.wholeDocument');
  const item = column.items.find((i) => i.paragraphId === paragraphId);
  if (!item) return t('outcome.provenance.unnumbered');
  if (item.number !== null) return t('outcome.provenance.numbered', { number: new Intl.NumberFormat([column.lang, 'en']).format(item.number) });
  return item.label.replace(/[.,،，:\s]+$/u, '') || t('outcome.provenance.unnumbered');
}

const when = (iso: string, lang: string, timeZone: string): string => {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat([lang, 'en'], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return iso;
  }
};

function methodText(decision: Decision, lang: string): string {
  const t = documentText(lang);
  if (decision.method === 'consensus') return t('outcome.decisions.consensus');
  const n = new Intl.NumberFormat([lang, 'en']);
  const { yes, no, abstain, absent } = decision.tally;
  return `${t('outcome.decisions.vote', { yes: n.format(yes), no: n.format(no), abstain: n.format(abstain), absent: n.format(absent) })}. ${t('outcome.decisions.majority')}`;
}

/** Document first, then paragraphs in the order they print. */
function inDocumentOrder<T extends { paragraphId: string | null }>(rows: readonly T[], column: OutcomeColumn): T[] {
  const at = new Map(column.items.map((item, index) => [item.paragraphId, index]));
  const rank = (row: T) => (row.paragraphId === null ? -1 : (at.get(row.paragraphId) ?? column.items.length));
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

function statementsTable(statements: readonly DecisionStatement[], column: OutcomeColumn): AnnexTable {
  const t = documentText(column.lang);
  const d = (key: string) => t(`outcome.decisions.${key}`);
  const ordered = inDocumentOrder(statements, column);
  return {
    title: d('statements'),
    headers: [d('text'), d('delegation'), d('kind'), d('statement')],
    rows: ordered.map((s) => [textName(column, s.paragraphId), s.name, d(s.kind), s.text]),
    numeric: [false, false, false, false],
    cellLangs: ordered.map((s) => [undefined, undefined, undefined, s.lang]),
  };
}

/** The decisions annex in one column's language; undefined when nothing was decided. */
export function decisionsAnnex(decided: DocumentDecisions, column: OutcomeColumn, number: number, placement: ExplanationPlacement, timeZone: string): OutcomeAnnex | undefined {
  const lang = column.lang;
  const t = documentText(lang);
  const d = (key: string) => t(`outcome.decisions.${key}`);
  const decisions = inDocumentOrder(decided.decisions, column);
  const rows = decisions.map((decision) => [
    textName(column, decision.paragraphId),
    methodText(decision, lang),
    d(decision.adopted ? 'adopted' : 'notAdopted'),
    [when(decision.recordedAt, lang, timeZone), decision.recordedBy].filter(Boolean).join(', '),
  ]);
  for (const procedure of decided.silence) {
    const broken = procedure.objections.filter((o) => !o.late).map((o) => o.name);
    const outcome = procedure.state === 'broken' ? t('outcome.decisions.silenceBroken', { delegations: broken.join(t('agenda.listSeparator')) }) : d(procedure.state === 'adopted' ? 'silenceAdopted' : 'silenceOpen');
    rows.push([d('wholeDocument'), t('outcome.decisions.silence', { deadline: when(procedure.deadline, lang, timeZone) }), outcome, [when(procedure.startedAt, lang, timeZone), procedure.startedBy].filter(Boolean).join(', ')]);
  }
  const statements = placement === 'annex' ? decided.statements : [];
  if (rows.length === 0 && statements.length === 0) return undefined;
  const tables: AnnexTable[] = [];
  if (rows.length > 0) tables.push({ title: d('title'), headers: [d('text'), d('method'), d('outcome'), d('recorded')], rows, numeric: [false, false, false, false] });
  for (const decision of decisions) {
    if (decision.method !== 'vote' || decision.votes.length === 0) continue;
    const collator = new Intl.Collator([lang, 'en']);
    const votes = [...decision.votes].sort((a, b) => collator.compare(a.name, b.name));
    tables.push({
      title: t('outcome.decisions.votesOn', { text: textName(column, decision.paragraphId) }),
      headers: [d('delegation'), d('voteColumn')],
      rows: votes.map((v) => [v.name, d(v.vote)]),
      numeric: [false, false],
    });
  }
  if (statements.length > 0) tables.push(statementsTable(statements, column));
  return {
    kind: 'decisions',
    lang,
    dir: directionOf(lang),
    heading: t('outcome.annex', { number: new Intl.NumberFormat([lang, 'en']).format(number) }),
    title: d('title'),
    figures: [],
    tables,
    entries: [],
    emptyNote: '',
  };
}

/** Markdown's own characters in a statement, escaped so it prints as the delegation said it. */
const literal = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]()#+\-!<>|~^])/g, '\\$1');

/** The item a statement is noted on: its paragraph, or for the whole document the last paragraph that is not a heading. */
function itemFor(column: OutcomeColumn, paragraphId: string | null): OutcomeItem | undefined {
  if (paragraphId !== null) return column.items.find((item) => item.paragraphId === paragraphId);
  return [...column.items].reverse().find((item) => item.kind !== 'heading');
}

/**
 * Explanations and reservations as footnotes: each becomes a note of its paragraph's text in
 * every column ("Explanation of vote (Kenya): …", in the statement's own language), so every
 * writer prints it as it prints any note: Word footnotes, HTML and Markdown notes.
 */
export function addDecisionNotes(statements: readonly DecisionStatement[], columns: OutcomeColumn[]): void {
  for (const column of columns) {
    statements.forEach((statement, index) => {
      const item = itemFor(column, statement.paragraphId);
      if (!item) return;
      const t = documentText(statement.lang);
      const label = `plenary-decision-${index + 1}`;
      const lead = t('outcome.decisions.note', { kind: t(`outcome.decisions.${statement.kind}`), delegation: delegationName(statement.delegation, statement.lang) });
      const reference = `[^${label}]`;
      const definition = `\n\n[^${label}]: ${literal(lead)}${literal(statement.text)}`;
      // The reference ends the text's last line, the definition follows it; joined, the parts give the text back.
      const text = `${item.text.text}${reference}${definition}`;
      item.text = { ...item.text, text, parts: [...item.text.parts, { text: `${reference}${definition}`, bracketed: false }] };
      item.noteLangs = { ...item.noteLangs, [label]: statement.lang };
    });
  }
}

/**
 * The decisions annex in each column's language (numbered `number`), and the statements as
 * footnotes when the document prints them so. Changes `columns` (their items' notes).
 */
export function decisionsAnnexes(db: Database, doc: OutcomeDocument, columns: OutcomeColumn[], annex: number | null, placement: ExplanationPlacement, timeZone: string, now: number): OutcomeAnnex[] {
  if (placement === 'footnotes') addDecisionNotes(documentDecisions(db, doc.id, doc.sourceLanguage, now).statements, columns);
  if (annex === null) return [];
  return columns.flatMap((column) => decisionsAnnex(documentDecisions(db, doc.id, column.lang, now), column, annex, placement, timeZone) ?? []);
}
