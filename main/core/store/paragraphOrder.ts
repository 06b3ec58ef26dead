import type { Database } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import type { Writer } from './changeLog';
import { keyBetween, orderable, type Placed } from './fractionalOrder';

/**
 * A document's live paragraphs in order, alternatives aside (they stand with theirs) (paragraphs from before documents existed carry no
 * document id and belong to the forum's first document, whose id is the forum's). Positions
 * compare as bytes; two laptops that picked the same key are told apart by id.
 */
export function documentOrder(db: Database, documentId: string): Array<Placed & { kind: string }> {
  return db
    .prepare(
      `SELECT id, coalesce(position, '') AS position, kind FROM outcome_paragraphs
        WHERE coalesce(document_id, forum_id) = ? AND deleted = 0 AND alternative_of IS NULL ORDER BY position, id`,
    )
    .all(documentId) as Array<Placed & { kind: string }>;
}

const words = { item: 'paragraph', list: 'document' };

/**
 * The key that puts a new paragraph right after `after` (null: first). Call inside the write's
 * transaction: the document may need renumbering first.
 */
export function positionAfter(writer: Writer, documentId: string, after: string | null): string {
  const list = orderable(writer, 'outcome_paragraphs', documentOrder(writer.db, documentId));
  if (after === null) return generateKeyBetween(null, list[0]?.position ?? null);
  return keyBetween(list, '', after, null, words);
}

/** The key that puts `id` between `after` and `before` in its document (see keyBetween). */
export function positionBetween(writer: Writer, documentId: string, id: string, after: string | null, before: string | null): string {
  const list = orderable(
    writer,
    'outcome_paragraphs',
    documentOrder(writer.db, documentId).filter((p) => p.id !== id),
  );
  return keyBetween(list, id, after, before, words);
}
