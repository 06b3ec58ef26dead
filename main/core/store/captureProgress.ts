import type { Database } from 'better-sqlite3';
import { getForum } from './forums';

export interface SessionProgress {
  sessionId: string;
  notes: number;
  keyMessages: number;
  validated: number;
}

/**
 * Per live session that is not a break, in agenda order: live notes, live key messages, and how
 * many of those the chair validated. Sessions with nothing yet are listed with zeros, so the
 * screen can say which ones still need a rapporteur's attention.
 */
export function captureProgress(db: Database, forumId: string): SessionProgress[] {
  getForum(db, forumId);
  return db
    .prepare(
      `SELECT s.id AS sessionId,
          (SELECT count(*) FROM notes n WHERE n.forum_id = s.forum_id AND n.session_id = s.id AND n.deleted = 0) AS notes,
          (SELECT count(*) FROM key_messages k WHERE k.forum_id = s.forum_id AND k.session_id = s.id AND k.deleted = 0) AS keyMessages,
          (SELECT count(*) FROM key_messages k
            WHERE k.forum_id = s.forum_id AND k.session_id = s.id AND k.deleted = 0 AND k.status = 'validated') AS validated
        FROM sessions s
       WHERE s.forum_id = ? AND s.deleted = 0 AND s.kind <> 'break'
       ORDER BY s.day, s.start_time, s.id`,
    )
    .all(forumId) as SessionProgress[];
}
