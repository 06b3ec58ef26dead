import type { Migration } from './migration';

// SQLite has no accent folding of its own, and registering a JavaScript function inside an index
// would make the file unwritable by any other SQLite tool. So the sort key of names and
// organisations is a plain SQL expression (lower() plus replace() of the Latin letters with
// accents), kept in an index: computed once per write, never while a page is sorted.
// The letters are spelled out rather than derived from Unicode data at run time, so the
// expression (which queries must repeat exactly for SQLite to use the index) never drifts. Once
// released, leave it be: a different key needs a new migration that builds new indexes.
export const foldedLetters: ReadonlyArray<readonly [string, string]> = [
  ['a', 'ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎ'],
  ['ae', 'Ææ'],
  ['c', 'ÇçĆćĈĉĊċČč'],
  ['d', 'ÐðĎďĐđ'],
  ['e', 'ÈÉÊËèéêëĒēĔĕĖėĘęĚě'],
  ['g', 'ĜĝĞğĠġĢģ'],
  ['h', 'ĤĥĦħ'],
  ['i', 'ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐ'],
  ['ij', 'Ĳĳ'],
  ['j', 'Ĵĵ'],
  ['k', 'Ķķĸ'],
  ['l', 'ĹĺĻļĽľĿŀŁł'],
  ['n', 'ÑñŃńŅņŇňŉŊŋ'],
  ['o', 'ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒ'],
  ['oe', 'Œœ'],
  ['r', 'ŔŕŖŗŘř'],
  ['s', 'ŚśŜŝŞşŠšſȘș'],
  ['ss', 'ß'],
  ['t', 'ŢţŤťŦŧȚț'],
  ['th', 'Þþ'],
  ['u', 'ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔ'],
  ['w', 'Ŵŵ'],
  ['y', 'ÝýÿŶŷŸ'],
  ['z', 'ŹźŻżŽž'],
];

/** Blank (NULL or empty) sorts after everything else: the last Unicode code point. */
const blankLast = (column: string) => `WHEN ${column} IS NULL OR ${column} = '' THEN char(1114111)`;

function replaceChain(expression: string, letters: (letter: string) => boolean): string {
  let folded = expression;
  for (const [plain, accented] of foldedLetters) {
    for (const letter of accented) if (letters(letter)) folded = `replace(${folded}, '${letter}', '${plain}')`;
  }
  return folded;
}

/**
 * The case- and accent-folded sort key of a text column, as SQL. Text in plain ASCII (and in
 * scripts without accents) skips the replace() chains, and text with only Latin-1 accents (most
 * Western European names) takes the short chain, so writes stay cheap.
 */
export function foldedSortKey(column: string): string {
  const full = replaceChain(`lower(${column})`, () => true);
  const latin1 = replaceChain(`lower(${column})`, (letter) => letter <= '\u00ff');
  // As many bytes as characters: plain ASCII, told apart without a pattern match.
  const ascii = `length(CAST(${column} AS BLOB)) = length(${column})`;
  return `(CASE ${blankLast(column)} WHEN ${ascii} THEN lower(${column}) WHEN ${column} GLOB '*[Ā-ɏ]*' THEN ${full} WHEN ${column} GLOB '*[À-ÿ]*' THEN ${latin1} ELSE lower(${column}) END)`;
}

/** The sort key of a coded column (country, organisation type, time): itself, blanks last. */
export function blankLastKey(column: string): string {
  return `(CASE ${blankLast(column)} ELSE ${column} END)`;
}

/** Queries name a sort key exactly as its index does, or SQLite sorts the whole forum instead. */
export const participantSortColumns = ['name', 'organisation', 'org_type', 'country', 'gender', 'checked_in_at'] as const;

/** A participant column's sort key; `table` names the alias when a query joins another table. */
export function participantSortKey(column: (typeof participantSortColumns)[number], table?: string): string {
  const ref = table ? `${table}.${column}` : column;
  return column === 'name' || column === 'organisation' ? foldedSortKey(ref) : blankLastKey(ref);
}

export const m005ParticipantIndexes: Migration = {
  version: 5,
  name: 'participant sort keys for every sortable field',
  up(db) {
    for (const column of participantSortColumns) {
      db.exec(`CREATE INDEX participants_by_${column}_key ON participants (forum_id, deleted, ${participantSortKey(column)}, id)`);
    }
  },
};
