import type { Database } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { documentKind, sectionHeadingKey } from '../../../shared/documentKinds';
import type { Forum } from '../../../shared/forum';
import { documentText } from '../exports/documentText';
import { sessionLine } from '../exports/mergeFields';
import { agendaView } from './agendaView';
import { writeRow, type Writer } from './changeLog';
import { derivedId } from './derivedId';

interface Seed {
  /** What the paragraph stands for, from which its id is derived. */
  key: string[];
  kind: 'heading' | 'plain';
  section: string | null;
  text: Record<string, string>;
}

/** The kind's section headings, each in every working language from documentText.json. */
function headings(forum: Forum, kind: string, sections: readonly string[], key: string[]): Seed[] {
  return sections.map((section) => ({
    key: [...key, section],
    kind: 'heading',
    section,
    text: Object.fromEntries(forum.languages.map((lang) => [lang, documentText(lang)(sectionHeadingKey(kind, section))])),
  }));
}

/**
 * Per agenda session (breaks aside), in agenda order: its title as a heading, a line with its day,
 * time, room and people with a role in each working language (the agenda as it stands now, to
 * edit like any paragraph), then the kind's per-session headings.
 */
function perSession(db: Database, forum: Forum, kind: string, sections: readonly string[]): Seed[] {
  const seeds: Seed[] = [];
  for (const session of agendaView(db, '', forum.id).sessions) {
    if (session.kind === 'break') continue;
    const title = Object.fromEntries(Object.entries(session.title).filter(([lang, text]) => text !== '' && forum.languages.includes(lang)));
    if (Object.keys(title).length === 0) title[forum.sourceLanguage] = documentText(forum.sourceLanguage)('agenda.untitled');
    seeds.push({ key: [session.id], kind: 'heading', section: null, text: title });
    seeds.push({ key: [session.id, 'details'], kind: 'plain', section: null, text: Object.fromEntries(forum.languages.map((lang) => [lang, sessionLine(session, lang, forum.sourceLanguage)])) });
    seeds.push(...headings(forum, kind, sections, [session.id]));
  }
  return seeds;
}

/**
 * Seeds a new document with its kind's sections: heading paragraphs carrying their section key
 * (exports print them in each language from documentText.json; the seeded text is that heading
 * in each working language, for the drafting screen), and for kinds reported per session, each
 * session's block. Ids and positions are derived from the document and what each paragraph stands
 * for, so two laptops that each create the forum's first document seed one set that merges. Call
 * inside the document's creating transaction.
 */
export function seedSections(writer: Writer, forum: Forum, documentId: string, kind: string): number {
  const spec = documentKind(kind);
  if (!spec) return 0;
  const seeds = [...headings(forum, kind, spec.sections, []), ...(spec.perSession ? perSession(writer.db, forum, kind, spec.perSession) : [])];
  let position: string | null = null;
  for (const seed of seeds) {
    position = generateKeyBetween(position, null);
    writeRow(writer, 'outcome_paragraphs', derivedId('section', documentId, ...seed.key), {
      forum_id: forum.id,
      document_id: documentId,
      kind: seed.kind,
      position,
      text: seed.text,
      status: 'draft',
      section: seed.section,
      deleted: 0,
    });
  }
  return seeds.length;
}
