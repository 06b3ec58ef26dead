import type { NewRow } from './foldNewRows';

/**
 * The rows a bundle creates, packed for the trip to the main connection as its changes are
 * (packedChanges.ts). As objects, structured clone writes each row's cell names again and the main
 * thread rebuilds 39,800 objects for a merge's notes; here each table's list of cells is written
 * once, text values are slices of one string, and only the other values (numbers, null, lists)
 * travel as themselves.
 */
export interface PackedRows {
  count: number;
  /** Each distinct table and list of cells, named per row by `shape`. */
  shapes: Array<{ table: string; cells: string[] }>;
  shape: Uint32Array;
  /** Each row's id, then its text values, one after another, cut by `offsets`. */
  text: string;
  offsets: Uint32Array;
  /** Values that are not text, in order. */
  others: unknown[];
  /** Per cell, in order: 1 when its value is in `others`. */
  isOther: Uint8Array;
  /** Where row i's pieces of text, other values and cells begin (count + 1 each). */
  pieceStart: Uint32Array;
  otherStart: Uint32Array;
  cellStart: Uint32Array;
}

export function packRows(rows: readonly NewRow[]): PackedRows {
  const count = rows.length;
  const shapes = new Map<string, number>();
  const shapeList: PackedRows['shapes'] = [];
  const shape = new Uint32Array(count);
  const pieceStart = new Uint32Array(count + 1);
  const otherStart = new Uint32Array(count + 1);
  const cellStart = new Uint32Array(count + 1);
  const parts: string[] = [];
  const starts: number[] = [];
  const others: unknown[] = [];
  const isOther: number[] = [];
  let at = 0;
  const put = (text: string) => {
    starts.push(at);
    parts.push(text);
    at += text.length;
  };
  rows.forEach(([table, rowId, cells], i) => {
    const names = Object.keys(cells);
    const key = `${table}\u0000${names.join('\u0000')}`;
    let index = shapes.get(key);
    if (index === undefined) {
      index = shapeList.length;
      shapes.set(key, index);
      shapeList.push({ table, cells: names });
    }
    shape[i] = index;
    pieceStart[i] = starts.length;
    otherStart[i] = others.length;
    cellStart[i] = isOther.length;
    put(rowId);
    for (const name of names) {
      const value = cells[name];
      if (typeof value === 'string') {
        put(value);
        isOther.push(0);
      } else {
        others.push(value);
        isOther.push(1);
      }
    }
  });
  pieceStart[count] = starts.length;
  otherStart[count] = others.length;
  cellStart[count] = isOther.length;
  starts.push(at);
  return {
    count,
    shapes: shapeList,
    shape,
    text: parts.join(''),
    offsets: Uint32Array.from(starts),
    others,
    isOther: Uint8Array.from(isOther),
    pieceStart,
    otherStart,
    cellStart,
  };
}

/** Row `i` as the worker folded it: [table, rowId, cells]. */
export function packedRow(p: PackedRows, i: number): NewRow {
  const { table, cells: names } = p.shapes[p.shape[i] ?? 0] ?? { table: '', cells: [] };
  let piece = p.pieceStart[i] ?? 0;
  let other = p.otherStart[i] ?? 0;
  let cell = p.cellStart[i] ?? 0;
  const cut = () => p.text.slice(p.offsets[piece], p.offsets[++piece]);
  const rowId = cut();
  const cells: Record<string, unknown> = {};
  for (const name of names) cells[name] = p.isOther[cell++] ? p.others[other++] : cut();
  return [table, rowId, cells];
}

/** An empty pack, for a plan that creates nothing. */
export const noRows = (): PackedRows => packRows([]);
