import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { noChanges, packChanges, packedChange } from '../../../main/core/sync/packedChanges';
import type { NewRow } from '../../../main/core/sync/foldNewRows';
import { noRows, packRows, packedRow, type PackedRows } from '../../../main/core/sync/packedRows';
import type { BundleChange } from '../../../main/core/sync/readBundle';

const change = (over: Partial<BundleChange>): BundleChange => ({
  device: 'laptop-a',
  hlc: '001796604350954-0004',
  tbl: 'notes',
  rowId: 'zP6sy0Vd4alO50098cRgHQ',
  cells: '{"text":"Terraces"}',
  parents: null,
  erasedHash: null,
  ...over,
});

describe('changes packed for the trip to the main connection', () => {
  it('read back field for field after a structured clone, nulls, empty text and non-Latin text kept apart', () => {
    const changes = [
      change({}),
      change({ device: 'laptop-b', tbl: 'outcome_paragraphs', rowId: 'p1', cells: '{"text@ar":"نص الفقرة"}', parents: '{"text@ar":[]}' }),
      change({ cells: '{"text":""}', parents: '', erasedHash: 'ab'.repeat(32) }),
      change({ device: 'laptop-a', rowId: '乡村', cells: '{"text":"乡村需要学校 🏫"}', parents: '{"text":["laptop-a/001796604350954-0004"]}' }),
    ];
    const created = new Set([changes[0], changes[3]]);
    // What the worker posts is what the main thread gets: the pack survives structured clone as is.
    const packed = deserialize(serialize(packChanges(changes, (c) => created.has(c)))) as ReturnType<typeof packChanges>;
    expect(packed.count).toBe(4);
    expect(packed.devices).toEqual(['laptop-a', 'laptop-b']);
    expect(packed.tables).toEqual(['notes', 'outcome_paragraphs']);
    const back = Array.from({ length: packed.count }, (_, i) => packedChange(packed, i));
    expect(back.map(({ cellNames: _names, ...rest }) => rest)).toEqual(
      changes.map((c) => ({ device: c.device, hlc: c.hlc, tbl: c.tbl, rowId: c.rowId, cells: c.cells, parents: c.parents, erasedHash: c.erasedHash ?? null, isNewRow: created.has(c) })),
    );
    // The cells a change sets, for the rows the bundle does not create: what their re-projection works out again.
    expect(back.map((c) => c.cellNames())).toEqual([[], ['text@ar'], ['text'], []]);
    expect(back[2]?.parents).toBe('');
    expect(back[0]?.parents).toBeNull();
  });

  it('names the cells of a change from its parsed values when it has them, from its text when not', () => {
    const many = change({ cells: '{"title@en":"Land","title@zh-Hans":"土地","deleted":0}', values: { 'title@en': 'Land', 'title@zh-Hans': '土地', deleted: 0 } });
    const unparsed = change({ tbl: 'participants', cells: '{"name":"Amina","email":null}' });
    const packed = packChanges([many, unparsed], () => false);
    expect([0, 1].map((i) => packedChange(packed, i).cellNames())).toEqual([['title@en', 'title@zh-Hans', 'deleted'], ['name', 'email']]);
  });

  it('packs nothing into an empty pack', () => {
    expect(noChanges().count).toBe(0);
    expect(noChanges().text).toBe('');
  });
});

describe('new rows packed for the trip to the main connection', () => {
  it('read back cell for cell after a structured clone, whatever the kind of each value', () => {
    const rows: NewRow[] = [
      ['notes', 'n1', { forum_id: 'f1', session_id: 's1', lang: 'ar', text: 'نص الملاحظة', tags: ['11.3', 'nua-48'], key_point: 1, speaker_id: null, deleted: 0 }],
      ['notes', 'n2', { forum_id: 'f1', session_id: 's1', lang: 'zh', text: '', tags: [], key_point: 0, speaker_id: null, deleted: 0 }],
      ['sessions', 's9', { forum_id: 'f1', 'title@en': 'Land markets', 'title@es': 'Mercados de tierras', kind: 'parallel', deleted: 0 }],
      ['notes', 'n3', { forum_id: 'f1', text: 'A note with fewer cells 🏫', deleted: 1 }],
      ['forums', 'f2', {}],
    ];
    const packed = deserialize(serialize(packRows(rows))) as PackedRows;
    expect(packed.count).toBe(5);
    // Rows of one table and the same cells share one list of names.
    expect(packed.shapes.length).toBe(4);
    expect(Array.from({ length: packed.count }, (_, i) => packedRow(packed, i))).toEqual(rows);
    // Read out of order, as a slice resumed halfway does.
    expect(packedRow(packed, 3)).toEqual(rows[3]);
    expect(packedRow(packed, 0)).toEqual(rows[0]);
  });

  it('packs nothing into an empty pack', () => {
    expect(noRows().count).toBe(0);
  });
});
