import type { z } from 'zod';
import { documentKinds, isDocumentKind, showsClosingLine, showsParticipation } from '../../../../shared/documentKinds';
import type { Forum } from '../../../../shared/forum';
import type { OutcomeDocument, outcomeDocumentInput } from '../../../../shared/outcome';

export type DocumentFormValues = z.input<typeof outcomeDocumentInput>;

/** The multilingual fields of a document's frame, in the order the form shows them. */
export const documentTextFields = ['title', 'subtitle', 'place', 'preamble', 'leadIn', 'closing', 'addressee', 'coOrganiserNames'] as const;
export type DocumentTextField = (typeof documentTextFields)[number];

/**
 * A new document starts from what the forum already says: its kind, title, theme, venue, dates and
 * co-organisers, numbered as the kind's registry entry says (a Consensus "First, … Second, …").
 * Preamble, lead-in and closing are the drafting committee's to write.
 */
export function documentValuesFromForum(forum: Forum): DocumentFormValues {
  return {
    kind: forum.outcomeKind,
    title: { ...forum.title },
    subtitle: { ...forum.theme },
    place: { ...forum.venue },
    startDate: forum.startDate,
    endDate: forum.endDate,
    coOrganisers: [...forum.coOrganisers],
    coOrganiserNames: { ...forum.coOrganiserNames },
    participation: showsParticipation(forum.outcomeKind, null),
    closingLine: showsClosingLine(forum.outcomeKind, null),
    contacts: [],
    preamble: {},
    leadIn: {},
    closing: {},
    addressee: {},
    signatories: [],
    numbering: documentKinds[forum.outcomeKind].numbering,
  };
}

export function documentValues(doc: OutcomeDocument): DocumentFormValues {
  return {
    // A newer Plenary's kind cannot be chosen here; the core keeps it whatever the form sends.
    kind: isDocumentKind(doc.kind) ? doc.kind : 'consensus',
    title: { ...doc.title },
    subtitle: { ...doc.subtitle },
    place: { ...doc.place },
    startDate: doc.startDate,
    endDate: doc.endDate,
    coOrganisers: [...doc.coOrganisers],
    coOrganiserNames: { ...doc.coOrganiserNames },
    participation: doc.participation,
    closingLine: doc.closingLine,
    contacts: doc.contacts.map((c) => ({ organisation: { ...c.organisation }, address: { ...c.address }, email: c.email, phone: c.phone, website: c.website })),
    preamble: { ...doc.preamble },
    leadIn: { ...doc.leadIn },
    closing: { ...doc.closing },
    addressee: { ...doc.addressee },
    signatories: doc.signatories.map((s) => ({ name: s.name, title: { ...s.title }, organisation: { ...s.organisation } })),
    numbering: doc.numbering,
    roleNumbering: doc.roleNumbering,
    openingStyle: doc.openingStyle,
  };
}

/**
 * Only the working languages are sent. A box emptied is sent as '' (the core then removes that
 * language), so clearing a translation really clears it.
 */
export function pruneDocumentValues(values: DocumentFormValues, languages: readonly string[]): DocumentFormValues {
  const keep = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).filter(([lang]) => languages.includes(lang)));
  const next = { ...values, coOrganisers: values.coOrganisers.map((o) => o.trim()).filter((o) => o !== '') };
  for (const field of documentTextFields) next[field] = keep(values[field] ?? {});
  // A signatory's empty translations are left out, as an empty box means "none".
  const filled = (text: Record<string, string>) => Object.fromEntries(Object.entries(keep(text)).filter(([, value]) => value.trim() !== ''));
  if (values.contacts) {
    next.contacts = values.contacts.map((c) => ({ organisation: filled(c.organisation), address: filled(c.address), email: c.email.trim(), phone: c.phone.trim(), website: c.website.trim() }));
  }
  if (values.signatories) next.signatories = values.signatories.map((s) => ({ name: s.name, title: filled(s.title), organisation: filled(s.organisation) }));
  return next;
}
