import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { z } from 'zod';
import { isCountryCode } from '../../../shared/countries';
import { characterCount, fold } from '../../../shared/foldText';
import {
  participantRoles,
  type Gender,
  type OrgType,
  type Participant,
  type ParticipantInput,
  type ParticipantPage,
  type participantQuery,
  type ParticipantRole,
} from '../../../shared/participants';
import { CoreError } from '../errors';
import { containsFunction } from '../search/containsFunction';
import { writeRow, type RowValues, type Writer } from './changeLog';
import { logGeneration } from './logGeneration';
import { getForum } from './forums';
import { participantSortKey } from './participantSortKeys';
import { cachedStatement } from './cachedStatement';

interface ParticipantRow {
  id: string;
  name: string | null;
  organisation: string | null;
  position: string | null;
  org_type: string | null;
  country: string | null;
  gender: string | null;
  roles: string;
  email: string | null;
  languages: string;
  checked_in_at: string | null;
}

const prepare = cachedStatement;

const columns = 'id, name, organisation, position, org_type, country, gender, roles, email, languages, checked_in_at';

function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function toParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    name: row.name ?? '',
    organisation: row.organisation ?? '',
    position: row.position ?? '',
    orgType: (row.org_type as OrgType | null) ?? null,
    country: row.country ?? '',
    gender: (row.gender as Gender | null) ?? null,
    roles: parseList(row.roles) as ParticipantRole[],
    email: row.email ?? '',
    languages: parseList(row.languages),
    checkedInAt: row.checked_in_at,
  };
}

/**
 * What zod cannot check: the country code must be assigned. The issue path is the form field's,
 * so the participant form and each import row can show it beside the country.
 */
export function checkParticipantInput(input: ParticipantInput): void {
  if (input.country !== '' && !isCountryCode(input.country)) {
    throw new CoreError('invalid_input', `${input.country} is not an ISO 3166-1 country code.`, [
      { path: 'country', message: 'validation.country' },
    ]);
  }
}

/**
 * The projection cells of a participant. Unknowns are stored as NULL (not '') so counts of
 * countries and duplicate checks by email skip them; text is NFC so search and sort see one
 * spelling of "é"; roles come in a fixed order so an edit that only reorders them writes nothing.
 */
export function participantValues(input: ParticipantInput): RowValues {
  return {
    name: input.name.normalize('NFC'),
    organisation: input.organisation.normalize('NFC'),
    position: input.position.normalize('NFC') || null,
    org_type: input.orgType,
    country: input.country || null,
    gender: input.gender,
    roles: participantRoles.filter((role) => input.roles.includes(role)),
    email: input.email.trim() || null,
    languages: [...new Set(input.languages)],
  };
}

const selectOne = (db: Database) => prepare(db, `SELECT ${columns}, deleted FROM participants WHERE id = ?`);

function findRow(db: Database, id: string): (ParticipantRow & { deleted: number }) | undefined {
  return selectOne(db).get(id) as (ParticipantRow & { deleted: number }) | undefined;
}

/** A live participant; a deleted one is not found (its id still works for undoing the delete). */
export function getParticipant(db: Database, id: string): Participant {
  const row = findRow(db, id);
  if (!row || row.deleted !== 0) throw new CoreError('not_found', `No participant with id ${id}.`);
  return toParticipant(row);
}

export function createParticipant(writer: Writer, forumId: string, input: ParticipantInput): Participant {
  getForum(writer.db, forumId);
  checkParticipantInput(input);
  const id = newRowId();
  writeRow(writer, 'participants', id, { forum_id: forumId, ...participantValues(input), deleted: 0 });
  return getParticipant(writer.db, id);
}

/**
 * Records only the cells that differ, so a correction of the email here does not overwrite a
 * concurrent correction of the organisation on another laptop. Check-in is not part of an edit.
 */
export function updateParticipant(writer: Writer, id: string, input: ParticipantInput): Participant {
  const row = findRow(writer.db, id);
  if (!row || row.deleted !== 0) throw new CoreError('not_found', `No participant with id ${id}.`);
  checkParticipantInput(input);
  const before: RowValues = {
    name: row.name,
    organisation: row.organisation,
    position: row.position,
    org_type: row.org_type,
    country: row.country,
    gender: row.gender,
    roles: parseList(row.roles),
    email: row.email,
    languages: parseList(row.languages),
  };
  const changed: RowValues = {};
  for (const [column, value] of Object.entries(participantValues(input))) {
    if (JSON.stringify(value) !== JSON.stringify(before[column])) changed[column] = value;
  }
  writeRow(writer, 'participants', id, changed);
  return getParticipant(writer.db, id);
}

/** A tombstone (and its undo): the row and its history stay, so a sync cannot bring it back. */
export function setParticipantDeleted(writer: Writer, id: string, deleted: boolean): { id: string; deleted: boolean } {
  const row = findRow(writer.db, id);
  if (!row) throw new CoreError('not_found', `No participant with id ${id}.`);
  if ((row.deleted !== 0) !== deleted) writeRow(writer, 'participants', id, { deleted: deleted ? 1 : 0 });
  return { id, deleted };
}

/**
 * Checking in someone already checked in keeps the first arrival time: the door may scan a badge
 * twice, and the statistics want when people arrived. Undoing clears it.
 */
export function checkInParticipant(writer: Writer, id: string, checkedIn: boolean, now: Date = new Date()): Participant {
  const current = getParticipant(writer.db, id);
  const next = checkedIn ? (current.checkedInAt ?? now.toISOString()) : null;
  if (next !== current.checkedInAt) writeRow(writer, 'participants', id, { checked_in_at: next });
  return getParticipant(writer.db, id);
}

export type ParsedParticipantQuery = z.output<typeof participantQuery>;

/** FTS5 trigram queries need three characters (once folded); shorter ones (王, 李明, jo) are scanned for. */
const minTrigramLength = 3;

/**
 * The user's text as one FTS5 phrase: quotes doubled, so `"`, `*`, `NEAR`, `AND` and parentheses
 * are text to find, never query syntax. A trigram phrase matches it as a substring.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// Every sort key and coded filter is written exactly as its index is (m005, m008), so SQLite reads
// pages in order from the index instead of sorting the forum; blanks sort after everything else.
const sortKeys: Record<ParsedParticipantQuery['sort'], string> = {
  name: participantSortKey('name'),
  organisation: participantSortKey('organisation'),
  orgType: participantSortKey('org_type'),
  country: participantSortKey('country'),
  gender: participantSortKey('gender'),
  checkedInAt: participantSortKey('checked_in_at'),
};

const blank = 'char(1114111)';

/**
 * A connection's copy of one forum's searchable text, for texts too short for the trigram index.
 * SQLite's LIKE reads every row's columns (25 to 40 ms at 25,000 people); a scan of these strings
 * takes 2 or 3. Building it costs more than one LIKE, so a write (a check-in between two searches)
 * only refreshes the participants the change log names since the copy was made; a commit by
 * another connection (data_version) rebuilds it. It is never built or read inside a transaction,
 * whose change seqs a rollback would take back and hand out again.
 */
interface ShortTextCache {
  forumId: string;
  dataVersion: number;
  /** The log's generation (see logRewritten): a rollback hands seqs out again. */
  generation: number;
  seq: number;
  /** rowid -> name, organisation and e-mail folded as the index folds them, split by line breaks. */
  texts: Map<number, string>;
}

const shortTextCaches = new WeakMap<Database, ShortTextCache>();

/** More participants changed than this since the copy was made, and it is built again. */
const maxRefresh = 2_000;

type TextRow = [rowid: number, name: string | null, organisation: string | null, email: string | null];

const searchable = ([, name, organisation, email]: TextRow) => fold(`${name ?? ''}\n${organisation ?? ''}\n${email ?? ''}`);

function refreshed(db: Database, cached: ShortTextCache, seq: number): boolean {
  const ids = prepare(db, "SELECT DISTINCT row_id FROM changes WHERE seq > ? AND tbl = 'participants' LIMIT ?")
    .pluck()
    .all(cached.seq, maxRefresh + 1) as string[];
  if (ids.length > maxRefresh) return false;
  const one = prepare(db, 'SELECT rowid, name, organisation, email, forum_id = ? AND deleted = 0 AS live FROM participants WHERE id = ?').raw();
  for (const id of ids) {
    const row = one.get(cached.forumId, id) as [...TextRow, number] | undefined;
    if (!row) continue;
    if (row[4]) cached.texts.set(row[0], searchable([row[0], row[1], row[2], row[3]]));
    else cached.texts.delete(row[0]);
  }
  cached.seq = seq;
  return true;
}

function shortTextCache(db: Database, forumId: string): ShortTextCache {
  const seq = (prepare(db, 'SELECT max(seq) FROM changes').pluck().get() as number | null) ?? 0;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const generation = logGeneration(db);
  const cached = shortTextCaches.get(db);
  if (cached && cached.forumId === forumId && cached.dataVersion === dataVersion && cached.generation === generation) {
    if (cached.seq === seq) return cached;
    if (cached.seq < seq && refreshed(db, cached, seq)) return cached;
  }
  const rows = prepare(db, 'SELECT rowid, name, organisation, email FROM participants WHERE forum_id = ? AND deleted = 0').raw().all(forumId) as TextRow[];
  const fresh: ShortTextCache = { forumId, dataVersion, generation, seq, texts: new Map(rows.map((row) => [row[0], searchable(row)])) };
  shortTextCaches.set(db, fresh);
  return fresh;
}

/**
 * Which of the forum's live participants have `text` in their name, organisation or e-mail, case
 * and accents folded as the trigram index folds them for longer texts, as a condition on `p`: the hits' rowids, or when nearly everyone
 * matches (a, e) the fewer rowids of those who do not. The text has no control characters, so no
 * hit spans two fields.
 */
function shortTextCondition(db: Database, forumId: string, text: string): { sql: string; param: string } {
  const cache = shortTextCache(db, forumId);
  const needle = fold(text);
  const hits: number[] = [];
  const misses: number[] = [];
  for (const [rowid, haystack] of cache.texts) (haystack.includes(needle) ? hits : misses).push(rowid);
  // The forum and tombstone conditions stay, so the misses need not list other forums' rows.
  if (misses.length < hits.length) return { sql: 'p.rowid NOT IN (SELECT value FROM json_each(?))', param: JSON.stringify(misses) };
  return { sql: 'p.rowid IN (SELECT value FROM json_each(?))', param: JSON.stringify(hits) };
}

/** The forum's live participants that match the text and every filter, as `p`. */
function matching(query: ParsedParticipantQuery, db?: Database): { from: string; conditions: string[]; params: unknown[] } {
  const conditions = ['p.forum_id = ?', 'p.deleted = 0'];
  const params: unknown[] = [query.forumId];
  let from = 'participants p';
  // Control characters are no one's name, and a NUL would end the FTS5 or LIKE pattern early.
  const text = query.text.replace(/\p{Cc}+/gu, ' ').normalize('NFC').trim();
  if (characterCount(fold(text)) >= minTrigramLength) {
    // Driven from the index's hits: a rowid lookup each, no scan of the forum.
    from = 'participants_search JOIN participants p ON p.rowid = participants_search.rowid';
    conditions.push('participants_search MATCH ?');
    params.push(ftsPhrase(text));
  } else if (text && db && !db.inTransaction) {
    const short = shortTextCondition(db, query.forumId, text);
    conditions.push(short.sql);
    params.push(short.param);
  } else if (text && db) {
    // Inside a transaction a copy could outlive a rollback, which hands its change seqs out again:
    // the same fold, row by row.
    conditions.push(`${containsFunction(db)}(coalesce(p.name, '') || char(10) || coalesce(p.organisation, '') || char(10) || coalesce(p.email, ''), ?)`);
    params.push(fold(text));
  } else if (text) {
    // No connection: only to read the plan, which a scan with LIKE shares (LIKE folds ASCII alone).
    conditions.push("(p.name LIKE ? ESCAPE '\\' OR p.organisation LIKE ? ESCAPE '\\' OR p.email LIKE ? ESCAPE '\\')");
    const pattern = `%${likeEscape(text)}%`;
    params.push(pattern, pattern, pattern);
  }
  const coded = [
    ['orgType', 'org_type'],
    ['country', 'country'],
    ['gender', 'gender'],
  ] as const;
  for (const [field, column] of coded) {
    const value = query[field];
    if (value === undefined) continue;
    // An empty country asks for the participants whose country is unknown.
    conditions.push(`${participantSortKey(column, 'p')} = ${value ? '?' : blank}`);
    if (value) params.push(value);
  }
  if (query.role) {
    // Roles are a JSON array of fixed words written by JSON.stringify: the quoted word is exact.
    conditions.push('instr(p.roles, ?) > 0');
    params.push(JSON.stringify(query.role));
  }
  if (query.checkedIn !== undefined) conditions.push(`${participantSortKey('checked_in_at', 'p')} ${query.checkedIn ? '<' : '='} ${blank}`);
  return { from, conditions, params };
}

export interface ParticipantPageSql {
  /** The page; when `countInline`, each row also carries the total matching count. */
  page: { sql: string; params: unknown[] };
  count: { sql: string; params: unknown[] };
  countInline: boolean;
}

/**
 * The statements behind a page (exported so tests can check SQLite reads them from an index). With
 * `db`, a text of one or two characters is looked up in the connection's cache; without, by LIKE,
 * which folds ASCII alone: for reading plans, never for answering.
 */
export function participantPageSql(query: ParsedParticipantQuery, db?: Database): ParticipantPageSql {
  const direction = query.descending ? 'DESC' : 'ASC';
  // The id breaks ties, so equal names come out in the same order on every laptop.
  const order = `ORDER BY ${sortKeys[query.sort]} ${direction}, id ${direction} LIMIT ? OFFSET ?`;
  const live = 'forum_id = ? AND deleted = 0';
  const match = matching(query, db);
  const where = match.conditions.join(' AND ');
  const count = { sql: `SELECT count(*) FROM ${match.from} WHERE ${where}`, params: match.params };
  if (match.conditions.length === 2) {
    // No text, no filter: the count reads an index, and the page walks the sort index.
    return { page: { sql: `SELECT ${columns} FROM participants WHERE ${live} ${order}`, params: [query.forumId, query.limit, query.offset] }, count, countInline: false };
  }
  // The matches are found once (searching a common substring is the costly part), counted, and
  // the page walks the sort index keeping only them, so it never sorts thousands of hits.
  const sql = `WITH hits AS MATERIALIZED (SELECT p.rowid AS hit FROM ${match.from} WHERE ${where})
    SELECT ${columns}, (SELECT count(*) FROM hits) AS total FROM participants
    WHERE ${live} AND rowid IN (SELECT hit FROM hits) ${order}`;
  return { page: { sql, params: [...match.params, query.forumId, query.limit, query.offset] }, count, countInline: true };
}

/** A page of a forum's live participants, filtered, searched and sorted, with the total count. */
export function queryParticipants(db: Database, query: ParsedParticipantQuery): ParticipantPage {
  const statements = participantPageSql(query, db);
  const rows = prepare(db, statements.page.sql).all(...statements.page.params) as Array<ParticipantRow & { total?: number }>;
  const count = () => prepare(db, statements.count.sql).pluck().get(...statements.count.params) as number;
  // With the count inline, an empty first page means no hits; only a page past the end needs a count.
  const inline = statements.countInline ? (rows[0]?.total ?? (query.offset === 0 ? 0 : undefined)) : undefined;
  return { total: inline ?? count(), offset: query.offset, rows: rows.map(toParticipant) };
}

/** Every live participant of a forum in name order, for exports. */
export function listParticipants(db: Database, forumId: string): Participant[] {
  const rows = prepare(db, `SELECT ${columns} FROM participants WHERE forum_id = ? AND deleted = 0 ORDER BY ${sortKeys.name}, id`).all(forumId) as ParticipantRow[];
  return rows.map(toParticipant);
}

/**
 * Runs `write` (many new participants, inside a transaction) with the sort indexes set aside, then
 * builds them again in one pass each. Keeping six sorted indexes up to date row by row costs more
 * than the rows themselves; a CREATE INDEX sorts once. Their SQL is read from the schema, so a
 * database without them (or with other ones) is left exactly as it was.
 */
export function deferSortIndexes<T>(db: Database, write: () => T): T {
  if (!db.inTransaction) throw new Error('deferSortIndexes needs a transaction');
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'participants' AND name GLOB 'participants_by_*_key'")
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const result = write();
  for (const { sql } of indexes) db.exec(sql);
  return result;
}
