import { describe, expect, it } from 'vitest';
import { outcomeDocumentInput } from '../../../shared/outcome';
import { documentValues, pruneDocumentValues } from '../../../renderer/src/components/drafting/documentValues';
import type { OutcomeDocument } from '../../../shared/outcome';

const letter: OutcomeDocument = {
  id: 'doc-00001',
  forumId: 'forum-0001',
  kind: 'letter_of_intent',
  title: { en: 'Letter of intent' },
  subtitle: {},
  place: { en: 'Nairobi' },
  startDate: '2019-05-30',
  endDate: '2019-05-30',
  coOrganisers: [],
  preamble: {},
  leadIn: {},
  closing: {},
  numbering: 'none',
  addressee: { en: 'Songyang County' },
  signatories: [{ name: 'Ana Rivera', title: { en: 'Director', zh: '司长' }, organisation: { en: 'UN-Habitat' } }],
  coOrganiserNames: {},
  participation: false,
  closingLine: true,
  contacts: [],
  languages: ['en', 'zh'],
  sourceLanguage: 'en',
  translations: {},
  paragraphs: [],
  roleNumbering: 'together',
  openingStyle: 'italic',
  counts: { agreed: 0, adRef: 0, bracketed: 0, open: 0 },
  places: {},
};

describe('the document form’s values', () => {
  it('carry the addressee and signatories, sending only working languages and no empty translations', () => {
    const values = documentValues(letter);
    const edited = {
      ...values,
      signatories: [...(values.signatories ?? []), { name: 'Li Wei', title: { en: 'County head', zh: '', fr: 'Chef' }, organisation: { en: '  ' } }],
    };
    const sent = outcomeDocumentInput.parse(pruneDocumentValues(edited, ['en', 'zh']));
    expect(sent.addressee).toEqual({ en: 'Songyang County' });
    expect(sent.signatories).toEqual([
      { name: 'Ana Rivera', title: { en: 'Director', zh: '司长' }, organisation: { en: 'UN-Habitat' } },
      { name: 'Li Wei', title: { en: 'County head' }, organisation: {} },
    ]);
  });

  it('keep a newer Plenary’s kind out of the form (the core keeps it)', () => {
    expect(documentValues({ ...letter, kind: 'minutes' }).kind).toBe('consensus');
  });
});
