import type { Database } from 'better-sqlite3';
import type { Projection } from '../../../shared/companion';
import { CoreError } from '../errors';
import { writeRow, type Writer } from '../store/changeLog';
import { getForum } from '../store/forums';

interface ProjectionRow {
  forum_id: string;
  document_id: string | null;
  paragraph_id: string | null;
  shown_at: string | null;
}

/** What the draft projector of a forum shows now (nulls: nothing, or never used). */
export function currentProjection(db: Database, forumId: string): Projection {
  const row = db.prepare('SELECT forum_id, document_id, paragraph_id, shown_at FROM projections WHERE id = ? AND deleted = 0').get(forumId) as
    | ProjectionRow
    | undefined;
  return { forumId, documentId: row?.document_id ?? null, paragraphId: row?.paragraph_id ?? null, shownAt: row?.shown_at ?? null };
}

/**
 * Records the paragraph the projector moved to. One row per forum (its id the forum's), so two
 * projectors merge by the newest move. A move to where it already is writes nothing.
 */
export function showOnProjector(writer: Writer, forumId: string, documentId: string | null, paragraphId: string | null): Projection {
  getForum(writer.db, forumId);
  if (documentId !== null) {
    const found = writer.db.prepare('SELECT 1 FROM outcome_documents WHERE id = ? AND forum_id = ? AND deleted = 0').get(documentId, forumId);
    if (!found) throw new CoreError('not_found', `No document ${documentId} in forum ${forumId}.`);
  }
  if (paragraphId !== null) {
    const found = writer.db
      .prepare('SELECT 1 FROM outcome_paragraphs WHERE id = ? AND forum_id = ? AND coalesce(document_id, forum_id) = ? AND deleted = 0')
      .get(paragraphId, forumId, documentId ?? '');
    if (!found) throw new CoreError('not_found', `No paragraph ${paragraphId} in document ${documentId ?? '(none)'}.`);
  }
  const current = currentProjection(writer.db, forumId);
  if (current.shownAt !== null && current.documentId === documentId && current.paragraphId === paragraphId) return current;
  writeRow(writer, 'projections', forumId, { forum_id: forumId, document_id: documentId, paragraph_id: paragraphId, shown_at: new Date().toISOString() });
  return currentProjection(writer.db, forumId);
}
