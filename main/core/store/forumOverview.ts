import type { Database } from 'better-sqlite3';
import type { ForumOverview } from '../../../shared/forum';
import { rowHistory } from './changeLog';
import { getForum } from './forums';
import { cellHeads } from './proseHeads';

type Counts = ForumOverview['counts'];

/** The figures and lists the forum's home screen shows; live rows only (tombstones excluded). */
export function forumOverview(db: Database, forumId: string): ForumOverview {
  const forum = getForum(db, forumId);
  const count = (sql: string): number => (db.prepare(sql).get(forumId) as { n: number }).n;
  const counts: Counts = {
    sessions: count("SELECT count(*) AS n FROM sessions WHERE forum_id = ? AND deleted = 0 AND kind <> 'break'"),
    participants: count('SELECT count(*) AS n FROM participants WHERE forum_id = ? AND deleted = 0'),
    organisations: count(
      "SELECT count(DISTINCT lower(trim(organisation))) AS n FROM participants WHERE forum_id = ? AND deleted = 0 AND coalesce(organisation, '') <> ''",
    ),
    internationalOrganisations: count(
      "SELECT count(DISTINCT lower(trim(organisation))) AS n FROM participants WHERE forum_id = ? AND deleted = 0 AND org_type = 'un_international'",
    ),
    countries: count(
      "SELECT count(DISTINCT country) AS n FROM participants WHERE forum_id = ? AND deleted = 0 AND coalesce(country, '') <> ''",
    ),
    notes: count('SELECT count(*) AS n FROM notes WHERE forum_id = ? AND deleted = 0'),
    keyMessages: count('SELECT count(*) AS n FROM key_messages WHERE forum_id = ? AND deleted = 0'),
    paragraphs: count('SELECT count(*) AS n FROM outcome_paragraphs WHERE forum_id = ? AND deleted = 0'),
  };
  const sessions = (
    db
      .prepare(
        `SELECT id, day, start_time, end_time, kind, title, room FROM sessions
          WHERE forum_id = ? AND deleted = 0 ORDER BY day, start_time, id`,
      )
      .all(forumId) as Array<{ id: string; day: string; start_time: string; end_time: string; kind: string; title: string; room: string }>
  ).map((row) => ({
    id: row.id,
    day: row.day,
    startTime: row.start_time,
    endTime: row.end_time,
    kind: row.kind as ForumOverview['sessions'][number]['kind'],
    title: JSON.parse(row.title) as Record<string, string>,
    room: JSON.parse(row.room) as Record<string, string>,
  }));
  const paragraphs = (
    db
      .prepare('SELECT id, text, status FROM outcome_paragraphs WHERE forum_id = ? AND deleted = 0 ORDER BY position, id')
      .all(forumId) as Array<{ id: string; text: string; status: string }>
  ).map((row) => ({
    id: row.id,
    text: JSON.parse(row.text) as Record<string, string>,
    status: row.status as ForumOverview['paragraphs'][number]['status'],
    alternatives: otherVersions(db, row.id),
  }));
  return { forum, counts, sessions, paragraphs };
}

/** Versions of a paragraph's text, per language, beyond the one shown: edits made concurrently. */
function otherVersions(db: Database, paragraphId: string): Record<string, string[]> {
  const history = rowHistory(db, 'outcome_paragraphs', paragraphId);
  const cells = new Set(history.flatMap((c) => Object.keys(c.cells)).filter((cell) => cell.startsWith('text@')));
  const result: Record<string, string[]> = {};
  for (const cell of cells) {
    const others = cellHeads('outcome_paragraphs', cell, history).slice(1);
    if (others.length > 0) result[cell.slice('text@'.length)] = others.map((c) => String(c.cells[cell] ?? ''));
  }
  return result;
}
