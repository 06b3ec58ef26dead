import { generateNKeysBetween } from 'fractional-indexing';
import { newRowId } from '../../../shared/rowIds';
import { z } from 'zod';
import demoDocuments from '../../../resources/demo/documents.json';
import { sectionHeadingKey } from '../../../shared/documentKinds';
import { documentContact } from '../../../shared/documentContacts';
import type { Forum } from '../../../shared/forum';
import { outcomeKinds } from '../../../shared/forum';
import { numberingStyles, signatory } from '../../../shared/outcome';
import { generateKeyMessagesDocument } from '../documents/keyMessagesDocument';
import { documentText } from '../exports/documentText';
import { sessionLine } from '../exports/mergeFields';
import { agendaView } from '../store/agendaView';
import { writeRow, type Writer } from '../store/changeLog';
import { sourceLinkId } from '../store/paragraphSources';

const text = z.record(z.string(), z.string());
const paragraph = z.union([
  z.object({ section: z.string() }).strict(),
  z.object({ sessionHeading: z.literal(true) }).strict(),
  z.object({ sessionDetails: z.literal(true) }).strict(),
  z.object({ keyMessagesOf: z.string() }).strict(),
  z.object({ kind: z.enum(['plain', 'numbered']), text }).strict(),
]);
const documentsSchema = z.object({
  coOrganiserNames: text,
  contacts: z.array(documentContact),
  validatedKeyMessages: z.array(z.string()),
  documents: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(outcomeKinds),
      numbering: z.enum(numberingStyles),
      title: text,
      subtitle: text,
      startDate: z.string(),
      endDate: z.string(),
      session: z.string().optional(),
      addressee: text.optional(),
      closing: text.optional(),
      signatories: z.array(signatory).optional(),
      paragraphs: z.array(paragraph),
    }),
  ),
  keyMessagesDocument: z.object({ title: text, subtitle: text, preamble: text }),
});

export interface DemoKeys {
  idOf(key: string): string;
  /** The demo's key messages of a session, in order: their keys and texts. */
  keyMessagesOf(session: string): Array<{ key: string; text: Record<string, string> }>;
}

/** The sessions whose key messages the demo's chairs have validated (the Key messages document is built from them). */
export const demoValidatedSessions = (): ReadonlySet<string> => new Set(documentsSchema.shape.validatedKeyMessages.parse(demoDocuments.validatedKeyMessages));

const nonEmpty = (value: Record<string, string>) => Object.fromEntries(Object.entries(value).filter(([, t]) => t !== ''));

/**
 * One document of each kind beside the forum's Consensus, written in our own words after the
 * seeds' structure: a concept note under its sections, a letter of intent with its addressee,
 * signatories and dateline, the Key messages document generated from the validated key messages,
 * and one session's report. Call inside the demo's transaction, after its key messages.
 */
export function writeDemoDocuments(writer: Writer, forum: Forum, keys: DemoKeys): void {
  const demo = documentsSchema.parse(demoDocuments);
  const base = { forum_id: forum.id, deleted: 0 };
  writeRow(writer, 'forums', forum.id, { co_organiser_names: demo.coOrganiserNames });
  // The Consensus carries the secretariat's contacts after its closing, as the seeds' does.
  writeRow(writer, 'outcome_documents', forum.id, { co_organiser_names: demo.coOrganiserNames, contacts: demo.contacts });
  const sessions = new Map(agendaView(writer.db, '', forum.id).sessions.map((s) => [s.id, s]));
  for (const doc of demo.documents) {
    const id = newRowId();
    writeRow(writer, 'outcome_documents', id, {
      ...base,
      kind: doc.kind,
      title: doc.title,
      subtitle: nonEmpty(doc.subtitle),
      place: forum.venue,
      start_date: doc.startDate,
      end_date: doc.endDate,
      co_organisers: doc.kind === 'letter_of_intent' ? [] : forum.coOrganisers,
      co_organiser_names: doc.kind === 'letter_of_intent' ? {} : demo.coOrganiserNames,
      preamble: {},
      lead_in: {},
      closing: doc.closing ?? {},
      numbering: doc.numbering,
      addressee: doc.addressee ?? {},
      signatories: doc.signatories ?? [],
      contacts: doc.kind === 'concept_note' ? demo.contacts.slice(0, 1) : [],
    });
    const session = doc.session === undefined ? undefined : sessions.get(keys.idOf(doc.session));
    const rows = doc.paragraphs.flatMap((p): Array<{ kind: string; section?: string; text: Record<string, string>; sources?: string[] }> => {
      if ('section' in p) {
        return [{ kind: 'heading', section: p.section, text: Object.fromEntries(forum.languages.map((lang) => [lang, documentText(lang)(sectionHeadingKey(doc.kind, p.section))])) }];
      }
      if ('sessionHeading' in p) return session ? [{ kind: 'heading', text: nonEmpty(session.title) }] : [];
      if ('sessionDetails' in p) return session ? [{ kind: 'plain', text: Object.fromEntries(forum.languages.map((lang) => [lang, sessionLine(session, lang, forum.sourceLanguage)])) }] : [];
      if ('keyMessagesOf' in p) return keys.keyMessagesOf(p.keyMessagesOf).map((k) => ({ kind: 'numbered', text: k.text, sources: [k.key] }));
      return [{ kind: p.kind, text: p.text }];
    });
    const positions = generateNKeysBetween(null, null, rows.length);
    rows.forEach((row, index) => {
      const paragraphId = newRowId();
      writeRow(writer, 'outcome_paragraphs', paragraphId, {
        ...base,
        document_id: id,
        kind: row.kind,
        text: row.text,
        status: 'agreed',
        section: row.section ?? null,
        position: positions[index],
      });
      for (const source of row.sources ?? []) {
        const keyMessageId = keys.idOf(source);
        writeRow(writer, 'paragraph_sources', sourceLinkId(paragraphId, keyMessageId), { ...base, paragraph_id: paragraphId, key_message_id: keyMessageId });
      }
    });
  }
  // Built as the drafters would: from the validated key messages, with the app's own generator.
  const generated = generateKeyMessagesDocument(writer, forum.id);
  const { title, subtitle, preamble } = demo.keyMessagesDocument;
  writeRow(writer, 'outcome_documents', generated.documentId, { title, subtitle, preamble, co_organiser_names: demo.coOrganiserNames });
}
