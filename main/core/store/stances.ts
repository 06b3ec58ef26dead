import type { Database } from 'better-sqlite3';
import type { Delegation, Stance, StanceKind } from '../../../shared/amendments';
import { CoreError } from '../errors';
import { cachedStatement } from './cachedStatement';
import { writeRow, type Writer } from './changeLog';
import { derivedId } from './derivedId';
import { getForum } from './forums';
import { liveParagraph, paragraphRecord } from './outcomeParagraphs';

interface StanceRow {
  id: string;
  paragraph_id: string;
  participant_id: string | null;
  delegation: string | null;
  stance: string;
  note: string | null;
  participant_label: string | null;
}

const stanceKinds = new Set<string>(['support', 'objection', 'reservation']);

/** A delegation that names a participant must name a live one of this forum. */
export function checkDelegation(db: Database, forumId: string, delegation: Delegation): void {
  if (delegation.participantId === null) return;
  const found = cachedStatement(db, 'SELECT 1 FROM participants WHERE id = ? AND forum_id = ? AND deleted = 0').get(delegation.participantId, forumId);
  if (!found) throw new CoreError('not_found', `No participant ${delegation.participantId} in forum ${forumId}.`);
}

/**
 * What makes two stances the same delegation's: the participant, or the name as typed give or
 * take case, spacing and compatibility forms ("UN-Habitat", "un-habitat ").
 */
function delegationKey(delegation: Delegation): string {
  if (delegation.participantId !== null) return `participant:${delegation.participantId}`;
  return `name:${delegation.name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und')}`;
}

/**
 * One row per paragraph and delegation, whose id both laptops compute alike: two laptops that
 * record the same delegation's stance write the same row, and the later write wins.
 */
export const stanceId = (paragraphId: string, delegation: Delegation): string => derivedId('stance', paragraphId, delegationKey(delegation));

/** The live stances on a paragraph, by delegation. */
export function listStances(db: Database, paragraphId: string): Stance[] {
  paragraphRecord(db, paragraphId);
  const rows = cachedStatement(
    db,
    `SELECT s.id, s.paragraph_id, s.participant_id, s.delegation, s.stance, s.note,
        coalesce(nullif(trim(p.organisation), ''), p.name) AS participant_label
      FROM stances s LEFT JOIN participants p ON p.id = s.participant_id
      WHERE s.paragraph_id = ? AND s.deleted = 0`,
  ).all(paragraphId) as StanceRow[];
  return rows
    .filter((row) => stanceKinds.has(row.stance))
    .map((row) => ({
      id: row.id,
      paragraphId: row.paragraph_id,
      participantId: row.participant_id,
      delegation: (row.participant_id !== null ? row.participant_label : null) ?? row.delegation ?? '',
      stance: row.stance as StanceKind,
      note: row.note ?? '',
    }))
    .sort((a, b) => a.delegation.localeCompare(b.delegation) || a.id.localeCompare(b.id));
}

/**
 * Records (or replaces) a delegation's stance on a paragraph; null clears it. Only the cells that
 * change are written, so a note added on one laptop and a stance changed on another both stay.
 */
export function setStance(writer: Writer, paragraphId: string, delegation: Delegation, stance: StanceKind | null, note: string): void {
  const db = writer.db;
  const paragraph = liveParagraph(db, paragraphId);
  getForum(db, paragraph.forum_id);
  checkDelegation(db, paragraph.forum_id, delegation);
  const id = stanceId(paragraphId, delegation);
  const existing = db.prepare('SELECT participant_id, delegation, stance, note, deleted FROM stances WHERE id = ?').get(id) as
    | { participant_id: string | null; delegation: string | null; stance: string | null; note: string | null; deleted: number }
    | undefined;
  if (stance === null) {
    if (existing && !existing.deleted) writeRow(writer, 'stances', id, { deleted: 1 });
    return;
  }
  if (!existing) {
    writeRow(writer, 'stances', id, {
      forum_id: paragraph.forum_id,
      paragraph_id: paragraphId,
      participant_id: delegation.participantId,
      delegation: delegation.name,
      stance,
      note,
      deleted: 0,
    });
    return;
  }
  const changed = <T>(value: T, before: T | null): T | undefined => (value === before ? undefined : value);
  writeRow(writer, 'stances', id, {
    // The name as last typed, so a delegation's spelling can be corrected.
    delegation: changed(delegation.name, existing.delegation),
    stance: changed<string>(stance, existing.stance),
    note: changed(note, existing.note),
    deleted: existing.deleted ? 0 : undefined,
  });
}
