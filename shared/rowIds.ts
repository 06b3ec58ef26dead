/**
 * Ids for new rows (notes, paragraphs, participants...), made where the row is created: in the
 * renderer, so a create retried after a lost answer names the same row, and in the core.
 *
 * Why not random UUIDs: every index keyed by a row's id (its primary key, the change log's
 * `changes_by_row`, the prose lineage) then takes each new row at a random place, so merging one
 * laptop's 800 notes touches hundreds of B-tree pages, and each slice's commit writes them all
 * again. Measured on the 50-bundle merge bench: 3.2-3.4 s with random UUIDs against 1.9-2.1 s
 * with ids grouped by laptop (`npm run bench -- --only merge`).
 *
 * So an id is the maker's prefix (random, chosen once per generator: one per window, worker or
 * core), then the time in milliseconds, then random characters. One laptop's new rows sort
 * together and in the order they were made, wherever they go, and two makers never collide: two
 * ids share a prefix only by a one-in-a-billion chance, and then still differ in time or in
 * 53 random bits. Every character is in [0-9A-Za-z], ASCII order, so SQLite's BINARY collation
 * sorts them as intended; the length (22) fits the contract's row id pattern.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const prefixLength = 5;
/** 62^8 ms is about 6,900 years from 1970. */
const timeLength = 8;
const randomLength = 9;

function randomChars(count: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(count));
  let text = '';
  // 256 is not a multiple of 62: the small bias costs uniqueness nothing.
  for (const byte of bytes) text += alphabet[byte % 62];
  return text;
}

function timeChars(ms: number): string {
  let text = '';
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < timeLength; i++) {
    text = alphabet[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

export type RowIdGenerator = () => string;

/**
 * A maker of ids with its own prefix. `now` is for tests; a clock that steps back only loses the
 * order of the ids made across the step, never their uniqueness.
 */
export function rowIdGenerator(now: () => number = Date.now): RowIdGenerator {
  const prefix = randomChars(prefixLength);
  return () => `${prefix}${timeChars(now())}${randomChars(randomLength)}`;
}

/** This window's, worker's or core's generator. */
export const newRowId: RowIdGenerator = rowIdGenerator();

/** The prefix of an id made by rowIdGenerator (for tests and diagnostics). */
export const rowIdPrefix = (id: string): string => id.slice(0, prefixLength);
