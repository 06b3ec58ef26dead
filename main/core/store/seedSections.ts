import { generateKeyBetween } from 'fractional-indexing';
import { documentKind, sectionHeadingKey } from '../../../shared/documentKinds';
import type { Forum } from '../../../shared/forum';
import { documentText } from '../exports/documentText';
import { writeRow, type Writer } from './changeLog';
import { derivedId } from './derivedId';

/**
 * Seeds a new document with its kind's section headings: one heading paragraph per section, in
 * the registry's order, carrying its section key so exports print it in each language from
 * documentText.json (the seeded text is that heading in each working language, for the drafting
 * screen). Ids and positions are derived from the document and the key, so two laptops that each
 * create the forum's first document seed one set of headings that merges. Call inside the
 * document's creating transaction.
 */
export function seedSections(writer: Writer, forum: Forum, documentId: string, kind: string): number {
  const sections = documentKind(kind)?.sections ?? [];
  let position: string | null = null;
  for (const section of sections) {
    position = generateKeyBetween(position, null);
    const text = Object.fromEntries(forum.languages.map((lang) => [lang, documentText(lang)(sectionHeadingKey(kind, section))]));
    writeRow(writer, 'outcome_paragraphs', derivedId('section', documentId, section), {
      forum_id: forum.id,
      document_id: documentId,
      kind: 'heading',
      position,
      text,
      status: 'draft',
      section,
      deleted: 0,
    });
  }
  return sections.length;
}
