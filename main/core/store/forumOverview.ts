import type { Database } from 'better-sqlite3';
import type { ForumOverview } from '../../../shared/forum';
import { getForum } from './forums';
import { paragraphLineage } from './paragraphLineage';

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
    // The forum's first outcome document: its id is the forum's, as is that of paragraphs from before documents.
    paragraphs: count('SELECT count(*) AS n FROM outcome_paragraphs WHERE coalesce(document_id, forum_id) = ? AND deleted = 0'),
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
  const rows = db
    .prepare(
      `SELECT id, text, status FROM outcome_paragraphs
        WHERE coalesce(document_id, forum_id) = ? AND deleted = 0 ORDER BY position, id`,
    )
    .all(forumId) as Array<{ id: string; text: string; status: string }>;
  const lineage = paragraphLineage(
    db,
    rows.map((row) => row.id),
  );
  const paragraphs = rows.map((row) => ({
    id: row.id,
    text: JSON.parse(row.text) as Record<string, string>,
    status: row.status as ForumOverview['paragraphs'][number]['status'],
    // Per language, the versions beyond the one shown: edits made concurrently on other laptops.
    alternatives: Object.fromEntries(
      [...(lineage.get(row.id) ?? [])].flatMap(([cell, { otherTexts }]) => {
        const others = otherTexts.filter((text) => text !== '');
        return others.length > 0 ? [[cell.slice('text@'.length), others]] : [];
      }),
    ),
  }));
  return { forum, counts, sessions, paragraphs };
}
