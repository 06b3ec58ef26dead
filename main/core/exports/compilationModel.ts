import type { Database } from 'better-sqlite3';
import type { Amendment, Stance } from '../../../shared/amendments';
import type { CompilationScope } from '../../../shared/compilation';
import { directionOf } from '../../../shared/languages';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { referenceText } from '../../../shared/paragraphPlace';
import { wordDiff, type DiffPart } from '../../../shared/wordDiff';
import { CoreError } from '../errors';
import { listAmendments } from '../store/amendments';
import { getOutcomeDocument } from '../store/outcomeView';
import { listStances } from '../store/stances';
import type { CompilationModel, CompilationProposal, CompilationRow, DelegationNote } from './compilationModelTypes';
import { documentText, languageName, type DocumentTextFn } from './documentText';
import { buildOutcomeModel } from './outcomeModel';

export type * from './compilationModelTypes';

export interface CompilationModelInput {
  documentId: string;
  lang: string;
  amendments: CompilationScope;
}

/** The proposal's change against the text it was made on, as the drafting screen shows it. */
function amendmentParts(a: Amendment): DiffPart[] {
  if (a.kind === 'delete') return a.baseText ? [{ kind: 'delete', text: a.baseText }] : [];
  if (a.kind === 'insert_after') return [{ kind: 'insert', text: a.text }];
  return wordDiff(a.baseText, a.text, a.lang);
}

function languageNote(textLang: string, lang: string, t: DocumentTextFn): string {
  return textLang === lang ? '' : t('compilation.textIn', { language: languageName(textLang, lang) });
}

function amendmentProposal(a: Amendment, number: number, lang: string, t: DocumentTextFn): CompilationProposal {
  const kind = t(`compilation.kind.${a.kind}`);
  return {
    id: a.id,
    number,
    kind: a.kind,
    heading: t('compilation.proposalHeading', { proposal: t('compilation.proposal', { n: number }), kind, status: t(`compilation.status.${a.status}`) }),
    status: a.status,
    proposer: a.proposer.name || t('outcome.amendment.unknownProposer'),
    lang: a.lang,
    dir: directionOf(a.lang),
    languageNote: languageNote(a.lang, lang, t),
    parts: amendmentParts(a),
    staleNote: a.stale ? t('compilation.stale') : '',
    rationale: a.rationale,
  };
}

/**
 * An alternative (5 bis) on its own row, as a proposal: its text as a word diff against the
 * paragraph it is an alternative to, in the export's language where both have one.
 */
function alternativeProposal(p: DraftParagraph, base: DraftParagraph | undefined, doc: OutcomeDocument, lang: string, t: DocumentTextFn): CompilationProposal {
  const textLang = p.text[lang] && (!base || base.text[lang]) ? lang : doc.sourceLanguage;
  const separator = t('agenda.listSeparator');
  const basePlace = base ? referenceText(base.place, lang) : '';
  return {
    id: p.id,
    number: 1,
    kind: 'alternative',
    heading: t('compilation.proposalHeading', { proposal: t('compilation.proposal', { n: 1 }), kind: t('compilation.kind.alternative', { place: basePlace }), status: t('compilation.status.open') }),
    status: 'open',
    proposer: p.proposers.length > 0 ? p.proposers.join(separator) : t('outcome.amendment.unknownProposer'),
    lang: textLang,
    dir: directionOf(textLang),
    languageNote: languageNote(textLang, lang, t),
    parts: wordDiff(base?.text[textLang] ?? '', p.text[textLang] ?? '', textLang),
    staleNote: '',
    rationale: '',
  };
}

/** Each delegation once, in the language's alphabetical order; two stances under one name keep both notes. */
function byDelegation(stances: Stance[], collator: Intl.Collator): DelegationNote[] {
  const grouped = new Map<string, DelegationNote>();
  for (const s of stances) {
    const key = s.delegation.normalize('NFKC').trim().toLocaleLowerCase('und');
    const entry = grouped.get(key);
    if (!entry) grouped.set(key, { delegation: s.delegation, note: s.note });
    else if (s.note && !entry.note.split('; ').includes(s.note)) entry.note = entry.note ? `${entry.note}; ${s.note}` : s.note;
  }
  return [...grouped.values()].sort((a, b) => collator.compare(a.delegation, b.delegation));
}

function proposedBy(p: DraftParagraph, proposals: CompilationProposal[], amendments: Amendment[], t: DocumentTextFn): CompilationRow['proposedBy'] {
  const numbers = new Map<string, number[]>();
  const add = (name: string, n: number) => {
    if (!name) return;
    numbers.set(name, [...(numbers.get(name) ?? []), n]);
  };
  for (const name of p.alternativeOf !== null ? p.proposers : []) add(name, 1);
  for (const proposal of proposals) {
    if (proposal.kind === 'alternative') continue;
    const amendment = amendments.find((a) => a.id === proposal.id);
    add(amendment?.proposer.name || proposal.proposer, proposal.number);
  }
  const separator = t('agenda.listSeparator');
  return [...numbers].map(([delegation, list]) => ({ delegation, proposals: list, label: t('compilation.proposerNumbers', { name: delegation, numbers: list.join(separator) }) }));
}

/**
 * The compilation text of a document in `lang`: every paragraph of the current text in document
 * order (alternatives after their paragraph), each with its proposals (amendments of every status,
 * or open ones only, oldest first; an alternative's own text against its paragraph's), who proposed
 * and supported them, the objections and reservations with their notes, and the rationales. A
 * deleted paragraph is not in the current text, so neither are its amendments. Reads only.
 */
export function buildCompilationModel(db: Database, input: CompilationModelInput): CompilationModel {
  const { lang } = input;
  const doc = getOutcomeDocument(db, input.documentId);
  if (!doc.languages.includes(lang)) {
    throw new CoreError('invalid_input', `${lang} is not a working language of the forum (${doc.languages.join(', ')}).`, [{ path: 'lang', message: 'validation.notWorkingLanguage' }]);
  }
  // The title block, labels and current texts exactly as the outcome export prints them; a
  // missing translation prints the source text, marked (a working document never refuses).
  const outcome = buildOutcomeModel(db, { documentId: doc.id, languages: [lang], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true });
  const column = outcome.columns[0];
  if (!column) throw new CoreError('internal', 'The outcome model has no column.');
  const t = documentText(lang);
  const byId = new Map(doc.paragraphs.map((p) => [p.id, p]));
  let proposalCount = 0;
  // One collator for the whole document: localeCompare with a locale builds one per comparison.
  const collator = new Intl.Collator(lang);
  const rows = doc.paragraphs.map((p, index): CompilationRow => {
    const item = column.items[index];
    if (!item || item.paragraphId !== p.id) throw new CoreError('internal', 'The outcome model and the document disagree on the order.');
    const amendments = p.amendments.total > 0 ? listAmendments(db, p.id).filter((a) => input.amendments === 'all' || a.status === 'open') : [];
    const proposals: CompilationProposal[] = [];
    if (p.alternativeOf !== null) proposals.push(alternativeProposal(p, byId.get(p.alternativeOf), doc, lang, t));
    for (const a of amendments) proposals.push(amendmentProposal(a, proposals.length + 1, lang, t));
    proposalCount += proposals.length;
    const stances = p.stances.support + p.stances.objection + p.stances.reservation > 0 ? listStances(db, p.id) : [];
    const of = (kind: Stance['stance']) => byDelegation(stances.filter((s) => s.stance === kind), collator);
    return {
      paragraphId: p.id,
      kind: p.kind,
      place: p.kind === 'heading' ? '' : referenceText(p.place, lang),
      role: p.role && p.kind !== 'heading' ? t(`compilation.role.${p.role}`) : '',
      status: p.kind === 'heading' ? '' : t(`outcome.status.${p.status}`),
      text: item.text,
      item: index,
      proposals,
      proposedBy: proposedBy(p, proposals, amendments, t),
      supportedBy: of('support'),
      objections: of('objection'),
      reservations: of('reservation'),
    };
  });
  const paragraphs = doc.paragraphs.filter((p) => p.kind !== 'heading').length;
  return {
    documentId: doc.id,
    lang,
    dir: directionOf(lang),
    scope: input.amendments,
    column,
    heading: t('compilation.title'),
    summary: t('compilation.summary', { paragraphs, proposals: proposalCount }),
    rows,
    labels: {
      columns: [
        t('compilation.columns.paragraph'),
        t('compilation.columns.text'),
        t('compilation.columns.proposals'),
        t('compilation.columns.proposedSupported'),
        t('compilation.columns.objections'),
        t('compilation.columns.rationale'),
      ],
      noProposals: t('compilation.noProposals'),
      proposedBy: t('compilation.proposedBy'),
      supportedBy: t('compilation.supportedBy'),
      objection: t('compilation.objection'),
      reservation: t('compilation.reservation'),
      legend: t('compilation.legend'),
      markdownLegend: t('compilation.markdownLegend'),
      notes: t('outcome.notes'),
      separator: t('agenda.listSeparator'),
    },
  };
}
