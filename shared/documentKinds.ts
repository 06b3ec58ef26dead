// The kinds of document a forum can hold, as data. Screens, the store and the exports read this
// registry instead of switching on a kind, so a new kind is one entry here plus its words in
// `documentText.json` (headings printed in the document's language) and `app.json` (its name in
// the interface): nothing else changes, because drafting, amendments, history, translations and
// sync all work on paragraphs.

/** Every kind this Plenary knows; a bundle from a newer one may carry others (see `isDocumentKind`). */
export const documentKindNames = ['consensus', 'key_messages', 'communique', 'declaration', 'concept_note', 'letter_of_intent', 'session_report'] as const;
export type DocumentKindName = (typeof documentKindNames)[number];

/**
 * Parts printed around the paragraphs, beyond title, subtitle, place and dates. `participation`:
 * the forum's figures as one sentence ("200 participants, 18 international organisations, 17
 * countries"), as the seeds' Consensus carries it under its title; listed here, it is on by
 * default for the kind, and each document may turn it on or off.
 */
export type TitlePart = 'coOrganisers' | 'participation' | 'addressee';
/**
 * `closing`: the closing place-and-date line (the document's own, else place and end date); listed
 * here, it is on by default for the kind, and each document may turn it off or on. Contact blocks
 * (a secretariat's address) print after it on every kind that has any.
 */
export type ClosingPart = 'closing' | 'addressee' | 'signatories';

export interface DocumentKindSpec {
  /**
   * Section keys, in order. Creating a document seeds one heading paragraph per key; its heading
   * is `documentText.kinds.<kind>.sections.<key>` in each language.
   */
  sections: readonly string[];
  /** For kinds printed per agenda session: these headings are seeded under each session's title. */
  perSession?: readonly string[];
  numbering: 'ordinal' | 'numbers' | 'none';
  /** Printed in the title block, in this order, after title, subtitle and place and dates. */
  titleBlock: readonly TitlePart[];
  /** Printed after the paragraphs, in this order. */
  closing: readonly ClosingPart[];
}

export const documentKinds: Record<DocumentKindName, DocumentKindSpec> = {
  consensus: { sections: [], numbering: 'ordinal', titleBlock: ['coOrganisers', 'participation'], closing: ['closing'] },
  key_messages: { sections: [], numbering: 'numbers', titleBlock: ['coOrganisers'], closing: ['closing'] },
  communique: { sections: [], numbering: 'numbers', titleBlock: ['coOrganisers'], closing: ['closing'] },
  declaration: { sections: [], numbering: 'numbers', titleBlock: ['coOrganisers'], closing: ['closing'] },
  concept_note: {
    sections: ['background', 'objectives', 'expectedOutputs', 'participants', 'backgroundDocuments', 'programme'],
    numbering: 'none',
    titleBlock: ['coOrganisers'],
    closing: [],
  },
  // A letter names its addressee above the body, as letters do; signatories and the dateline close it.
  letter_of_intent: {
    sections: [],
    numbering: 'none',
    titleBlock: ['addressee'],
    closing: ['signatories', 'closing'],
  },
  session_report: {
    sections: [],
    perSession: ['summary', 'keyMessages', 'decisions'],
    numbering: 'numbers',
    titleBlock: ['coOrganisers'],
    closing: [],
  },
};

export function isDocumentKind(kind: string | null | undefined): kind is DocumentKindName {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(documentKinds, kind);
}

/** The registry entry, or undefined for a kind a newer Plenary made (kept as is, shown as such). */
export function documentKind(kind: string | null | undefined): DocumentKindSpec | undefined {
  return isDocumentKind(kind) ? documentKinds[kind] : undefined;
}

/** The documentText key of a section heading ("kinds.concept_note.sections.objectives"). */
export const sectionHeadingKey = (kind: string, section: string): string => `kinds.${kind}.sections.${section}`;

/** One signatory of a letter or announcement; title and organisation per language. */
export interface Signatory {
  name: string;
  title: Record<string, string>;
  organisation: Record<string, string>;
}

/** A contact block after the closing (a secretariat's): organisation and address per language. */
export interface DocumentContact {
  organisation: Record<string, string>;
  /** Per language; its lines print as separate lines. */
  address: Record<string, string>;
  email: string;
  phone: string;
  website: string;
}

/** Whether the title block carries the participation sentence: the document's choice, else the kind's default. */
export function showsParticipation(kind: string, chosen: boolean | null): boolean {
  if (chosen !== null) return chosen;
  return (documentKind(kind)?.titleBlock ?? []).includes('participation');
}

/** Whether the closing place-and-date line prints: the document's choice, else the kind's default (a newer kind's: yes). */
export function showsClosingLine(kind: string, chosen: boolean | null): boolean {
  if (chosen !== null) return chosen;
  const spec = documentKind(kind);
  return !spec || spec.closing.includes('closing');
}

/**
 * The co-organisers' names in `lang`: that language's own list (one name a line) where it has
 * one, else the names as entered, which older forums hold as plain names for every language.
 */
export function coOrganisersIn(names: string[], perLanguage: Record<string, string>, lang: string): string[] {
  const own = (perLanguage[lang] ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return own.length > 0 ? own : names;
}
