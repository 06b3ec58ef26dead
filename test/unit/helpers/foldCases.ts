/**
 * Names that fold in surprising ways, with what the one fold (shared/foldText.ts) makes of them:
 * case and Latin accents folded, as SQLite's trigram index folds them; letters that are not an
 * accented form of another (æ, ø, ł, ß, ı), other scripts' marks (Arabic harakat, Cyrillic ё)
 * and Greek accents kept, because the index keeps them and every search must find the same.
 * Each is three characters or more, so the index itself can be asked what it makes of it.
 */
export const foldCases: ReadonlyArray<readonly [input: string, folded: string]> = [
  ['Jörg', 'jorg'],
  ['JÖRG', 'jorg'],
  ['Ærø', 'ærø'],
  ['İstanbul', 'istanbul'],
  // Locale-free: the Turkish dotless ı is not what an English I lowers to.
  ['ISTANBUL', 'istanbul'],
  ['Çağrı', 'cagrı'],
  ['Straße', 'straße'],
  ['STRASSE', 'strasse'],
  ['Łódź', 'łodz'],
  ['Nguyễn', 'nguyen'],
  ['Đặng', 'đang'],
  // Decomposed accents, as some keyboards type them.
  ['Nu\u0301n\u0303ez', 'nunez'],
  ['王小明', '王小明'],
  ['مُحَمَّد', 'مُحَمَّد'],
  ['محمد', 'محمد'],
  ['Фёдор', 'фёдор'],
  ['ЁЛКА', 'ёлка'],
  ['ΟΔΟΣ', 'οδοσ'],
];
