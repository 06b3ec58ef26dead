import type { Database } from 'better-sqlite3';
import { cachedStatement } from './cachedStatement';
import { rowHistory } from './rowHistory';
import { cellHeads, changeId, newerFirst } from './proseHeads';

/** What the drafting view needs of one `text@lang` cell's history. */
export interface CellLineage {
  /** The clock of the newest edit: translation states compare these. */
  newest: string;
  /** Texts of the live versions other than the one shown (concurrent edits), newest first. */
  otherTexts: string[];
}

interface Edit {
  device: string;
  hlc: string;
}

/**
 * Per paragraph, per text cell, its newest clock and the texts of its concurrent versions, read
 * from the lineage alone: every prose edit names the cells it sets and the edits it replaces in
 * `parents`, so thousands of revisions are folded without parsing their texts (SQLite reads
 * them, JavaScript never sees them); only the few live versions not shown are parsed. Rows with text written before the
 * log kept lineage fall back to their full history, as cellHeads reads it.
 */
export function paragraphLineage(db: Database, ids: string[]): Map<string, Map<string, CellLineage>> {
  const result = new Map<string, Map<string, CellLineage>>();
  if (ids.length === 0) return result;
  const json = JSON.stringify(ids);
  const legacy = new Set(
    cachedStatement(
      db,
        `SELECT DISTINCT row_id FROM changes WHERE tbl = 'outcome_paragraphs' AND row_id IN (SELECT value FROM json_each(?))
            AND parents IS NULL AND instr(cells, '"text@') > 0`,
    )
      .pluck()
      .all(json) as string[],
  );
  const rows = cachedStatement(
    db,
    `SELECT row_id, device, hlc, parents FROM changes WHERE tbl = 'outcome_paragraphs' AND row_id IN (SELECT value FROM json_each(?))
          AND parents IS NOT NULL`,
  ).all(json) as Array<{ row_id: string; device: string; hlc: string; parents: string }>;

  const setters = new Map<string, Map<string, Edit[]>>();
  const replaced = new Map<string, Map<string, Set<string>>>();
  for (const row of rows) {
    if (legacy.has(row.row_id)) continue;
    const parents = JSON.parse(row.parents) as Record<string, string[]>;
    let rowSetters = setters.get(row.row_id);
    let rowReplaced = replaced.get(row.row_id);
    if (!rowSetters || !rowReplaced) {
      rowSetters = new Map();
      rowReplaced = new Map();
      setters.set(row.row_id, rowSetters);
      replaced.set(row.row_id, rowReplaced);
    }
    for (const [cell, replaces] of Object.entries(parents)) {
      const list = rowSetters.get(cell) ?? [];
      list.push({ device: row.device, hlc: row.hlc });
      rowSetters.set(cell, list);
      const gone = rowReplaced.get(cell) ?? new Set<string>();
      for (const parent of replaces) gone.add(parent);
      rowReplaced.set(cell, gone);
    }
  }

  const textOf = cachedStatement(
    db,
    "SELECT json_extract(cells, ?) FROM changes WHERE tbl = 'outcome_paragraphs' AND row_id = ? AND device = ? AND hlc = ?",
  ).pluck();
  for (const [rowId, cells] of setters) {
    const out = new Map<string, CellLineage>();
    for (const [cell, edits] of cells) {
      const gone = replaced.get(rowId)?.get(cell) ?? new Set<string>();
      const heads = edits.filter((e) => !gone.has(changeId(e))).sort(newerFirst);
      const newest = edits.reduce((max, e) => (e.hlc > max ? e.hlc : max), '');
      const otherTexts = heads.slice(1).map((e) => {
        const text: unknown = textOf.get(`$."${cell}"`, rowId, e.device, e.hlc);
        return typeof text === 'string' ? text : '';
      });
      out.set(cell, { newest, otherTexts });
    }
    result.set(rowId, out);
  }
  for (const rowId of legacy) result.set(rowId, fromHistory(db, rowId));
  return result;
}

function fromHistory(db: Database, rowId: string): Map<string, CellLineage> {
  const history = rowHistory(db, 'outcome_paragraphs', rowId);
  const out = new Map<string, CellLineage>();
  const cells = new Set(history.flatMap((c) => Object.keys(c.cells)).filter((cell) => cell.startsWith('text@')));
  for (const cell of cells) {
    const newest = history.reduce((max, c) => (cell in c.cells && c.hlc > max ? c.hlc : max), '');
    const otherTexts = cellHeads('outcome_paragraphs', cell, history)
      .slice(1)
      .map((c) => (typeof c.cells[cell] === 'string' ? (c.cells[cell] as string) : ''));
    out.set(cell, { newest, otherTexts });
  }
  return out;
}
