import type { Database } from 'better-sqlite3';
import { prepared } from './preparedStatements';
import { parseLogged, type LoggedChange } from './proseHeads';

/** Every change ever made to one row, parsed; read through the (tbl, row_id) index. */
export function rowHistory(db: Database, table: string, rowId: string): LoggedChange[] {
  const select = prepared(db, 'changes-of-row', () => 'SELECT device, hlc, cells, parents FROM changes WHERE tbl = ? AND row_id = ?');
  return (select.all(table, rowId) as Array<{ device: string; hlc: string; cells: string; parents: string | null }>).map(parseLogged);
}
