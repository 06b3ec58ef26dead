import type { DraftParagraph } from '../../../shared/outcome';

/** A paragraph as the drafting screen holds it, with nothing set but what a test names. */
export const draftParagraph = (id: string, position: string, extra: Partial<DraftParagraph> = {}): DraftParagraph => ({
  id,
  documentId: 'doc-00001',
  kind: 'numbered',
  position,
  number: null,
  section: null,
  text: { en: id },
  status: 'draft',
  translations: {},
  alternatives: {},
  keyMessageIds: [],
  sessionIds: [],
  amendments: { open: 0, total: 0 },
  stances: { support: 0, objection: 0, reservation: 0 },
  role: null,
  level: 0,
  place: { number: null, countedAs: null, suffix: 0, path: [] },
  alternativeOf: null,
  inNegotiation: false,
  proposers: [],
  ...extra,
});
