// The kinds of document a forum can hold, as data. Screens, the store and the exports read this
// registry instead of switching on a kind, so a new kind is one entry here plus its words in
// `documentText.json` (headings printed in the document's language) and `app.json` (its name in
// the interface): nothing else changes, because drafting, amendments, history, translations and
// sync all work on paragraphs.

/** Every kind this Plenary knows; a bundle from a newer one may carry others (see `isDocumentKind`). */
export const documentKindNames = ['consensus', 'key_messages', 'communique', 'declaration', 'concept_note', 'letter_of_intent', 'session_report'] as const;
export type DocumentKindName = (typeof documentKindNames)[number];

/** Parts printed around the paragraphs, beyond title, subtitle, place and dates. */
export type TitlePart = 'coOrganisers';
/** `closing`: the closing place-and-date line (the document's own, else place and end date). */
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
  consensus: { sections: [], numbering: 'ordinal', titleBlock: ['coOrganisers'], closing: ['closing'] },
  key_messages: { sections: [], numbering: 'numbers', titleBlock: ['coOrganisers'], closing: ['closing'] },
  communique: { sections: [], numbering: 'numbers', titleBlock: ['coOrganisers'], closing: ['closing'] },
  declaration: { sections: [], numbering: 'numbers', titleBlock: ['coOrganisers'], closing: ['closing'] },
  concept_note: {
    sections: ['background', 'objectives', 'expectedOutputs', 'participants', 'backgroundDocuments', 'programme'],
    numbering: 'none',
    titleBlock: ['coOrganisers'],
    closing: [],
  },
  letter_of_intent: {
    sections: [],
    numbering: 'none',
    titleBlock: [],
    closing: ['addressee', 'signatories', 'closing'],
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
