import { cellsOf } from './planView';
import type { BundleChange } from './readBundle';

/**
 * A plan's changes as they cross from the import worker to the main connection. Structured clone
 * copies an array per change and every string in it, then the main thread rebuilds them all:
 * 100,000 changes cost it 170 ms of decoding and garbage (scratch test of a merge's plans, v8
 * serialize/deserialize). Packed, the text fields of all the changes are one string cut by
 * offsets, the few distinct devices and tables are listed once and named by index, and the rest
 * are typed arrays: 35 ms to decode, and a slice of the text is a view rather than a copy.
 */
export interface PackedChanges {
  count: number;
  /** The distinct devices and tables, named per change by `device` and `table`. */
  devices: string[];
  tables: string[];
  device: Uint32Array;
  table: Uint32Array;
  /** hlc, rowId, cells, parents, erasedHash and cell names of each change, one after another. */
  text: string;
  /** Where each field begins in `text`, `fields` per change, and one more for the end. */
  offsets: Uint32Array;
  /** Per change: bit 0 set when parents is null, bit 1 when erasedHash is; bit 2 when its row is one the bundle creates. */
  flags: Uint8Array;
}

const fields = 6;
const hlcField = 0;
const rowIdField = 1;
const cellsField = 2;
const parentsField = 3;
const erasedField = 4;
const namesField = 5;
/** Cell names are column names, or a column and a language tag: neither holds a line break. */
const namesSeparator = '\n';
const noParents = 1;
const noErasedHash = 2;
const createsRow = 4;

/** One change read back from the pack, in the log's terms. */
export type PackedChange = Pick<BundleChange, 'device' | 'hlc' | 'tbl' | 'rowId' | 'cells' | 'parents'> & {
  erasedHash: string | null;
  /** Its row is one the bundle creates (projected from the worker's fold, not from history). */
  isNewRow: boolean;
  /**
   * The cells it sets, for a row the bundle does not create (an empty list for one it does): its
   * re-projection need only work those out again. Named by the worker, which parsed them.
   */
  cellNames(): string[];
};

/** Packs changes in the order given; `isNewRow` tells the ones whose row the bundle creates. */
export function packChanges(changes: readonly BundleChange[], isNewRow: (change: BundleChange) => boolean): PackedChanges {
  const count = changes.length;
  const devices = new Map<string, number>();
  const tables = new Map<string, number>();
  const packed = {
    count,
    device: new Uint32Array(count),
    table: new Uint32Array(count),
    offsets: new Uint32Array(count * fields + 1),
    flags: new Uint8Array(count),
  };
  const parts: string[] = [];
  let at = 0;
  let cut = 0;
  const put = (text: string) => {
    packed.offsets[cut++] = at;
    parts.push(text);
    at += text.length;
  };
  changes.forEach((change, i) => {
    packed.device[i] = indexOf(devices, change.device);
    packed.table[i] = indexOf(tables, change.tbl);
    put(change.hlc);
    put(change.rowId);
    put(change.cells);
    put(change.parents ?? '');
    put(change.erasedHash ?? '');
    const creates = isNewRow(change);
    put(creates ? '' : Object.keys(cellsOf(change)).join(namesSeparator));
    packed.flags[i] = (change.parents === null ? noParents : 0) | (change.erasedHash == null ? noErasedHash : 0) | (creates ? createsRow : 0);
  });
  packed.offsets[cut] = at;
  return { ...packed, devices: [...devices.keys()], tables: [...tables.keys()], text: parts.join('') };
}

function indexOf(known: Map<string, number>, value: string): number {
  let index = known.get(value);
  if (index === undefined) {
    index = known.size;
    known.set(value, index);
  }
  return index;
}

const field = (p: PackedChanges, i: number, f: number): string => p.text.slice(p.offsets[i * fields + f], p.offsets[i * fields + f + 1]);

/** The change at `i`, read back from the pack. */
export function packedChange(p: PackedChanges, i: number): PackedChange {
  const flags = p.flags[i] ?? 0;
  return {
    device: p.devices[p.device[i] ?? 0] ?? '',
    hlc: field(p, i, hlcField),
    tbl: p.tables[p.table[i] ?? 0] ?? '',
    rowId: field(p, i, rowIdField),
    cells: field(p, i, cellsField),
    parents: flags & noParents ? null : field(p, i, parentsField),
    erasedHash: flags & noErasedHash ? null : field(p, i, erasedField),
    isNewRow: (flags & createsRow) !== 0,
    cellNames: () => {
      const names = field(p, i, namesField);
      return names === '' ? [] : names.split(namesSeparator);
    },
  };
}

/** An empty pack, for a plan that applies nothing. */
export const noChanges = (): PackedChanges => packChanges([], () => false);
