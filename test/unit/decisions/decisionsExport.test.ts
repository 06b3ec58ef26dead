import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/exports';
import { invoke } from '../../../main/core/commands/invoke';
import { demoOutcome } from '../exports/outcomeExportFixture';

// The decisions printed with the outcome document, through the export worker as the app runs it.

async function decidedDemo() {
  const demo = await demoOutcome({ arabic: true });
  const { ctx, documentId } = demo;
  const third = demo.doc.paragraphs[2]?.id ?? '';
  await invoke(ctx, 'decisions:consensus', { documentId, paragraphId: third });
  await invoke(ctx, 'decisions:voteFile', { documentId, csv: 'delegation,vote\nKenya,yes\nChina,yes\nMexico,no\nFrance,abstain\n' });
  await invoke(ctx, 'decisions:addStatement', { documentId, delegation: 'Mexico', kind: 'explanation_of_vote', text: 'México votó en contra [por el párrafo 2] *ahora*.', textLang: 'es' });
  await invoke(ctx, 'decisions:addStatement', { documentId, paragraphId: third, delegation: 'Kenya', kind: 'reservation', text: 'Kenya reserves its position on this paragraph.', textLang: 'en' });
  return { ...demo, third };
}

const exported = (ctx: Awaited<ReturnType<typeof decidedDemo>>['ctx'], documentId: string, extra: Record<string, unknown>) =>
  invoke(ctx, 'export:outcome', {
    documentId,
    format: 'docx',
    languages: ['en'],
    variant: 'clean',
    annexes: { participation: false, provenance: false, decisions: true },
    fallback: true,
    paper: 'a4',
    ...extra,
  } as Parameters<typeof invoke<'export:outcome'>>[2]);

const text = (file: ExportedFile) => Buffer.from(file.data, 'base64').toString('utf8');
const part = (file: ExportedFile, name: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(file.data, 'base64')))[name] ?? new Uint8Array());

describe('the decisions with the outcome document', () => {
  it('Word: explanations as real footnotes in their own language, and the decisions annex with the tally and the vote', async () => {
    const { ctx, documentId } = await decidedDemo();
    const file = await exported(ctx, documentId, {});
    const footnotes = part(file, 'word/footnotes.xml');
    expect(footnotes).toContain('Explicación de voto (México): ');
    expect(footnotes).toContain('México votó en contra [por el párrafo 2] *ahora*.');
    expect(footnotes).toMatch(/<w:lang w:val="es"/);
    expect(footnotes).toContain('Reservation (Kenya): Kenya reserves its position on this paragraph.');
    const body = part(file, 'word/document.xml');
    expect((body.match(/<w:footnoteReference /g) ?? []).length).toBe(2);
    expect(body).toContain('Decisions');
    expect(body).toContain('Recorded vote: 2 in favour, 1 against, 1 abstaining, 0 absent. Decided by a simple majority');
    expect(body).toContain('Adopted by consensus');
    expect(body).toContain('Recorded vote on The whole document');
    for (const cell of ['Kenya', 'China', 'Mexico', 'France', 'Abstain']) expect(body).toContain(`>${cell}<`);
  });

  it('HTML in Arabic: the annex right to left, the notes in their own language and direction; Markdown has them as notes', async () => {
    const { ctx, documentId } = await decidedDemo();
    const html = text(await exported(ctx, documentId, { format: 'html', languages: ['ar'] }));
    expect(html).toMatch(/<section class="annex annex-decisions" lang="ar" dir="rtl">/);
    expect(html).toContain('اعتُمد بتوافق الآراء');
    expect(html).toMatch(/<li id="note-ar-\d" value="\d" lang="es" dir="ltr">.*Explicación de voto \(México\): México votó en contra \[por el párrafo 2\] \*ahora\*\./);
    const md = text(await exported(ctx, documentId, { format: 'md', languages: ['en'] }));
    expect(md).toMatch(/\[\^\d\]: Reservation \(Kenya\): Kenya reserves its position on this paragraph\./);
  });

  it('as an annex instead: no footnotes, the statements in the annex each with its own language', async () => {
    const { ctx, documentId } = await decidedDemo();
    const html = text(await exported(ctx, documentId, { format: 'html', explanations: 'annex' }));
    expect(html).not.toContain('class="note-ref"');
    expect(html).toContain('Explanations and reservations');
    expect(html).toMatch(/<td lang="es" dir="ltr">México votó en contra \[por el párrafo 2\] \*ahora\*\.<\/td>/);
    const docx = await exported(ctx, documentId, { explanations: 'annex' });
    expect(part(docx, 'word/document.xml')).not.toContain('<w:footnoteReference ');
  });
});
