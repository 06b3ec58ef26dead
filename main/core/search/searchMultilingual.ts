import type { Database } from 'better-sqlite3';
import { bestField, bestLanguage, parseTranslations } from './bestLanguage';
import { ftsPhrase, type SearchWord } from './searchWords';

/** How a table of multilingual rows (key messages, sessions) is searched. */
export interface MultilingualTable {
  table: 'key_messages' | 'sessions';
  index: 'key_messages_search' | 'sessions_search';
  /** The multilingual columns the index joins, in the order a snippet prefers them. */
  fields: readonly string[];
  /** Which rows count: the forum's, live. */
  live: string;
  /** The order when no word is long enough to score by (an SQL ORDER BY over alias t). */
  order: string;
}

export const keyMessagesTable: MultilingualTable = {
  table: 'key_messages',
  index: 'key_messages_search',
  fields: ['text'],
  // A message merged into another lives on in that one.
  live: 't.forum_id = ? AND t.deleted = 0 AND t.merged_into IS NULL',
  order: 't.rowid DESC',
};

export const sessionsTable: MultilingualTable = {
  table: 'sessions',
  index: 'sessions_search',
  fields: ['title', 'description', 'room'],
  live: 't.forum_id = ? AND t.deleted = 0',
  order: 't.day, t.start_time, t.id',
};

export interface MultilingualHit {
  id: string;
  sessionId: string | null;
  lang: string;
  /** The text of the field, in that language, holding the most words. */
  text: string;
}

/**
 * Every live row of the forum holding all the words, best first: by bm25 when a word is long
 * enough for the index, in `order` otherwise. These tables hold hundreds of rows, not thousands
 * of thousands, so each candidate is checked here, which also picks the language that matched.
 */
export function searchMultilingual(
  db: Database,
  spec: MultilingualTable,
  forumId: string,
  words: SearchWord[],
  preferred: readonly string[],
): MultilingualHit[] {
  if (words.length === 0) return [];
  const indexed = words.filter((word) => word.indexed);
  const sessionColumn = spec.table === 'sessions' ? 't.id' : 't.session_id';
  const columns = `t.id AS id, ${sessionColumn} AS sessionId, ${spec.fields.map((f) => `t.${f} AS ${f}`).join(', ')}`;
  const rows = (
    indexed.length
      ? db
          .prepare(
            `SELECT ${columns} FROM ${spec.index} s JOIN ${spec.table} t ON t.rowid = s.rowid
              WHERE ${spec.index} MATCH ? AND ${spec.live} ORDER BY s.rank`,
          )
          .all(indexed.map((word) => ftsPhrase(word.text)).join(' AND '), forumId)
      : db.prepare(`SELECT ${columns} FROM ${spec.table} t WHERE ${spec.live} ORDER BY ${spec.order}`).all(forumId)
  ) as Array<Record<string, string | null>>;
  const hits: MultilingualHit[] = [];
  for (const row of rows) {
    const fields = spec.fields.map((field) => parseTranslations(row[field] ?? null));
    const match = bestLanguage(fields, words, preferred);
    if (!match) continue;
    hits.push({ id: row.id ?? '', sessionId: row.sessionId ?? null, lang: match.lang, text: bestField(fields, match.lang, words) });
  }
  return hits;
}
