import type { Database } from 'better-sqlite3';
import type { SpeakerEntry, SpeakerList, SpeakerListSubject, SpeakerStatus } from '../../../shared/speakers';
import { defaultSpeakingMs, elapsedMs, maxSpeakingMs, speakerKinds, type SpeakerKind } from '../../../shared/speakingTime';
import { CoreError } from '../errors';
import { foldForMatching } from '../participants/foldForMatching';
import { cachedStatement } from './cachedStatement';
import { derivedId } from './derivedId';

// Reading a speakers' list: which list a session or paragraph has, its speaking times, and its
// turns in queue order. Writing is in speakerQueue.ts.

/** One list per session or paragraph, whose id every laptop computes alike. */
export const speakerListId = (subject: SpeakerListSubject): string => derivedId('speaker-list', subject.kind, subject.id);

export interface ListRecord {
  id: string;
  exists: boolean;
  times: Record<SpeakerKind, number>;
  delegationTotalMs: number | null;
}

export interface TurnRow {
  id: string;
  participant_id: string | null;
  delegation: string | null;
  kind: string;
  position: string;
  status: string;
  turn: number | null;
  started_at: string | null;
  spoken_ms: number | null;
  finished_at: string | null;
  deleted: number;
  person_name: string | null;
  organisation: string | null;
}

/**
 * The session or paragraph must be a live one of this forum: a list for another forum's session
 * would sync into the wrong forum's bundles.
 */
export function requireSubject(db: Database, forumId: string, subject: SpeakerListSubject): void {
  const table = subject.kind === 'session' ? 'sessions' : 'outcome_paragraphs';
  const found = cachedStatement(db, `SELECT 1 FROM ${table} WHERE id = ? AND forum_id = ? AND deleted = 0`).get(subject.id, forumId);
  if (!found) throw new CoreError('not_found', `No ${subject.kind} ${subject.id} in forum ${forumId}.`, [{ path: 'subject.id', message: 'validation.invalid' }]);
}

export function listRecord(db: Database, subject: SpeakerListSubject): ListRecord {
  const id = speakerListId(subject);
  const row = cachedStatement(db, 'SELECT statement_ms, reply_ms, point_of_order_ms, delegation_total_ms FROM speaker_lists WHERE id = ? AND deleted = 0').get(id) as
    | { statement_ms: number | null; reply_ms: number | null; point_of_order_ms: number | null; delegation_total_ms: number | null }
    | undefined;
  // A time synced from elsewhere that is not a sensible duration falls back to the default.
  const time = (value: number | null | undefined, kind: SpeakerKind) => (typeof value === 'number' && value >= 0 && value <= maxSpeakingMs ? value : defaultSpeakingMs[kind]);
  return {
    id,
    exists: row !== undefined,
    times: { statement: time(row?.statement_ms, 'statement'), reply: time(row?.reply_ms, 'reply'), point_of_order: time(row?.point_of_order_ms, 'point_of_order') },
    delegationTotalMs: typeof row?.delegation_total_ms === 'number' && row.delegation_total_ms >= 0 ? row.delegation_total_ms : null,
  };
}

/** Every turn of a list, tombstones included (the turn counter counts them). */
export function turnRows(db: Database, listId: string): TurnRow[] {
  return cachedStatement(
    db,
    `SELECT s.id, s.participant_id, s.delegation, s.kind, coalesce(s.position, '') AS position, coalesce(s.status, 'waiting') AS status, s.turn,
            s.started_at, s.spoken_ms, s.finished_at, s.deleted, p.name AS person_name, p.organisation
       FROM speakers s LEFT JOIN participants p ON p.id = s.participant_id
      WHERE s.list_id = ?`,
  ).all(listId) as TurnRow[];
}

/** Who a turn is: the participant, or the delegation as typed give or take case, spacing and accents. */
export function speakerKey(participantId: string | null, delegation: string | null): string {
  return participantId !== null ? `participant:${participantId}` : `name:${foldForMatching(delegation ?? '')}`;
}

const kindOf = (value: string): SpeakerKind => ((speakerKinds as readonly string[]).includes(value) ? (value as SpeakerKind) : 'statement');
const statusOf = (value: string): SpeakerStatus => (value === 'speaking' || value === 'done' || value === 'withdrawn' ? value : 'waiting');

/** A turn's delegation: as typed, else the participant's organisation, else their name. */
export function delegationOf(row: Pick<TurnRow, 'delegation' | 'organisation' | 'person_name'>): string {
  const typed = row.delegation?.trim();
  if (typed) return typed;
  return row.organisation?.trim() || row.person_name?.trim() || '';
}

function toEntry(row: TurnRow, list: ListRecord): SpeakerEntry {
  const kind = kindOf(row.kind);
  return {
    id: row.id,
    participantId: row.participant_id,
    name: row.person_name?.trim() || row.delegation?.trim() || '',
    delegation: delegationOf(row),
    kind,
    status: statusOf(row.status),
    spokenMs: Math.max(0, row.spoken_ms ?? 0),
    startedAt: row.started_at,
    allottedMs: list.times[kind],
  };
}

const byPosition = (a: TurnRow, b: TurnRow) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1);

/** The live waiting turns of a list, in queue order. */
export function waitingRows(rows: readonly TurnRow[]): TurnRow[] {
  return rows.filter((r) => !r.deleted && statusOf(r.status) === 'waiting').sort(byPosition);
}

/** The live turns speaking now: one, unless two laptops gave the floor at once. */
export function speakingRows(rows: readonly TurnRow[]): TurnRow[] {
  return rows.filter((r) => !r.deleted && statusOf(r.status) === 'speaking').sort(byPosition);
}

/** The list as the screens and the CLI show it, with spoken time counted up to `nowMs`. */
export function readSpeakerList(db: Database, forumId: string, subject: SpeakerListSubject, nowMs: number): SpeakerList {
  requireSubject(db, forumId, subject);
  const list = listRecord(db, subject);
  const rows = turnRows(db, list.id);
  const [current, ...alsoSpeaking] = speakingRows(rows);
  const finished = rows
    .filter((r) => !r.deleted && (r.status === 'done' || r.status === 'withdrawn'))
    .sort((a, b) => ((a.finished_at ?? '') < (b.finished_at ?? '') ? -1 : (a.finished_at ?? '') > (b.finished_at ?? '') ? 1 : byPosition(a, b)));
  const spoken = new Map<string, number>();
  if (list.delegationTotalMs !== null) {
    for (const row of rows) {
      if (row.deleted || (row.status !== 'done' && row.status !== 'speaking')) continue;
      const delegation = delegationOf(row);
      spoken.set(delegation, (spoken.get(delegation) ?? 0) + elapsedMs({ spokenMs: row.spoken_ms ?? 0, startedAt: row.started_at }, nowMs));
    }
  }
  return {
    id: list.id,
    forumId,
    subject,
    times: list.times,
    delegationTotalMs: list.delegationTotalMs,
    current: current ? toEntry(current, list) : null,
    // A second turn given the floor on another laptop at the same time stays visible, first in line.
    waiting: [...alsoSpeaking, ...waitingRows(rows)].map((r) => toEntry(r, list)),
    finished: finished.map((r) => toEntry(r, list)),
    delegations: [...spoken].map(([delegation, spokenMs]) => ({ delegation, spokenMs })).sort((a, b) => a.delegation.localeCompare(b.delegation)),
  };
}

/**
 * The list whose speaker has the floor, for the projectors: of several (parallel rooms, or a
 * paragraph's list during a session's), the one whose timer started last, a running one first.
 */
export function currentSpeakerList(db: Database, forumId: string, nowMs: number): SpeakerList | null {
  const row = cachedStatement(
    db,
    `SELECT l.session_id, l.paragraph_id FROM speakers s JOIN speaker_lists l ON l.id = s.list_id AND l.deleted = 0
      WHERE s.forum_id = ? AND s.deleted = 0 AND s.status = 'speaking'
      ORDER BY s.started_at IS NULL, s.started_at DESC, s.id LIMIT 1`,
  ).get(forumId) as { session_id: string | null; paragraph_id: string | null } | undefined;
  if (!row) return null;
  const subject: SpeakerListSubject = row.session_id !== null ? { kind: 'session', id: row.session_id } : { kind: 'paragraph', id: row.paragraph_id ?? '' };
  try {
    return readSpeakerList(db, forumId, subject, nowMs);
  } catch {
    // Its session or paragraph was deleted meanwhile: nothing to show.
    return null;
  }
}
