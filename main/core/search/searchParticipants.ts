import type { Database } from 'better-sqlite3';
import { containsFunction } from './containsFunction';
import { fold } from '../../../shared/foldText';
import { ftsPhrase, type SearchWord } from './searchWords';

export interface ParticipantHit {
  id: string;
  /** Name and organisation, and the e-mail address when only it holds a word. */
  text: string;
}

interface Row {
  id: string;
  name: string | null;
  organisation: string | null;
  email: string | null;
}

function describe(row: Row, words: readonly SearchWord[]): string {
  const shown = [row.name, row.organisation].filter((part): part is string => Boolean(part));
  const folded = fold(shown.join(' '));
  if (row.email && words.some((word) => !folded.includes(word.folded))) shown.push(row.email);
  return shown.join(' · ');
}

/**
 * The forum's live participants holding every word in their name, organisation or e-mail: the
 * best `limit` (by bm25, or by name when every word is too short to score) and how many.
 */
export function searchParticipants(db: Database, forumId: string, words: SearchWord[], limit: number): { hits: ParticipantHit[]; total: number } {
  if (words.length === 0) return { hits: [], total: 0 };
  const indexed = words.filter((word) => word.indexed);
  const short = words.filter((word) => !word.indexed);
  const contains = containsFunction(db);
  // A short word cannot span two fields: they are joined with a space, and words have none.
  const shortSql = short.map(() => ` AND ${contains}(coalesce(p.name, '') || ' ' || coalesce(p.organisation, '') || ' ' || coalesce(p.email, ''), ?)`).join('');
  const shortParams = short.map((word) => word.folded);
  const from = indexed.length
    ? 'FROM participants_search s JOIN participants p ON p.rowid = s.rowid WHERE participants_search MATCH ? AND p.forum_id = ? AND p.deleted = 0'
    : 'FROM participants p WHERE p.forum_id = ? AND p.deleted = 0';
  const params = [...(indexed.length ? [indexed.map((word) => ftsPhrase(word.text)).join(' AND ')] : []), forumId, ...shortParams];
  const total = db.prepare(`SELECT count(*) ${from}${shortSql}`).pluck().get(...params) as number;
  if (total === 0) return { hits: [], total };
  const order = indexed.length ? 's.rank' : 'p.name COLLATE NOCASE, p.id';
  const rows = db
    .prepare(`SELECT p.id, p.name, p.organisation, p.email ${from}${shortSql} ORDER BY ${order} LIMIT ?`)
    .all(...params, limit) as Row[];
  return { hits: rows.map((row) => ({ id: row.id, text: describe(row, words) })), total };
}
