import type { Database } from 'better-sqlite3';
import type { Writer } from './changeLog';
import { keyAtEnd, keyBetween, orderable, type Placed } from './fractionalOrder';

/**
 * A session's live messages in the rapporteur's order. Positions compare as bytes (SQLite's
 * BINARY collation, the order fractional-indexing keys are built for); two laptops that picked
 * the same key are told apart by id, so every laptop shows the same order.
 */
export function sessionOrder(db: Database, sessionId: string): Placed[] {
  return db
    .prepare(
      `SELECT id, coalesce(position, '') AS position FROM key_messages
        WHERE session_id = ? AND deleted = 0 AND merged_into IS NULL ORDER BY position, id`,
    )
    .all(sessionId) as Placed[];
}

const words = { item: 'message', list: 'session' };

/** The key that puts a new message last in its session. Call inside the write's transaction. */
export function positionAtEnd(writer: Writer, sessionId: string): string {
  return keyAtEnd(orderable(writer, 'key_messages', sessionOrder(writer.db, sessionId)));
}

/** The key that puts `id` between `after` and `before` in its session (see keyBetween). */
export function positionBetween(writer: Writer, sessionId: string, id: string, after: string | null, before: string | null): string {
  const list = orderable(
    writer,
    'key_messages',
    sessionOrder(writer.db, sessionId).filter((m) => m.id !== id),
  );
  return keyBetween(list, id, after, before, words);
}
