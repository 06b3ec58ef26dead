import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { Announcement } from '../../../shared/companion';
import { CoreError } from '../errors';
import { writeRow, type Writer } from '../store/changeLog';
import { getForum } from '../store/forums';

interface AnnouncementRow {
  id: string;
  forum_id: string;
  text: string | null;
  lang: string | null;
  posted_by: string | null;
  posted_at: string | null;
  withdrawn: number;
}

const columns = 'id, forum_id, text, lang, posted_by, posted_at, withdrawn';

const toAnnouncement = (row: AnnouncementRow): Announcement => ({
  id: row.id,
  forumId: row.forum_id,
  text: row.text ?? '',
  lang: row.lang ?? '',
  postedBy: row.posted_by ?? '',
  postedAt: row.posted_at ?? '',
  withdrawn: row.withdrawn === 1,
});

/** A forum's announcements, newest first (withdrawn ones too, for the secretariat to restore). */
export function listAnnouncements(db: Database, forumId: string): Announcement[] {
  getForum(db, forumId);
  const rows = db
    .prepare(`SELECT ${columns} FROM announcements WHERE forum_id = ? AND deleted = 0 ORDER BY posted_at DESC, id`)
    .all(forumId) as AnnouncementRow[];
  return rows.map(toAnnouncement);
}

/** What the companion page shows: live announcements, newest first. */
export function liveAnnouncements(db: Database, forumId: string, limit = 50): Announcement[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM announcements WHERE forum_id = ? AND deleted = 0 AND withdrawn = 0 ORDER BY posted_at DESC, id LIMIT ?`)
    .all(forumId, limit) as AnnouncementRow[];
  return rows.map(toAnnouncement);
}

function getAnnouncement(db: Database, id: string): Announcement {
  const row = db.prepare(`SELECT ${columns} FROM announcements WHERE id = ? AND deleted = 0`).get(id) as AnnouncementRow | undefined;
  if (!row) throw new CoreError('not_found', `No announcement with id ${id}.`);
  return toAnnouncement(row);
}

/** This laptop's name, as people know it: who posted, when the post names nobody. */
function laptopName(db: Database): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'device_name'").pluck().get() as string | undefined) ?? '';
}

export interface PostInput {
  forumId: string;
  id?: string | undefined;
  text: string;
  lang: string;
  postedBy?: string | undefined;
}

/**
 * Posts an announcement in a working language of the forum. A retried post (same id) answers the
 * announcement already there, unchanged, so a lost answer never makes two.
 */
export function postAnnouncement(writer: Writer, input: PostInput): Announcement {
  const forum = getForum(writer.db, input.forumId);
  if (!forum.languages.includes(input.lang)) {
    throw new CoreError('invalid_input', `Not a working language of the forum (${forum.languages.join(', ')}): ${input.lang}.`, [
      { path: 'lang', message: 'validation.notWorkingLanguage' },
    ]);
  }
  const id = input.id ?? newRowId();
  const existing = writer.db.prepare('SELECT forum_id FROM announcements WHERE id = ?').pluck().get(id) as string | undefined;
  if (existing !== undefined) {
    if (existing !== input.forumId) throw new CoreError('invalid_input', `Announcement ${id} belongs to another forum.`, [{ path: 'id', message: 'validation.invalid' }]);
    return getAnnouncement(writer.db, id);
  }
  writeRow(writer, 'announcements', id, {
    forum_id: input.forumId,
    text: input.text,
    lang: input.lang,
    posted_by: input.postedBy?.trim() || laptopName(writer.db),
    posted_at: new Date().toISOString(),
    withdrawn: 0,
  });
  return getAnnouncement(writer.db, id);
}

/** Withdraws an announcement from the companion page (or, with `withdrawn` false, puts it back). */
export function withdrawAnnouncement(writer: Writer, id: string, withdrawn = true): Announcement {
  const current = getAnnouncement(writer.db, id);
  if (current.withdrawn !== withdrawn) writeRow(writer, 'announcements', id, { withdrawn: withdrawn ? 1 : 0 });
  return getAnnouncement(writer.db, id);
}
