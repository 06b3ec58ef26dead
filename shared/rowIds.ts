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
 * core), then the time in milliseconds, a counter within the millisecond, then random characters.
 * One laptop's new rows sort together and in the order they were made, wherever they go, so a
 * bulk import appends to its indexes. Two makers never collide: two ids share a prefix only by a
 * one-in-a-billion chance, and then still differ in time, counter or 35 random bits. Every
 * character is in [0-9A-Za-z], ASCII order, so SQLite's BINARY collation sorts them as intended;
 * the length (22) fits the contract's row id pattern.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const prefixLength = 5;
/** 62^8 ms is about 6,900 years from 1970. */
const timeLength = 8;
const counterLength = 3;
const counterSpace = 62 ** counterLength;
const randomLength = 6;

// Random bytes drawn 4 KiB at a time: one call to the system's generator per id cost 2.5 µs, a
// tenth of a second of a 25,000-person import's plan; from the pool, a fifth of a microsecond.
const pool = new Uint8Array(4096);
let pooled = pool.length;

function randomChars(count: number): string {
  if (pooled + count > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    pooled = 0;
  }
  let text = '';
  // 256 is not a multiple of 62: the small bias costs uniqueness nothing.
  for (let i = 0; i < count; i++) text += alphabet[(pool[pooled++] ?? 0) % 62];
  return text;
}

/** `value` in `length` characters of the alphabet, most significant first, so text order is number order. */
function fixedChars(value: number, length: number): string {
  let text = '';
  let rest = Math.max(0, Math.floor(value));
  for (let i = 0; i < length; i++) {
    text = alphabet[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

export type RowIdGenerator = () => string;

/**
 * A maker of ids with its own prefix. `now` is for tests. Its ids only ever increase: within a
 * millisecond the counter orders them, and a clock that steps back is held at the last time used
 * (the counter running on) until it passes it again.
 */
export function rowIdGenerator(now: () => number = Date.now): RowIdGenerator {
  const prefix = randomChars(prefixLength);
  let last = -1;
  let counter = 0;
  return () => {
    let time = Math.floor(now());
    if (time <= last) {
      time = last;
      counter += 1;
      if (counter === counterSpace) {
        time += 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    last = time;
    return `${prefix}${fixedChars(time, timeLength)}${fixedChars(counter, counterLength)}${randomChars(randomLength)}`;
  };
}

/** This window's, worker's or core's generator. */
export const newRowId: RowIdGenerator = rowIdGenerator();

/** The prefix of an id made by rowIdGenerator (for tests and diagnostics). */
export const rowIdPrefix = (id: string): string => id.slice(0, prefixLength);
