import type { Database } from 'better-sqlite3';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';

interface Placed {
  id: string;
  position: string;
}

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

function isKey(position: string): boolean {
  try {
    generateKeyBetween(position, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * New keys can only be generated next to valid, distinct keys. The demo forum's positions
 * ('a0000', 'a0010'...) end in a zero, which fractional-indexing refuses, and two laptops may
 * pick the same key concurrently. Such a list is renumbered once, in its current order, through
 * the change log (no migration: the fix travels like any edit). Another laptop renumbering the
 * same list from the same order writes the same keys, so the two agree.
 */
function orderable(writer: Writer, list: Placed[]): Placed[] {
  const fine = list.every((m, i) => isKey(m.position) && (i === 0 || (list[i - 1]?.position ?? '') < m.position));
  if (fine) return list;
  const keys = generateNKeysBetween(null, null, list.length);
  return list.map((m, i) => {
    const position = keys[i] ?? '';
    if (position !== m.position) writeRow(writer, 'key_messages', m.id, { position });
    return { id: m.id, position };
  });
}

/** The key that puts a new message last in its session. Call inside the write's transaction. */
export function positionAtEnd(writer: Writer, sessionId: string): string {
  const list = orderable(writer, sessionOrder(writer.db, sessionId));
  return generateKeyBetween(list.at(-1)?.position ?? null, null);
}

const badNeighbour = (field: 'after' | 'before', why: string) =>
  new CoreError('invalid_input', `The message cannot go there: ${field} ${why}.`, [{ path: field, message: 'validation.invalid' }]);

/**
 * The key that puts `id` between `after` and `before`, which name live messages of its session
 * (null: the start or the end). Given only one neighbour, the message goes right beside it, so
 * a list that changed since the screen drew it still gets the move the rapporteur meant.
 */
export function positionBetween(writer: Writer, sessionId: string, id: string, after: string | null, before: string | null): string {
  const list = orderable(
    writer,
    sessionOrder(writer.db, sessionId).filter((m) => m.id !== id),
  );
  const indexOf = (field: 'after' | 'before', neighbour: string | null): number => {
    if (neighbour === null) return -1;
    if (neighbour === id) throw badNeighbour(field, 'is the message itself');
    const index = list.findIndex((m) => m.id === neighbour);
    if (index < 0) throw badNeighbour(field, `${neighbour} is not a live key message of the same session`);
    return index;
  };
  const a = indexOf('after', after);
  const b = indexOf('before', before);
  let low: Placed | undefined;
  let high: Placed | undefined;
  if (after !== null && before !== null) {
    if (a >= b) throw badNeighbour('before', `${before} does not come after ${after}`);
    [low, high] = [list[a], list[b]];
  } else if (after !== null) {
    [low, high] = [list[a], list[a + 1]];
  } else if (before !== null) {
    [low, high] = [list[b - 1], list[b]];
  } else if (list.length > 0) {
    throw badNeighbour('after', 'and before are both missing while the session has other messages');
  }
  return generateKeyBetween(low?.position ?? null, high?.position ?? null);
}
