import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';

/** A row of an ordered list: its id and its fractional key. */
export interface Placed {
  id: string;
  position: string;
}

/** The tables whose rows carry a fractional `position`. */
export type OrderedTable = 'key_messages' | 'outcome_paragraphs' | 'speakers';

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
export function orderable(writer: Writer, table: OrderedTable, list: Placed[]): Placed[] {
  const fine = list.every((m, i) => isKey(m.position) && (i === 0 || (list[i - 1]?.position ?? '') < m.position));
  if (fine) return list;
  const keys = generateNKeysBetween(null, null, list.length);
  return list.map((m, i) => {
    const position = keys[i] ?? '';
    if (position !== m.position) writeRow(writer, table, m.id, { position });
    return { id: m.id, position };
  });
}

/** The key after the last of an orderable list. */
export function keyAtEnd(list: Placed[]): string {
  return generateKeyBetween(list.at(-1)?.position ?? null, null);
}

/** What the refusals call the rows ("message", "paragraph") and the list ("session", "document"). */
export interface OrderWords {
  item: string;
  list: string;
}

const badNeighbour = (words: OrderWords, field: 'after' | 'before', why: string) =>
  new CoreError('invalid_input', `The ${words.item} cannot go there: ${field} ${why}.`, [{ path: field, message: 'validation.invalid' }]);

/**
 * The key that puts `id` between `after` and `before`, which name live rows of `list` (an
 * orderable list without `id`; null: the start or the end). Given only one neighbour, the row
 * goes right beside it, so a list that changed since the screen drew it still gets the move the
 * user meant.
 */
export function keyBetween(list: Placed[], id: string, after: string | null, before: string | null, words: OrderWords): string {
  const indexOf = (field: 'after' | 'before', neighbour: string | null): number => {
    if (neighbour === null) return -1;
    if (neighbour === id) throw badNeighbour(words, field, `is the ${words.item} itself`);
    const index = list.findIndex((m) => m.id === neighbour);
    if (index < 0) throw badNeighbour(words, field, `${neighbour} is not a live ${words.item} of the same ${words.list}`);
    return index;
  };
  const a = indexOf('after', after);
  const b = indexOf('before', before);
  let low: Placed | undefined;
  let high: Placed | undefined;
  if (after !== null && before !== null) {
    if (a >= b) throw badNeighbour(words, 'before', `${before} does not come after ${after}`);
    [low, high] = [list[a], list[b]];
  } else if (after !== null) {
    [low, high] = [list[a], list[a + 1]];
  } else if (before !== null) {
    [low, high] = [list[b - 1], list[b]];
  } else if (list.length > 0) {
    throw badNeighbour(words, 'after', `and before are both missing while the ${words.list} has other ${words.item}s`);
  }
  return generateKeyBetween(low?.position ?? null, high?.position ?? null);
}
