import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import { directionOf } from '../../../shared/languages';
import type { SilenceObjection, SilenceProcedure, SilenceState } from '../../../shared/decisions';
import { CoreError } from '../errors';
import { writeRow, type Writer } from '../store/changeLog';
import { readIssuance } from '../issuances/issuances';
import { liveDocument } from '../store/outcomeDocuments';
import { delegationKey, delegationName, forumDelegations } from './delegations';
import { laptopName } from './decisions';

// The silence procedure: a document circulates with a deadline, and is adopted unless a
// delegation objects before it. Nothing about the outcome is stored: the state is computed when
// read, from the objections' recorded times against the deadline. A laptop whose clock jumps
// ahead shows the deadline passed for as long as its clock says so, but records nothing that
// would make it so anywhere else; an objection stamped after the deadline (come by bundle from a
// laptop with a wrong clock) is shown as late and never breaks the silence.

interface ProcedureRow {
  id: string;
  document_id: string;
  issuance_id: string | null;
  title: string | null;
  started_at: string | null;
  deadline: string | null;
  started_by: string | null;
}

interface ObjectionRow {
  id: string;
  delegation: string | null;
  text: string | null;
  lang: string | null;
  objected_at: string | null;
  recorded_by: string | null;
}

const millis = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);

/** Open, broken (an objection came in time) or adopted (the deadline passed in silence), by `now`. */
export function silenceState(deadline: string, objections: ReadonlyArray<Pick<SilenceObjection, 'late'>>, now: number): SilenceState {
  if (objections.some((o) => !o.late)) return 'broken';
  return now >= millis(deadline) ? 'adopted' : 'open';
}

function toProcedure(db: Database, row: ProcedureRow, lang: string, now: number): SilenceProcedure {
  const deadline = row.deadline ?? '';
  const limit = millis(deadline);
  const objections = (
    db
      .prepare('SELECT id, delegation, text, lang, objected_at, recorded_by FROM silence_objections WHERE procedure_id = ? AND deleted = 0 ORDER BY objected_at, id')
      .all(row.id) as ObjectionRow[]
  ).map(
    (o): SilenceObjection => ({
      id: o.id,
      delegation: o.delegation ?? '',
      name: delegationName(o.delegation ?? '', lang),
      text: o.text ?? '',
      lang: o.lang ?? 'und',
      dir: directionOf(o.lang ?? 'en'),
      objectedAt: o.objected_at ?? '',
      recordedBy: o.recorded_by ?? '',
      // No time, or a time past the deadline: never counted.
      late: !(millis(o.objected_at) <= limit),
    }),
  );
  return {
    id: row.id,
    documentId: row.document_id,
    issuanceId: row.issuance_id,
    title: row.title ?? '',
    startedAt: row.started_at ?? '',
    deadline,
    startedBy: row.started_by ?? '',
    state: silenceState(deadline, objections, now),
    objections,
  };
}

/** The document's silence procedures, newest first. */
export function listSilence(db: Database, documentId: string, lang: string, now: number): SilenceProcedure[] {
  const rows = db
    .prepare('SELECT id, document_id, issuance_id, title, started_at, deadline, started_by FROM silence_procedures WHERE document_id = ? AND deleted = 0 ORDER BY started_at DESC, id')
    .all(documentId) as ProcedureRow[];
  return rows.filter((row) => row.deadline !== null && !Number.isNaN(millis(row.deadline))).map((row) => toProcedure(db, row, lang, now));
}

function procedureRow(db: Database, id: string): ProcedureRow & { forum_id: string } {
  const row = db.prepare('SELECT id, forum_id, document_id, issuance_id, title, started_at, deadline, started_by FROM silence_procedures WHERE id = ? AND deleted = 0').get(id) as
    | (ProcedureRow & { forum_id: string })
    | undefined;
  if (!row) throw new CoreError('not_found', `No silence procedure with id ${id}.`);
  return row;
}

export interface StartSilenceInput {
  documentId: string;
  hours: number;
  issuanceId: string | null;
  id?: string;
}

/** Circulates the document (its draft as titled now, or the issuance named, by its symbol) until now plus `hours`. */
export function startSilence(writer: Writer, input: StartSilenceInput): string {
  const { row, forum } = liveDocument(writer.db, input.documentId);
  const titles = JSON.parse(row.title ?? '{}') as Record<string, string>;
  let title = titles[forum.sourceLanguage] ?? Object.values(titles).find(Boolean) ?? '';
  if (input.issuanceId !== null) {
    // An issuance circulates as issued: its seal must hold, and it must be this document's.
    const { issuance } = readIssuance(writer.db, input.issuanceId);
    if (issuance.documentId !== input.documentId) throw new CoreError('not_found', `Issuance ${issuance.symbol} is not of document ${input.documentId}.`);
    title = title ? `${issuance.symbol}: ${title}` : issuance.symbol;
  }
  const now = writer.clock.wallNow();
  const id = input.id ?? newRowId();
  writeRow(writer, 'silence_procedures', id, {
    forum_id: row.forum_id,
    document_id: input.documentId,
    issuance_id: input.issuanceId,
    title,
    started_at: new Date(now).toISOString(),
    deadline: new Date(now + Math.round(input.hours * 3_600_000)).toISOString(),
    started_by: laptopName(writer.db),
    deleted: 0,
  });
  return id;
}

/** Moves the deadline (the secretariat extends or shortens the procedure); answers the document. */
export function setSilenceDeadline(writer: Writer, procedureId: string, deadline: string): string {
  const row = procedureRow(writer.db, procedureId);
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) throw new CoreError('invalid_input', `Not a time: ${deadline}.`, [{ path: 'deadline', message: 'validation.invalid' }]);
  const iso = new Date(at).toISOString();
  if (iso !== row.deadline) writeRow(writer, 'silence_procedures', procedureId, { deadline: iso });
  return row.document_id;
}

export interface ObjectionInput {
  procedureId: string;
  delegation: string;
  text: string;
  textLang: string;
  id?: string | undefined;
}

/**
 * Records a delegation's objection, stamped with this laptop's clock. After the deadline it is
 * refused (`objection_too_late`) and nothing is written. Answers the procedure's document.
 */
export function recordObjection(writer: Writer, input: ObjectionInput): string {
  const row = procedureRow(writer.db, input.procedureId);
  const id = input.id ?? newRowId();
  if (writer.db.prepare('SELECT 1 FROM silence_objections WHERE id = ?').get(id)) return row.document_id;
  const now = writer.clock.wallNow();
  if (now > millis(row.deadline)) {
    throw new CoreError('objection_too_late', `The deadline of this silence procedure (${row.deadline ?? '?'}) has passed; the objection was not recorded.`);
  }
  const known = forumDelegations(writer.db, row.forum_id, 'en');
  writeRow(writer, 'silence_objections', id, {
    forum_id: row.forum_id,
    procedure_id: input.procedureId,
    delegation: delegationKey(input.delegation, known),
    text: input.text,
    lang: input.textLang,
    objected_at: new Date(now).toISOString(),
    recorded_by: laptopName(writer.db),
    deleted: 0,
  });
  return row.document_id;
}
