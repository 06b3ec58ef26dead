import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { readIssuance } from '../../../main/core/issuances/issuances';
import { writeRow } from '../../../main/core/store/changeLog';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { craftBundle, hlcAt } from '../helpers/craftBundle';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore } from '../helpers/tempCore';

const symbol = 'UN-Habitat/EGM/2026/L.1';
const carry = (from: CoreContext, to: CoreContext, forumId: string) => importBytes(to, exportBundle(from, { forumId }).bytes);
const points = (ctx: CoreContext, forumId: string) =>
  ctx.db.prepare("SELECT id FROM outcome_paragraphs WHERE coalesce(document_id, forum_id) = ? AND kind = 'numbered' AND deleted = 0 ORDER BY position").pluck().all(forumId) as string[];
const issuedText = (ctx: CoreContext, id: string, paragraphId: string) =>
  readIssuance(ctx.db, id).snapshot.columns.find((c) => c.lang === 'en')?.items.find((item) => item.paragraphId === paragraphId)?.text.text;

async function demo() {
  const ctx = await tempCore();
  const forumId = createDemoForum(ctx).id;
  return { ctx, forumId, documentId: forumId };
}

describe('issuing an outcome document under a symbol', () => {
  it('freezes every working language, signed; an edit after issuance changes the draft, never the snapshot', async () => {
    const { ctx, forumId, documentId } = await demo();
    const [first = ''] = points(ctx, forumId);
    const issued = await invoke(ctx, 'outcome:issue', { documentId, symbol: `  ${symbol} ` });
    expect(issued).toMatchObject({ symbol, kind: 'original', revises: null, withdrawn: false, damaged: false, conflict: false, laptop: { deviceId: ctx.deviceId } });
    expect(issued.languages).toEqual(['en', 'zh', 'es']);
    const before = issuedText(ctx, issued.id, first);
    expect(before).toBeTruthy();

    await invoke(ctx, 'paragraphs:update', { id: first, text: { en: 'An entirely new first point.' } });
    expect(issuedText(ctx, issued.id, first)).toBe(before);
    const list = await invoke(ctx, 'outcome:issuances', { documentId });
    expect(list.issuances.map((i) => [i.symbol, i.damaged])).toEqual([[symbol, false]]);
    expect(list.next).toEqual({ kind: 'revision', symbol: `${symbol}/Rev.1`, revises: issued.id });
    expect(list.nextCorrigendum).toBe(`${symbol}/Corr.1`);

    const rev = await invoke(ctx, 'outcome:issue', { documentId, symbol: list.next.symbol });
    expect(rev).toMatchObject({ kind: 'revision', revises: issued.id, revisesSymbol: symbol });
    expect(issuedText(ctx, rev.id, first)).toContain('An entirely new first point.');
    expect((await invoke(ctx, 'outcome:issuances', { documentId })).nextRevision).toBe(`${symbol}/Rev.2`);
  });

  it('refuses any local change to a sealed cell, and a symbol already used, changing nothing', async () => {
    const { ctx, documentId } = await demo();
    const issued = await invoke(ctx, 'outcome:issue', { documentId, symbol });
    const before = snapshot(ctx);
    expect(() => writeRow(ctx, 'issuances', issued.id, { snapshot: '{}' })).toThrow(expect.objectContaining({ code: 'issuance_immutable' }));
    expect(() => writeRow(ctx, 'issuances', issued.id, { symbol: 'L.2' })).toThrow(expect.objectContaining({ code: 'issuance_immutable' }));
    expect(() => writeRow(ctx, 'issuances', issued.id, { deleted: 1 })).toThrow(expect.objectContaining({ code: 'issuance_immutable' }));
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol })).rejects.toMatchObject({ code: 'symbol_taken' });
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol: 'L.1\nL.2' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol: 'x'.repeat(121) })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol: 'L.9', revises: 'no-such-issuance' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(invoke(ctx, 'outcome:issue', { documentId: 'no-such-document', symbol: 'L.9' })).rejects.toMatchObject({ code: 'not_found' });
    expect(snapshot(ctx)).toBe(before);
  });

  it('a revision of nothing is refused', async () => {
    const { ctx, documentId } = await demo();
    const before = snapshot(ctx);
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol: 'L.1/Rev.1', kind: 'revision' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(snapshot(ctx)).toBe(before);
  });

  it('shows an issuance whose hash or signature fails as damaged, and never uses it', async () => {
    const { ctx, documentId } = await demo();
    const issued = await invoke(ctx, 'outcome:issue', { documentId, symbol });
    ctx.db.prepare('UPDATE issuances SET snapshot = replace(snapshot, ?, ?) WHERE id = ?').run('Songyang', 'Elsewhere', issued.id);
    const list = await invoke(ctx, 'outcome:issuances', { documentId });
    expect(list.issuances[0]).toMatchObject({ id: issued.id, damaged: true, conflict: false });
    expect(list.next.kind).toBe('original');
    expect(() => readIssuance(ctx.db, issued.id)).toThrow(expect.objectContaining({ code: 'issuance_damaged' }));
    await expect(
      invoke(ctx, 'export:outcome', { documentId, format: 'html', languages: ['en'], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true, paper: 'a4', compareTo: issued.id }),
    ).rejects.toMatchObject({ code: 'issuance_damaged' });
    // Its symbol is free again: a damaged issuance is never used.
    await expect(invoke(ctx, 'outcome:issue', { documentId, symbol })).resolves.toMatchObject({ symbol, damaged: false });
  });
});

describe('issuances travel between laptops', () => {
  it('a bundle changing a sealed cell is kept aside; the snapshot stays as issued', async () => {
    const { ctx: a, forumId, documentId } = await demo();
    const b = await tempCore();
    const issued = await invoke(a, 'outcome:issue', { documentId, symbol });
    await carry(a, b, forumId);
    expect((await invoke(b, 'outcome:issuances', { documentId })).issuances).toEqual([expect.objectContaining({ id: issued.id, damaged: false })]);
    const forged = craftBundle(b, forumId, [
      [b.deviceId, hlcAt(0), 'issuances', issued.id, { snapshot: '{"format":1}' }],
      [b.deviceId, hlcAt(1), 'issuances', issued.id, { symbol: 'L.2' }],
    ]);
    const rowBefore = a.db.prepare('SELECT * FROM issuances').all();
    const preview = await importBytes(a, forged);
    expect(preview.quarantined.changes).toBe(2);
    expect(a.db.prepare('SELECT * FROM issuances').all()).toEqual(rowBefore);
    expect(await invoke(a, 'held:list', { forumId })).toEqual([expect.objectContaining({ reason: 'role', changes: 2 })]);
    // Applying it as this laptop's own is refused the same way.
    await expect(invoke(a, 'held:apply', { forumId, deviceId: b.deviceId, reason: 'role' })).rejects.toMatchObject({ code: 'issuance_immutable' });
    expect(a.db.prepare('SELECT * FROM issuances').all()).toEqual(rowBefore);
  });

  it('two laptops issuing the same symbol: both kept, shown as a conflict, resolved alike on both', async () => {
    const { ctx: a, forumId, documentId } = await demo();
    const b = await tempCore();
    await carry(a, b, forumId);
    const fromA = await invoke(a, 'outcome:issue', { documentId, symbol });
    const [first = ''] = points(b, forumId);
    await invoke(b, 'paragraphs:update', { id: first, text: { en: 'B changed the first point before issuing.' } });
    const fromB = await invoke(b, 'outcome:issue', { documentId, symbol });
    await carry(a, b, forumId);
    await carry(b, a, forumId);
    for (const ctx of [a, b]) {
      const list = await invoke(ctx, 'outcome:issuances', { documentId });
      expect(list.conflicts).toEqual([{ symbol, issuanceIds: expect.arrayContaining([fromA.id, fromB.id]) }]);
      expect(list.issuances.every((i) => i.conflict)).toBe(true);
    }
    // Exporting against a symbol in conflict asks which one.
    await expect(
      invoke(a, 'export:outcome', { documentId, format: 'md', languages: ['en'], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true, paper: 'a4', compareTo: symbol }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const resolved = await invoke(b, 'outcome:chooseIssuance', { issuanceId: fromA.id });
    expect(resolved.conflicts).toEqual([]);
    await carry(b, a, forumId);
    for (const ctx of [a, b]) {
      const list = await invoke(ctx, 'outcome:issuances', { documentId });
      expect(list.conflicts).toEqual([]);
      expect(list.issuances.map((i) => [i.id, i.withdrawn]).sort()).toEqual([[fromA.id, false], [fromB.id, true]].sort());
    }
    expect(a.db.prepare('SELECT id, withdrawn, hash FROM issuances ORDER BY id').all()).toEqual(b.db.prepare('SELECT id, withdrawn, hash FROM issuances ORDER BY id').all());
  });
});
