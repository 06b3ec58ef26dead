import type { Database } from 'better-sqlite3';
import type { Amendment } from '../../../shared/amendments';
import type { MissingTranslation, OutcomeExportInput } from '../../../shared/exports';
import { coOrganisersIn, documentKind, sectionHeadingKey, type DocumentContact } from '../../../shared/documentKinds';
import { directionOf } from '../../../shared/languages';
import { textAfterLabel } from '../../../shared/leadingOrdinal';
import { printedLabel, referenceText } from '../../../shared/paragraphPlace';
import { resolveReferences, styleOpeningPhrase, withoutLeadMarker } from '../../../shared/paragraphRefs';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import type { FieldIssue } from '../../../shared/result';
import { wordDiff } from '../../../shared/wordDiff';
import { CoreError } from '../errors';
import { listAmendments } from '../store/amendments';
import { getOutcomeDocument } from '../store/outcomeView';
import { formatDates } from './formatDates';
import { mergeValues, resolveMergeFields, type MergeValues } from './mergeFields';
import { documentText, languageName, shownText, type DocumentTextFn } from './documentText';
import { outcomeAnnexes } from './outcomeModelAnnexes';
import type { ModelAmendment, OutcomeColumn, OutcomeItem, OutcomeModel, ShownText, TextPart } from './outcomeModelTypes';

export type * from './outcomeModelTypes';

export type OutcomeModelInput = Pick<OutcomeExportInput, 'documentId' | 'languages' | 'variant' | 'annexes' | 'fallback'> & Partial<Pick<OutcomeExportInput, 'explanations'>>;

const headerFieldNames = ['title', 'subtitle', 'place', 'preamble', 'leadIn', 'closing', 'addressee'] as const;
type HeaderField = (typeof headerFieldNames)[number];

/** The language a missing text falls back to: the source, else the first working language that has it. */
function fallbackLanguage(texts: Record<string, string>, doc: OutcomeDocument): string | undefined {
  if (texts[doc.sourceLanguage]) return doc.sourceLanguage;
  return doc.languages.find((lang) => texts[lang]);
}

function checkLanguages(doc: OutcomeDocument, languages: string[]): void {
  const foreign = languages.filter((lang) => !doc.languages.includes(lang));
  if (foreign.length === 0) return;
  throw new CoreError(
    'invalid_input',
    `${foreign.join(', ')} ${foreign.length === 1 ? 'is not a working language' : 'are not working languages'} of the forum (${doc.languages.join(', ')}).`,
    [{ path: 'languages', message: 'validation.notWorkingLanguage' }],
  );
}

/** A text some language has (so something would be printed) but `lang` lacks. */
const lacks = (texts: Record<string, string>, lang: string, doc: OutcomeDocument): boolean =>
  !texts[lang] && fallbackLanguage(texts, doc) !== undefined;

function missingIn(doc: OutcomeDocument, languages: string[]): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  for (const lang of languages) {
    for (const field of headerFieldNames) {
      if (lacks(doc[field], lang, doc)) missing.push({ lang, paragraphId: null, number: null, field });
    }
    for (const p of doc.paragraphs) {
      if (sectionHeading(doc, p, lang) !== undefined) continue;
      if (lacks(p.text, lang, doc)) missing.push({ lang, paragraphId: p.id, number: p.number, field: 'paragraph' });
    }
  }
  return missing;
}

/**
 * What an export of the document in `languages` would print in another language than asked: every
 * header field and paragraph that has text in some language but none in one of these. Languages
 * that are not the forum's are refused (invalid_input); an unknown document is not_found.
 */
export function missingTranslations(db: Database, documentId: string, languages: string[]): MissingTranslation[] {
  const doc = getOutcomeDocument(db, documentId);
  checkLanguages(doc, languages);
  return missingIn(doc, languages);
}

/**
 * A section heading seeded from the kind's registry prints, in a language it has no text in, the
 * kind's heading in that language (never a marked fallback); undefined for other paragraphs and
 * for sections this Plenary does not know (a newer one's), which print their own text.
 */
function sectionHeading(doc: OutcomeDocument, p: DraftParagraph, lang: string): string | undefined {
  if (p.kind !== 'heading' || p.section === null || p.text[lang]) return undefined;
  const key = sectionHeadingKey(doc.kind, p.section);
  const heading = documentText(lang)(key);
  return heading === key ? undefined : heading;
}

function describe(item: MissingTranslation): string {
  if (item.field !== 'paragraph') return `${item.field} (${item.lang})`;
  return item.number !== null ? `paragraph ${item.number} (${item.lang})` : `paragraph ${item.paragraphId ?? ''} (${item.lang})`;
}

/** Text cut at [square brackets]; a bracketed paragraph without brackets of its own is bracketed throughout. */
export function bracketParts(text: string, wholeBracketed: boolean): TextPart[] {
  if (wholeBracketed && !/\[[^[\]]*\]/.test(text)) return text ? [{ text, bracketed: true }] : [];
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(/\[[^[\]]*\]/g)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), bracketed: false });
    parts.push({ text: match[0], bracketed: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), bracketed: false });
  return parts;
}

interface Resolver {
  lang: string;
  t: DocumentTextFn;
  /** Text in the column's language, else the marked fallback, else null (nobody wrote any); `prose` prepares a paragraph's text in its language. */
  shown(texts: Record<string, string>, bracketed?: boolean, prose?: (text: string, textLang: string) => string): ShownText | null;
}

/** Merge fields take the COLUMN's language: a fallback English text in the Chinese column gets Chinese dates. */
function resolver(doc: OutcomeDocument, lang: string, onFallback: () => void, values: MergeValues): Resolver {
  const t = documentText(lang);
  const make = (raw: string, textLang: string, bracketed: boolean, prose?: (text: string, textLang: string) => string): ShownText => {
    const text = resolveMergeFields(prose ? prose(raw, textLang) : raw, values);
    return shownText(text, textLang, lang, bracketParts(text, bracketed));
  };
  return {
    lang,
    t,
    shown(texts, bracketed = false, prose) {
      const own = texts[lang];
      if (own) return make(own, lang, bracketed, prose);
      const other = fallbackLanguage(texts, doc);
      if (!other) return null;
      onFallback();
      return make(texts[other] ?? '', other, bracketed, prose);
    },
  };
}

// UN English is British English ("9–11 December 2019"), whatever the machine's default.
function amendmentOf(a: Amendment, current: string, r: Resolver): ModelAmendment {
  const proposer = a.proposer.name || r.t('outcome.amendment.unknownProposer');
  const noteKey = a.kind === 'replace' ? 'replace' : a.kind === 'delete' ? 'delete' : 'insertAfter';
  let parts = wordDiff(current, a.text, a.lang);
  if (a.kind === 'delete') parts = current ? [{ kind: 'delete', text: current }] : [];
  if (a.kind === 'insert_after') parts = [{ kind: 'insert', text: a.text }];
  return {
    id: a.id,
    kind: a.kind,
    proposer,
    createdAt: a.createdAt,
    rationale: a.rationale,
    stale: a.stale,
    text: a.text,
    parts,
    note: r.t(`outcome.amendment.${noteKey}`, { name: proposer }),
    rationaleNote: a.rationale ? r.t('outcome.amendment.rationale', { text: a.rationale }) : '',
  };
}

/**
 * A paragraph's prose as printed in `textLang` after `label`: an ordinal word typed at its start
 * left out (see textAfterLabel), each cross-reference as the number its paragraph has now in that
 * language (a deleted one as a marked "deleted paragraph"), the opening phrase of a preambular
 * paragraph in italics and of an operative one as the document chooses, and the whole in square
 * brackets while it is one of several alternatives.
 */
export function paragraphProse(doc: Pick<OutcomeDocument, 'places' | 'openingStyle' | 'numbering'>, p: Pick<DraftParagraph, 'role' | 'level' | 'inNegotiation'>, label: string) {
  const style = p.level > 0 || p.role === null ? null : p.role === 'preambular' ? 'italic' : doc.openingStyle;
  return (text: string, textLang: string): string => {
    const resolved = resolveReferences(textAfterLabel(text, label, doc.numbering, textLang), (id) => {
      const place = doc.places[id];
      return place ? referenceText(place, textLang) : documentText(textLang)('outcome.deletedReference');
    });
    const styled = style === null ? withoutLeadMarker(resolved) : styleOpeningPhrase(resolved, style);
    // Alternatives under negotiation print in square brackets, whatever the variant.
    return p.inNegotiation && !/^\[[\s\S]*\]$/.test(styled.trim()) ? `[${styled}]` : styled;
  };
}

/** The shown text as printed after `label` (see textAfterLabel): never "First, First, …". */
function withoutTypedOrdinal(shown: ShownText, label: string, doc: OutcomeDocument, bracketed: boolean): ShownText {
  const rest = textAfterLabel(shown.text, label, doc.numbering, shown.lang);
  return rest === shown.text ? shown : { ...shown, text: rest, parts: bracketParts(rest, bracketed) };
}

function item(
  doc: OutcomeDocument,
  p: DraftParagraph,
  r: Resolver,
  open: Amendment[],
  printed: string[],
  first: boolean,
): OutcomeItem {
  const heading = sectionHeading(doc, p, r.lang);
  // An alternative still under negotiation prints bracketed, as does the paragraph it competes with.
  const bracketed = p.status === 'bracketed' || p.inNegotiation;
  const label = p.kind === 'heading' ? '' : printedLabel(p.place, doc, r.lang);
  const shown = r.shown(heading === undefined ? p.text : { [r.lang]: heading }, bracketed, heading === undefined ? paragraphProse(doc, p, label) : undefined);
  if (!shown) throw new CoreError('not_found', `Paragraph ${p.id} has no text in any language.`);
  const text = withoutTypedOrdinal(shown, label, doc, bracketed);
  const { support, objection, reservation } = p.stances;
  const mine = open.filter((a) => a.lang === r.lang);
  const foreign = first ? open.filter((a) => !printed.includes(a.lang)) : [];
  return {
    paragraphId: p.id,
    kind: p.kind,
    number: p.number,
    role: p.role,
    level: p.level,
    proposers: p.proposers,
    label,
    text,
    status: p.status,
    statusNote: [r.t('outcome.statusLine', { status: r.t(`outcome.status.${p.status}`) }), ...(p.proposers.length > 0 ? [r.t('outcome.proposedBy', { names: p.proposers.join(r.t('agenda.listSeparator')) })] : [])].join(' · '),
    amendments: mine.map((a) => amendmentOf(a, p.text[r.lang] ?? '', r)),
    foreignAmendments: foreign.map((a) => {
      const textLang = a.kind === 'delete' ? r.lang : a.lang;
      const lead = r.t('outcome.amendment.otherLanguage', {
        language: languageName(a.lang, r.lang),
        name: a.proposer.name || r.t('outcome.amendment.unknownProposer'),
      });
      const text = a.kind === 'delete' ? r.t('outcome.amendment.deleteParagraph') : a.text;
      // A full-width colon carries its own space.
      const gap = /[\u3000-\u303f\uff00-\uffef]$/.test(lead) ? '' : ' ';
      return { id: a.id, lang: a.lang, note: `${lead}${gap}${text}`, split: { lead: `${lead}${gap}`, text, textLang, textDir: directionOf(textLang) } };
    }),
    stances: { support, objection, reservation },
    stanceNote: support + objection + reservation > 0 ? r.t('outcome.stanceTally', { support, objection, reservation }) : '',
  };
}

function column(doc: OutcomeDocument, lang: string, input: OutcomeModelInput, openOf: Map<string, Amendment[]>, onFallback: () => void, values: MergeValues): OutcomeColumn {
  const r = resolver(doc, lang, onFallback, values);
  const field = (name: HeaderField) => r.shown(doc[name]);
  const place = field('place');
  const dates = formatDates(doc.startDate, doc.endDate, lang);
  const placeAndDates = place && dates ? r.t('outcome.placeAndDates', { place: place.text, dates }) : (place?.text ?? dates);
  const endDate = formatDates(doc.endDate || doc.startDate, '', lang);
  // A kind this Plenary does not know prints every part it has.
  const spec = documentKind(doc.kind);
  const inTitleBlock = (part: string) => !!spec && (spec.titleBlock as readonly string[]).includes(part);
  const wants = (part: string) => !spec || (spec.closing as readonly string[]).includes(part) || (spec.titleBlock as readonly string[]).includes(part);
  const placeAndEnd = () =>
    place || endDate ? r.shown({ [lang]: place && endDate ? r.t('outcome.placeAndDates', { place: place.text, dates: endDate }) : (place?.text ?? endDate) }) : null;
  const closing = doc.closingLine ? (field('closing') ?? placeAndEnd()) : null;
  const preamble = field('preamble');
  const preambleParagraphs = preamble
    ? preamble.text
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => ({ ...preamble, text: line, parts: bracketParts(line, false) }))
    : [];
  return {
    lang,
    dir: directionOf(lang),
    title: field('title'),
    subtitle: field('subtitle'),
    placeAndDates,
    coOrganisers: coOrganisersLine(doc, lang, r, wants),
    participation: doc.participation ? values('forum.participation') : '',
    addressee: inTitleBlock('addressee') ? addresseeLine(doc, r) : null,
    preamble: preambleParagraphs,
    leadIn: field('leadIn'),
    items: doc.paragraphs.map((p) => item(doc, p, r, openOf.get(p.id) ?? [], input.languages, lang === input.languages[0])),
    closingBlock: closingBlock(doc, r, wants),
    closing,
    contacts: doc.contacts.map((contact) => contactLines(contact, r, doc.sourceLanguage)).filter((lines) => lines.length > 0),
    pageTemplate: r.t('outcome.page'),
  };
}

/** "Co-organised by A, B" with the names in the column's language where the document has them. */
function coOrganisersLine(doc: OutcomeDocument, lang: string, r: Resolver, wants: (part: string) => boolean): string {
  const names = coOrganisersIn(doc.coOrganisers, doc.coOrganiserNames, lang);
  if (names.length === 0 || !wants('coOrganisers')) return '';
  return r.t('outcome.coOrganisers', { names: names.join(lang.startsWith('zh') ? '、' : lang.startsWith('ar') ? '، ' : ', ') });
}

/** A contact block's lines in the column's language (the source's where it has none): organisation, address lines, phone, e-mail, website. */
function contactLines(contact: DocumentContact, r: Resolver, source: string): string[] {
  // In a right-to-left column, a number, an address or a line in another language is isolated
  // (Unicode bidi isolates, which Word and browsers honour): "+86 578 800 1200" and "8 Changsong
  // Road" keep their order instead of being reordered around the Arabic.
  const rtl = directionOf(r.lang) === 'rtl';
  const ltr = (text: string) => (rtl && text !== '' ? `\u2066${text}\u2069` : text);
  const own = (texts: Record<string, string>) => texts[r.lang] || texts[source] || Object.values(texts).find((text) => text !== '') || '';
  const isolated = (texts: Record<string, string>) => (rtl && !texts[r.lang] ? (line: string) => `\u2068${line}\u2069` : (line: string) => line);
  const lines = (texts: Record<string, string>) =>
    own(texts)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map(isolated(texts));
  return [
    ...lines(contact.organisation),
    ...lines(contact.address),
    contact.phone === '' ? '' : r.t('closing.phone', { phone: ltr(contact.phone) }),
    ltr(contact.email),
    ltr(contact.website),
  ].filter((line) => line !== '');
}

/** "To: …" in the column's language, or null where the document names no addressee. */
function addresseeLine(doc: OutcomeDocument, r: Resolver): ShownText | null {
  const addressee = r.shown(doc.addressee);
  if (!addressee) return null;
  const text = r.t('closing.addressee', { addressee: addressee.text });
  return { ...addressee, text, parts: bracketParts(text, false) };
}

/** The addressee and the signatories, in the column's language, where the kind prints them. */
function closingBlock(doc: OutcomeDocument, r: Resolver, wants: (part: string) => boolean): ShownText[] {
  const lines: ShownText[] = [];
  // A kind that names its addressee in the title block (a letter) does not repeat it here.
  const spec = documentKind(doc.kind);
  const addressee = wants('addressee') && !(spec?.titleBlock as readonly string[] | undefined)?.includes('addressee') ? addresseeLine(doc, r) : null;
  if (addressee) lines.push(addressee);
  if (!wants('signatories') || doc.signatories.length === 0) return lines;
  const separator = r.t('agenda.listSeparator');
  const plain = (text: string): ShownText | null => r.shown({ [r.lang]: text });
  const signedBy = plain(r.t('closing.signatories'));
  if (signedBy) lines.push(signedBy);
  for (const s of doc.signatories) {
    const own = (texts: Record<string, string>) => texts[r.lang] ?? texts[doc.sourceLanguage] ?? Object.values(texts)[0] ?? '';
    const line = plain([s.name, own(s.title), own(s.organisation)].filter((part) => part !== '').join(separator));
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * Everything a writer prints, resolved per language (see OutcomeModel). Refuses with
 * `translations_missing` (one issue per missing text) when a language lacks a text and `fallback`
 * is off; with it, the source text is printed and marked. Reads only.
 */
export function buildOutcomeModel(db: Database, input: OutcomeModelInput): OutcomeModel {
  const doc = getOutcomeDocument(db, input.documentId);
  checkLanguages(doc, input.languages);
  const missing = missingIn(doc, input.languages);
  if (missing.length > 0 && !input.fallback) {
    const issues: FieldIssue[] = missing.map((m) => ({ path: m.paragraphId ? `${m.lang}.${m.paragraphId}` : `${m.lang}.${m.field}`, message: 'validation.translationMissing' }));
    throw new CoreError('translations_missing', `Missing translations: ${missing.map(describe).join(', ')}.`, issues);
  }
  const openOf = new Map<string, Amendment[]>();
  if (input.variant === 'amendments') {
    for (const p of doc.paragraphs) {
      if (p.amendments.open === 0) continue;
      openOf.set(
        p.id,
        listAmendments(db, p.id).filter((a) => a.status === 'open'),
      );
    }
  }
  let usedFallback = false;
  const onFallback = () => {
    usedFallback = true;
  };
  const columns = input.languages.map((lang) => column(doc, lang, input, openOf, onFallback, mergeValues(db, doc.forumId, lang)));
  const annexes = outcomeAnnexes(db, doc, input.languages, input.annexes, columns, new Date(), input.explanations ?? 'footnotes');
  return {
    documentId: doc.id,
    forumId: doc.forumId,
    kind: doc.kind,
    variant: input.variant,
    sourceLanguage: doc.sourceLanguage,
    columns,
    annexes,
    usedFallback,
  };
}
