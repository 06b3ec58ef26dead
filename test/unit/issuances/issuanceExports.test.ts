import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import type { CommandInput } from '../../../shared/ipc';
import { snapshot, tempCore } from '../helpers/tempCore';

const symbol = 'UN-Habitat/EGM/2026/L.1';
const points = (ctx: CoreContext, forumId: string) =>
  ctx.db.prepare("SELECT id FROM outcome_paragraphs WHERE coalesce(document_id, forum_id) = ? AND kind = 'numbered' AND deleted = 0 ORDER BY position").pluck().all(forumId) as string[];
const decode = (data: string) => Buffer.from(data, 'base64');
const outcome = (documentId: string, format: 'docx' | 'html' | 'md', extra: { compareTo?: string } = {}): CommandInput<'export:outcome'> => ({
  documentId,
  format,
  languages: ['en'],
  variant: 'clean',
  annexes: { participation: false, provenance: false },
  fallback: true,
  paper: 'a4',
  ...extra,
});

/** The demo issued as L.1, then its first point changed, its second deleted and a new one added. */
async function issuedThenEdited() {
  const ctx = await tempCore();
  const documentId = createDemoForum(ctx).id;
  const [first = '', second = '', third = ''] = points(ctx, documentId);
  const l1 = await invoke(ctx, 'outcome:issue', { documentId, symbol });
  await invoke(ctx, 'paragraphs:update', { id: first, text: { en: 'the countryside holds values that towns cannot replace.' } });
  await invoke(ctx, 'paragraphs:setDeleted', { id: second, deleted: true });
  await invoke(ctx, 'paragraphs:create', { documentId, after: third, kind: 'numbered', text: { en: 'we welcome the new partnership on rural data.' } });
  return { ctx, documentId, l1 };
}

describe('exports with tracked changes against an earlier issuance', () => {
  it('Word: the changed paragraph carries w:del and w:ins; added and removed paragraphs are wholly tracked', async () => {
    const { ctx, documentId, l1 } = await issuedThenEdited();
    const before = snapshot(ctx);
    const file = await invoke(ctx, 'export:outcome', outcome(documentId, 'docx', { compareTo: symbol }));
    expect(file.fileName).toMatch(/-en-changes\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(decode(file.data)))['word/document.xml'] ?? new Uint8Array());
    const changed = xml.split('</w:p>').find((paragraph) => paragraph.includes('countryside holds values that')) ?? '';
    expect(changed).toMatch(/<w:del\b[^>]*w:author="Plenary"[\s\S]*<w:delText[^>]*>cities<\/w:delText>/);
    expect(changed).toMatch(/<w:ins\b[\s\S]*<w:t[^>]*>towns<\/w:t>/);
    expect(xml).toMatch(/<w:ins\b[\s\S]{0,400}new partnership on rural data/);
    expect(xml).toMatch(/<w:delText[^>]*>[^<]*diversified rural economy/);
    // By id too; and the clean export without compareTo has no revision marks.
    const byId = await invoke(ctx, 'export:outcome', outcome(documentId, 'docx', { compareTo: l1.id }));
    expect(strFromU8(unzipSync(new Uint8Array(decode(byId.data)))['word/document.xml'] ?? new Uint8Array())).toContain('<w:del ');
    const clean = await invoke(ctx, 'export:outcome', outcome(documentId, 'docx'));
    expect(strFromU8(unzipSync(new Uint8Array(decode(clean.data)))['word/document.xml'] ?? new Uint8Array())).not.toMatch(/<w:(ins|del) /);
    expect(snapshot(ctx)).toBe(before);
  });

  it('HTML shows <ins>/<del>, Markdown CriticMarkup; an unknown issuance is not_found', async () => {
    const { ctx, documentId } = await issuedThenEdited();
    const html = decode((await invoke(ctx, 'export:outcome', outcome(documentId, 'html', { compareTo: symbol }))).data).toString('utf8');
    expect(html).toMatch(/<del>cities<\/del>\s*<ins>towns<\/ins>|<del>cities <\/del><ins>towns <\/ins>/);
    expect(html).toContain('<ins>we welcome the new partnership on rural data.</ins>');
    expect(html).toMatch(/class="[^"]*tracked-deleted[^"]*"[^>]*><del>Second, <\/del><del>we will support/);
    const md = decode((await invoke(ctx, 'export:outcome', outcome(documentId, 'md', { compareTo: symbol }))).data).toString('utf8');
    expect(md).toMatch(/\{--cities--\} ?\{\+\+towns\+\+\}/);
    expect(md).toContain('{++we welcome the new partnership on rural data.++}');
    await expect(invoke(ctx, 'export:outcome', outcome(documentId, 'md', { compareTo: 'L.404' }))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an issuance exports as issued, never as the draft now', async () => {
    const { ctx, l1 } = await issuedThenEdited();
    const file = await invoke(ctx, 'export:issuance', { issuanceId: l1.id, format: 'md', languages: ['en', 'zh'], paper: 'a4' });
    expect(file.fileName).toContain('UN-Habitat-EGM-2026-L-1');
    const md = decode(file.data).toString('utf8');
    expect(md).toContain('cities cannot replace');
    expect(md).toContain('diversified rural economy');
    expect(md).not.toContain('new partnership on rural data');
    expect(md).toContain('松阳');
    const docx = await invoke(ctx, 'export:issuance', { issuanceId: l1.id, format: 'docx', languages: ['en'], paper: 'a4' });
    expect(strFromU8(unzipSync(new Uint8Array(decode(docx.data)))['word/document.xml'] ?? new Uint8Array())).toContain('cities cannot replace');
    await expect(invoke(ctx, 'export:issuance', { issuanceId: l1.id, format: 'md', languages: ['fr'], paper: 'a4' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'export:issuance', { issuanceId: 'no-such-issuance', format: 'md', languages: ['en'], paper: 'a4' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
