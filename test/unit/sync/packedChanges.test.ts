import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { noChanges, packChanges, packedChange } from '../../../main/core/sync/packedChanges';
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
    expect(back).toEqual(
      changes.map((c) => ({ device: c.device, hlc: c.hlc, tbl: c.tbl, rowId: c.rowId, cells: c.cells, parents: c.parents, erasedHash: c.erasedHash ?? null, isNewRow: created.has(c) })),
    );
    expect(back[2]?.parents).toBe('');
    expect(back[0]?.parents).toBeNull();
  });

  it('packs nothing into an empty pack', () => {
    expect(noChanges().count).toBe(0);
    expect(noChanges().text).toBe('');
  });
});
