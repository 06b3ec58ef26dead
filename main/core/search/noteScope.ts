import type { Database } from 'better-sqlite3';
import { logGeneration } from '../store/logGeneration';
import { fold } from '../../../shared/foldText';

// What the notes index cannot say cheaply, kept per connection and per forum:
//
// - The notes outside a forum's live ones (other forums, tombstones). The index holds every note,
//   and checking the forum of each of 30,000 hits costs 15 to 25 ms, where counting the hits in
//   the index costs 1 to 3 ms. So a forum's total is the index's count minus the few outsiders
//   that match, checked here on their folded text.
// - The forum's live notes by their last two characters. A word of one or two characters is
//   looked up as the trigrams it begins, which misses it in a note's last two characters
//   ("…讨论了乡村"), where no trigram begins with it; those notes are found here. Entries may go
//   stale (a note edited or deleted since): whoever reads them checks the note itself.
//
// Every write goes through the change log, so the log's newest sequence number tells what is
// new: the notes written since are re-read, and a large import rebuilds everything on next use.

/** More outsiders than this and the forum's hits are counted by joining the notes instead. */
export const outsiderLimit = 2_000;
/** More notes written than this since the last search, and the scope is rebuilt from scratch. */
const catchUpLimit = 2_000;
/** Stale tail entries tolerated before the tails are rebuilt. */
const staleLimit = 20_000;

export interface NoteTails {
  /** Rowids of live notes (and some stale entries) by their last two folded characters. */
  byEnding: Map<string, number[]>;
  /** The endings holding each character. */
  endingsWith: Map<string, Set<string>>;
  stale: number;
}

interface ForumScope {
  /** Folded text of each outsider, or null when there are too many to keep. */
  outsiders?: Map<number, string> | null;
  tails?: NoteTails;
}

interface Scope {
  stamp: number;
  /** The log's generation (see logRewritten): after a rollback, seqs no longer mean what they did. */
  generation: number;
  forums: Map<string, ForumScope>;
}

interface NoteState {
  rowid: number;
  forum_id: string | null;
  deleted: number;
  text: string | null;
}

const scopes = new WeakMap<Database, Scope>();

const lastTwo = (text: string) => [...fold(text)].slice(-2).join('');

function addTail(tails: NoteTails, ending: string, rowids: number[]): void {
  if (!ending) return;
  const list = tails.byEnding.get(ending);
  if (list) {
    for (const rowid of rowids) list.push(rowid);
    return;
  }
  tails.byEnding.set(ending, rowids);
  for (const character of ending) {
    const endings = tails.endingsWith.get(character) ?? new Set<string>();
    endings.add(ending);
    tails.endingsWith.set(character, endings);
  }
}

/** Brings the scope up to date with the change log: re-reads the notes written since. */
function current(db: Database): Scope {
  const stamp = (db.prepare('SELECT max(seq) FROM changes').pluck().get() as number | null) ?? 0;
  const scope = scopes.get(db);
  const generation = logGeneration(db);
  if (!scope || stamp < scope.stamp || generation !== scope.generation) {
    const fresh = { stamp, generation, forums: new Map<string, ForumScope>() };
    scopes.set(db, fresh);
    return fresh;
  }
  if (stamp === scope.stamp) return scope;
  const changed = db
    .prepare(`SELECT DISTINCT row_id FROM changes WHERE seq > ? AND tbl = 'notes' LIMIT ${catchUpLimit + 1}`)
    .pluck()
    .all(scope.stamp) as string[];
  scope.stamp = stamp;
  if (changed.length > catchUpLimit) {
    scope.forums.clear();
    return scope;
  }
  const read = db.prepare('SELECT rowid, forum_id, deleted, text FROM notes WHERE id = ?');
  for (const id of changed) {
    const note = read.get(id) as NoteState | undefined;
    if (note) for (const [forumId, forum] of scope.forums) catchUp(forum, forumId, note);
  }
  return scope;
}

function catchUp(forum: ForumScope, forumId: string, note: NoteState): void {
  const live = note.forum_id === forumId && note.deleted === 0;
  if (forum.outsiders) {
    if (live) forum.outsiders.delete(note.rowid);
    else forum.outsiders.set(note.rowid, fold(note.text ?? ''));
    if (forum.outsiders.size > outsiderLimit) forum.outsiders = null;
  }
  if (forum.tails && live) {
    addTail(forum.tails, lastTwo(note.text ?? ''), [note.rowid]);
    forum.tails.stale += 1;
    if (forum.tails.stale > staleLimit) delete forum.tails;
  }
}

function forumScope(db: Database, forumId: string): ForumScope {
  const scope = current(db);
  let forum = scope.forums.get(forumId);
  if (!forum) {
    forum = {};
    scope.forums.set(forumId, forum);
  }
  return forum;
}

/** The folded text of each note the index holds that is not one of the forum's live notes; null when too many. */
export function outsiders(db: Database, forumId: string): ReadonlyMap<number, string> | null {
  const forum = forumScope(db, forumId);
  if (forum.outsiders === undefined) {
    const rows = db
      .prepare(`SELECT rowid, text FROM notes WHERE forum_id IS NOT ? OR deleted <> 0 LIMIT ${outsiderLimit + 1}`)
      .raw()
      .all(forumId) as Array<[number, string | null]>;
    forum.outsiders = rows.length > outsiderLimit ? null : new Map(rows.map(([rowid, text]) => [rowid, fold(text ?? '')]));
  }
  return forum.outsiders;
}

/** The forum's live notes by how they end (with some stale entries: check the notes). */
export function noteTails(db: Database, forumId: string): NoteTails {
  const forum = forumScope(db, forumId);
  if (!forum.tails) {
    const tails: NoteTails = { byEnding: new Map(), endingsWith: new Map(), stale: 0 };
    // Two JSON arrays cross into JavaScript, not a row per note (a third of the time). Three
    // characters, so a last letter written with a separate accent still counts as one.
    const [rowids, endings] = db
      .prepare('SELECT json_group_array(rowid), json_group_array(substr(text, -3)) FROM notes WHERE forum_id = ? AND deleted = 0')
      .raw()
      .get(forumId) as [string, string];
    const ids = JSON.parse(rowids) as number[];
    const byRawEnding = new Map<string, number[]>();
    (JSON.parse(endings) as Array<string | null>).forEach((ending, i) => {
      const list = byRawEnding.get(ending ?? '');
      if (list) list.push(ids[i] ?? 0);
      else byRawEnding.set(ending ?? '', [ids[i] ?? 0]);
    });
    for (const [ending, list] of byRawEnding) addTail(tails, lastTwo(ending), list);
    forum.tails = tails;
  }
  return forum.tails;
}

/** Rowids of the forum's notes whose last two characters hold the folded word (one or two characters). */
export function endingWith(tails: NoteTails, word: string): Set<number> {
  const endings = [...word].length === 1 ? [...(tails.endingsWith.get(word) ?? [])] : [word];
  const rowids = new Set<number>();
  for (const ending of endings) for (const rowid of tails.byEnding.get(ending) ?? []) rowids.add(rowid);
  return rowids;
}
