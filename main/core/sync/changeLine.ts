import { hash as hashOnce } from 'node:crypto';
import { languageTagPattern } from '../../../shared/languages';
import { hlcPattern } from './hybridClock';
import { columnKind, deviceTables, isProseCell, isSyncedTable, type ColumnKind, type SyncedTable } from '../store/syncedTables';
import { issuanceSnapshotChars } from '../issuances/issuanceSeal';
import { bundleError } from './bundleError';
import type { BundleChange } from './readBundle';

/**
 * What a cell may hold, per column: at least as generous as the forms that write them (a note
 * takes 100,000 characters, a paragraph 50,000, a preamble 20,000, a name 200), so that nothing
 * Plenary writes is ever refused, and small enough that a bundle cannot fill a laptop.
 */
export const cellLimits = {
  /** Columns naming another row. */
  idChars: 200,
  /** Any other text: names, dates, statuses, titles. */
  shortChars: 10_000,
  /** Prose and long texts (longColumns). */
  longChars: 200_000,
  jsonChars: 100_000,
  jsonDepth: 8,
  cellsPerChange: 1_000,
  parentsPerCell: 1_000,
  /** A change line, as UTF-8 text: the longest cells, escaped, fit several times over. */
  lineChars: 4 * 1024 * 1024,
} as const;

const longColumns = new Set([
  'notes.text',
  'key_messages.text',
  'outcome_paragraphs.text',
  'amendments.text',
  'amendments.base_text',
  'amendments.rationale',
  'stances.note',
  'sessions.description',
  'forums.theme',
  'forums.preamble',
  'forums.lead_in',
  'forums.closing',
  'outcome_documents.subtitle',
  'outcome_documents.preamble',
  'outcome_documents.lead_in',
  'outcome_documents.closing',
]);

/** Text columns declared NOT NULL in the schema (the migrations): a null there could not be applied. */
export const notNullTextColumns = new Set(['key_messages.status', 'outcome_paragraphs.kind', 'amendments.status']);

const isIdColumn = (column: string) => column.endsWith('_id') || column === 'merged_into';

export function textLimit(table: string, column: string): number {
  // An issued document whole, in every language (see issuanceSeal.ts): bounded like any cell.
  if (table === 'issuances' && column === 'snapshot') return issuanceSnapshotChars;
  if (isIdColumn(column)) return cellLimits.idChars;
  return longColumns.has(`${table}.${column}`) ? cellLimits.longChars : cellLimits.shortChars;
}

const changeIdPattern = /^[^/]{1,200}\/\d{15}-[0-9a-f]{4}$/;
const fmt = (n: number) => n.toLocaleString('en-GB');

/** A name from the file, shown only when it is short plain text; never raw bytes or controls. */
export function shown(name: string): string {
  return /^[\x20-\x7e]{1,80}$/.test(name) ? `“${name}”` : '(its name is not readable)';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= cellLimits.idChars;

/**
 * Parses and checks one line of changes.jsonl: `[device, hlc, table, rowId, cells]` and, for
 * prose, the edits each prose cell replaces. Every cell is held to its column's kind and size.
 * `line` is 1-based, for the message.
 */
export function parseChangeLine(text: string, line: number): BundleChange {
  // Worded only when a line is refused: a hundred thousand good lines never format their number.
  const where = () => `Line ${fmt(line)} of the bundle’s changes`;
  const refuse = (why: string) => bundleError(`${where()} ${why}; the bundle was not imported.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bundleError(`${where()} is not readable: the file is damaged. Ask for the bundle again.`);
  }
  if (!Array.isArray(value) || value.length < 5 || value.length > 7) throw refuse('is not a change');
  const [device, hlc, tbl, rowId, cells, parents, erasure] = value as unknown[];
  if (!isId(device) || device.includes('/')) throw refuse('does not name the laptop that made it');
  if (typeof hlc !== 'string' || !hlcPattern.test(hlc)) throw refuse('has no valid clock reading');
  if (typeof tbl !== 'string' || !isSyncedTable(tbl) || deviceTables.has(tbl)) {
    throw refuse(`names an unknown table ${typeof tbl === 'string' ? `${shown(tbl)} ` : ''}${newerHint}`);
  }
  if (!isId(rowId)) throw refuse(`has no valid row id (at most ${fmt(cellLimits.idChars)} characters)`);
  if (!isPlainObject(cells)) throw refuse('is not a change');
  const names = Object.keys(cells);
  // A change whose values were erased (see eraseParticipant.ts): what is left of it, and the hash
  // its whole line had, which the block its device signed still needs.
  const erasedHash = value.length === 7 ? erasedLine(tbl, names, parents, erasure) : undefined;
  if (erasedHash === null) throw refuse('claims erased values in a form Plenary does not write');
  if (names.length === 0 && erasedHash === undefined) throw refuse('changes no cell');
  if (names.length > cellLimits.cellsPerChange) throw refuse(`changes more than ${fmt(cellLimits.cellsPerChange)} cells`);
  if (parents !== undefined && parents !== null && !isPlainObject(parents)) throw refuse('is not a change');
  const replaced = parents ?? {};
  for (const cell of names) {
    const rule = ruleFor(tbl, cell);
    const problem = cellProblem(rule, cells[cell]);
    if (problem) throw refuse(problem);
    // A prose edit always names the edits it replaces (none, for the first): saving the next
    // edit finds the version on screen through them alone (see newestUnreplaced in changeLog.ts).
    if ('prose' in rule && rule.prose && !Object.prototype.hasOwnProperty.call(replaced, cell)) {
      throw refuse(`sets the prose “${tbl}.${cell}” without naming the edits it replaces`);
    }
  }
  // Ordinary cells may name replaced changes too: an edit that beat a change stamped ahead of it.
  for (const [cell, ids] of Object.entries(replaced)) {
    if (!Object.prototype.hasOwnProperty.call(cells, cell)) {
      throw refuse(`names replaced edits for ${shown(`${tbl}.${cell}`)}, which it does not set`);
    }
    if (!Array.isArray(ids) || ids.length > cellLimits.parentsPerCell || !ids.every((id) => typeof id === 'string' && changeIdPattern.test(id))) {
      throw refuse(`names the edits “${tbl}.${cell}” replaces in a form Plenary does not write`);
    }
  }
  const cellsText = JSON.stringify(cells);
  const parentsText = parents ? JSON.stringify(parents) : null;
  const change: BundleChange = { device, hlc, tbl, rowId, cells: cellsText, parents: parentsText, values: cells, key: `${tbl}\u0000${rowId}` };
  if (erasedHash) change.erasedHash = erasedHash;
  // Hashed here, while the parts are at hand, as canonicalLine (changeBlocks.ts) writes them:
  // the table and clock passed the checks above, so they need no escaping.
  else change.lineHash = hashOnce('sha256', `[${JSON.stringify(device)},"${hlc}","${tbl}",${JSON.stringify(rowId)},${cellsText}${parentsText ? `,${parentsText}` : ''}]`);
  return change;
}

/** Cells a participant's erased change may keep: which forum, and that it is deleted and erased. */
const erasedKeeps = new Set(['forum_id', 'deleted', 'erased']);

/** The hash of an erased change's line, if it is one in the form Plenary writes; null if it is not. */
function erasedLine(tbl: string, names: readonly string[], parents: unknown, erasure: unknown): string | null {
  if (tbl !== 'participants' || parents !== null || !isPlainObject(erasure)) return null;
  const hash = erasure.erased;
  if (Object.keys(erasure).length !== 1 || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return names.every((name) => erasedKeeps.has(name)) ? hash : null;
}

// Laptops at one event may run different versions: what a newer Plenary writes reads as unknown here.
const newerHint = '(a newer version of Plenary may have written it: update Plenary on this laptop, then import it again)';

/**
 * What a cell of a table may hold, worked out once per column and language (a bundle repeats the
 * same few hundred thousand times): its kind, its limit, and whether it is prose.
 */
type CellRule =
  | { problem: string }
  | { kind: 'text'; name: string; limit: number; nullable: boolean; prose: boolean }
  | { kind: 'integer' | 'json'; name: string; prose: boolean };

const rules = new Map<string, Map<string, CellRule>>();
/** Rules kept per table: the columns, each in the languages a forum uses; a file naming more is rare. */
const rulesPerTable = 2_000;

function ruleFor(table: SyncedTable, cell: string): CellRule {
  let known = rules.get(table);
  if (!known) rules.set(table, (known = new Map()));
  const rule = known.get(cell);
  if (rule) return rule;
  const made = makeRule(table, cell);
  if (!('problem' in made) && known.size < rulesPerTable) known.set(cell, made);
  return made;
}

function makeRule(table: SyncedTable, cell: string): CellRule {
  const at = cell.indexOf('@');
  const column = at === -1 ? cell : cell.slice(0, at);
  const kind: ColumnKind | undefined = columnKind(table, column);
  if (!kind) return { problem: `names an unknown column ${shown(`${table}.${cell}`)} ${newerHint}` };
  const name = `“${table}.${column}”`;
  const prose = isProseCell(table, cell);
  if (kind === 'multilingual') {
    if (at === -1) return { problem: `sets the multilingual ${name} without saying in which language` };
    if (!languageTagPattern.test(cell.slice(at + 1))) return { problem: `sets ${name} in ${shown(cell.slice(at + 1))}, which is not a language tag` };
    return { kind: 'text', name, limit: cellLimits.longChars, nullable: true, prose };
  }
  if (at !== -1) return { problem: `names an unknown column ${shown(`${table}.${cell}`)}` };
  if (kind === 'text') return { kind: 'text', name, limit: textLimit(table, column), nullable: !notNullTextColumns.has(`${table}.${column}`), prose };
  return { kind: kind === 'integer' ? 'integer' : 'json', name, prose };
}

/** What is wrong with one cell, in words, or undefined. */
function cellProblem(rule: CellRule, value: unknown): string | undefined {
  if ('problem' in rule) return rule.problem;
  if (rule.kind === 'text') return textProblem(rule.name, value, rule.limit, rule.nullable);
  if (rule.kind === 'integer') {
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value))) return undefined;
    return `sets ${rule.name} to something other than a whole number`;
  }
  return jsonProblem(rule.name, value);
}

function textProblem(name: string, value: unknown, limit: number, nullable: boolean): string | undefined {
  if (value === null && nullable) return undefined;
  if (typeof value !== 'string') return `sets ${name} to something other than text`;
  if (value.length > limit) return `sets ${name} to more than ${fmt(limit)} characters`;
  return undefined;
}

/** Lists and objects (tags, roles, languages, co-organisers, themes), bounded in depth and size. */
function jsonProblem(name: string, value: unknown): string | undefined {
  if (value === null) return undefined; // stored as an empty list
  if (typeof value !== 'object') return `sets ${name} to something other than a list`;
  if (Array.isArray(value) && value.length === 0) return undefined; // most tags, most days
  let chars = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() ?? [null, 0];
    if (typeof item === 'string') chars += item.length + 3;
    else if (typeof item === 'object' && item !== null) {
      if (depth > cellLimits.jsonDepth) return `nests ${name} more than ${cellLimits.jsonDepth} levels deep`;
      for (const [key, child] of Object.entries(item)) {
        chars += key.length + 4;
        pending.push([child, depth + 1]);
      }
    } else chars += 8;
    if (chars > cellLimits.jsonChars) return `sets ${name} to more than ${fmt(cellLimits.jsonChars)} characters`;
  }
  return undefined;
}
