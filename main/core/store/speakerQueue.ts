import { generateKeyBetween } from 'fractional-indexing';
import type { SpeakerListSubject } from '../../../shared/speakers';
import { elapsedMs, paused, resumed, type SpeakerKind } from '../../../shared/speakingTime';
import { CoreError } from '../errors';
import { cachedStatement } from './cachedStatement';
import { writeRow, type RowValues, type Writer } from './changeLog';
import { derivedId } from './derivedId';
import { orderable } from './fractionalOrder';
import { listRecord, requireSubject, speakerKey, speakerListId, speakingRows, turnRows, waitingRows, type TurnRow } from './speakerLists';

// Changing a speakers' list. Every write goes through the change log; the clock a timer reads is
// passed in (`nowMs`), so tests control it and the core never reads another laptop's.

/** Points of order go before replies, replies before statements. */
const rank: Record<SpeakerKind, number> = { point_of_order: 0, reply: 1, statement: 2 };
const rankOf = (kind: string) => rank[kind as SpeakerKind] ?? rank.statement;

export interface NewSpeaker {
  participantId: string | null;
  delegation: string;
  kind: SpeakerKind;
}

/** The list row, made on first use: two laptops making it write the same id and values. */
function ensureList(writer: Writer, forumId: string, subject: SpeakerListSubject): string {
  const list = listRecord(writer.db, subject);
  if (!list.exists) {
    writeRow(writer, 'speaker_lists', list.id, {
      forum_id: forumId,
      session_id: subject.kind === 'session' ? subject.id : null,
      paragraph_id: subject.kind === 'paragraph' ? subject.id : null,
      deleted: 0,
    });
  }
  return list.id;
}

/** The waiting turns as an orderable list (renumbered once if two laptops picked one key). */
function queue(writer: Writer, rows: readonly TurnRow[]): TurnRow[] {
  const waiting = waitingRows(rows);
  const keys = new Map(orderable(writer, 'speakers', waiting).map((p) => [p.id, p.position]));
  return waiting.map((r) => ({ ...r, position: keys.get(r.id) ?? r.position }));
}

/**
 * Adds a turn, or finds the one already waiting. Its id is derived from the list, the speaker,
 * the kind of turn and how many such turns the speaker had before: two laptops adding the same
 * person at once write one row, and the same person later gets a new turn.
 */
export function addSpeaker(writer: Writer, forumId: string, subject: SpeakerListSubject, input: NewSpeaker, nowMs: number): string {
  const db = writer.db;
  requireSubject(db, forumId, subject);
  if (input.participantId !== null) {
    const found = cachedStatement(db, 'SELECT 1 FROM participants WHERE id = ? AND forum_id = ? AND deleted = 0').get(input.participantId, forumId);
    if (!found) throw new CoreError('not_found', `No participant ${input.participantId} in forum ${forumId}.`, [{ path: 'participantId', message: 'validation.invalid' }]);
  }
  const delegation = input.delegation.trim();
  if (input.participantId === null && foldedEmpty(delegation)) {
    throw new CoreError('invalid_input', 'Name a participant or type a delegation.', [{ path: 'delegation', message: 'validation.required' }]);
  }
  return db.transaction(() => {
    const listId = ensureList(writer, forumId, subject);
    const rows = turnRows(db, listId);
    const key = speakerKey(input.participantId, delegation);
    const same = rows.filter((r) => r.kind === input.kind && speakerKey(r.participant_id, r.participant_id === null ? r.delegation : null) === key);
    const open = same.find((r) => !r.deleted && (r.status === 'waiting' || r.status === 'speaking'));
    if (open) return open.id;
    const id = derivedId('speaker', listId, key, input.kind, String(same.length));
    const waiting = queue(writer, rows);
    // Jumps the queue: before the first waiting turn of a lower rank, after those of its own.
    const at = waiting.findIndex((r) => rankOf(r.kind) > rank[input.kind]);
    const before = at === -1 ? undefined : waiting[at];
    const after = at === -1 ? waiting.at(-1) : waiting[at - 1];
    writeRow(writer, 'speakers', id, {
      forum_id: forumId,
      list_id: listId,
      participant_id: input.participantId,
      delegation: input.participantId === null ? delegation : null,
      kind: input.kind,
      position: generateKeyBetween(after?.position ?? null, before?.position ?? null),
      status: 'waiting',
      turn: same.length,
      added_at: new Date(nowMs).toISOString(),
      started_at: null,
      spoken_ms: 0,
      finished_at: null,
      deleted: 0,
    });
    return id;
  })();
}

const foldedEmpty = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '') === '';

function requireTurn(rows: readonly TurnRow[], id: string): TurnRow {
  const row = rows.find((r) => r.id === id && !r.deleted);
  if (!row) throw new CoreError('not_found', `No speaker ${id} in this list.`, [{ path: 'id', message: 'validation.invalid' }]);
  return row;
}

/** Moves a waiting turn to `toIndex` in the queue (past the end: last). */
export function moveSpeaker(writer: Writer, forumId: string, subject: SpeakerListSubject, id: string, toIndex: number): void {
  requireSubject(writer.db, forumId, subject);
  writer.db.transaction(() => {
    const rows = turnRows(writer.db, speakerListId(subject));
    const row = requireTurn(rows, id);
    if (row.status !== 'waiting') throw new CoreError('invalid_input', 'Only a speaker still waiting can be moved.', [{ path: 'id', message: 'validation.invalid' }]);
    const waiting = queue(writer, rows);
    const from = waiting.findIndex((r) => r.id === id);
    const others = waiting.filter((r) => r.id !== id);
    const to = Math.min(toIndex, others.length);
    if (to === from) return;
    const position = generateKeyBetween(others[to - 1]?.position ?? null, others[to]?.position ?? null);
    writeRow(writer, 'speakers', id, { position });
  })();
}

/** The cells that end a turn now: the time spoken is banked, the timer stops. */
function finishing(row: TurnRow, nowMs: number): RowValues {
  const timer = paused({ spokenMs: row.spoken_ms ?? 0, startedAt: row.started_at }, nowMs);
  return { status: 'done', spoken_ms: timer.spokenMs, started_at: null, finished_at: new Date(nowMs).toISOString() };
}

function giveFloor(writer: Writer, rows: readonly TurnRow[], row: TurnRow, nowMs: number): void {
  for (const speaking of speakingRows(rows)) if (speaking.id !== row.id) writeRow(writer, 'speakers', speaking.id, finishing(speaking, nowMs));
  const timer = resumed({ spokenMs: row.spoken_ms ?? 0, startedAt: row.started_at }, nowMs);
  writeRow(writer, 'speakers', row.id, { status: 'speaking', started_at: timer.startedAt, spoken_ms: timer.spokenMs });
}

/** Ends the current turn (all of them, if two laptops gave the floor at once) and starts the next. */
export function nextSpeaker(writer: Writer, forumId: string, subject: SpeakerListSubject, nowMs: number): void {
  requireSubject(writer.db, forumId, subject);
  writer.db.transaction(() => {
    const rows = turnRows(writer.db, speakerListId(subject));
    const next = waitingRows(rows)[0];
    if (next) giveFloor(writer, rows, next, nowMs);
    else for (const speaking of speakingRows(rows)) writeRow(writer, 'speakers', speaking.id, finishing(speaking, nowMs));
  })();
}

export type SpeakerAction = 'start' | 'pause' | 'finish' | 'withdraw' | 'remove';

const refuse = (why: string) => new CoreError('invalid_input', why, [{ path: 'action', message: 'validation.invalid' }]);

/**
 * start: gives a waiting speaker the floor, or resumes a paused one; pause: banks the time spoken;
 * finish: ends the turn; withdraw: takes a waiting speaker off the queue; remove: deletes a turn
 * added by mistake (never one that spoke, whose time counts in the figures). Repeating an action
 * already done (pausing a paused timer) changes nothing.
 */
export function actOnSpeaker(writer: Writer, forumId: string, subject: SpeakerListSubject, id: string, action: SpeakerAction, nowMs: number): void {
  requireSubject(writer.db, forumId, subject);
  writer.db.transaction(() => {
    const rows = turnRows(writer.db, speakerListId(subject));
    const row = requireTurn(rows, id);
    const status = row.status;
    switch (action) {
      case 'start':
        if (status === 'done' || status === 'withdrawn') throw refuse('This speaker has finished; add them again for another turn.');
        if (status === 'speaking' && row.started_at !== null) return;
        giveFloor(writer, rows, row, nowMs);
        return;
      case 'pause':
        if (status !== 'speaking' || row.started_at === null) return;
        writeRow(writer, 'speakers', id, { spoken_ms: elapsedMs({ spokenMs: row.spoken_ms ?? 0, startedAt: row.started_at }, nowMs), started_at: null });
        return;
      case 'finish':
        if (status === 'done') return;
        if (status !== 'speaking') throw refuse('Only the speaker who has the floor can finish.');
        writeRow(writer, 'speakers', id, finishing(row, nowMs));
        return;
      case 'withdraw':
        if (status === 'withdrawn') return;
        if (status !== 'waiting') throw refuse('Only a speaker still waiting can withdraw.');
        writeRow(writer, 'speakers', id, { status: 'withdrawn', finished_at: new Date(nowMs).toISOString() });
        return;
      case 'remove':
        if (status === 'speaking' || status === 'done') throw refuse('A speaker who has spoken stays on the record.');
        writeRow(writer, 'speakers', id, { deleted: 1 });
        return;
    }
  })();
}

export interface SpeakerSettings {
  times: Record<SpeakerKind, number>;
  delegationTotalMs: number | null;
}

/** Sets the list's speaking times; only the cells that change are written. */
export function setSpeakerSettings(writer: Writer, forumId: string, subject: SpeakerListSubject, settings: SpeakerSettings): void {
  requireSubject(writer.db, forumId, subject);
  const durations = [...Object.values(settings.times), settings.delegationTotalMs ?? 0];
  if (durations.some((ms) => !Number.isSafeInteger(ms) || ms < 0)) {
    throw new CoreError('invalid_input', 'A speaking time is a whole, positive number of milliseconds.', [{ path: 'times', message: 'validation.durationNegative' }]);
  }
  writer.db.transaction(() => {
    const listId = ensureList(writer, forumId, subject);
    const before = listRecord(writer.db, subject);
    const row = cachedStatement(writer.db, 'SELECT statement_ms, reply_ms, point_of_order_ms, delegation_total_ms FROM speaker_lists WHERE id = ?').get(listId) as Record<string, number | null>;
    const changed = (cell: string, value: number | null) => (row[cell] === value ? undefined : value);
    writeRow(writer, 'speaker_lists', before.id, {
      statement_ms: changed('statement_ms', settings.times.statement),
      reply_ms: changed('reply_ms', settings.times.reply),
      point_of_order_ms: changed('point_of_order_ms', settings.times.point_of_order),
      delegation_total_ms: changed('delegation_total_ms', settings.delegationTotalMs),
    });
  })();
}
