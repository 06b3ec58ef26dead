import type { Writer } from './changeLog';
import { writeRow } from './changeLog';
import { rowHistory } from './rowHistory';
import { cellHeads } from './proseHeads';
import type { SyncedTable } from './syncedTables';

export interface ProseVersion {
  text: string;
  device: string;
  hlc: string;
}

/**
 * The versions of a prose cell that stand side by side: one when nobody disagrees, more when two
 * laptops edited the same text without seeing each other's edit. The first is the one shown.
 */
export function proseVersions(writer: Pick<Writer, 'db'>, table: SyncedTable, rowId: string, cell: string): ProseVersion[] {
  return cellHeads(table, cell, rowHistory(writer.db, table, rowId)).map((c) => ({
    text: typeof c.cells[cell] === 'string' ? (c.cells[cell] as string) : '',
    device: c.device,
    hlc: c.hlc,
  }));
}

/** Settles a prose cell: the chosen (or merged) text replaces every version; the others stay in history. */
export function chooseProse(writer: Writer, table: SyncedTable, rowId: string, cell: string, text: string): void {
  const [column = cell, lang] = cell.split('@');
  writeRow(writer, table, rowId, { [column]: lang === undefined ? text : { [lang]: text } }, { replaceAllVersions: true });
}
