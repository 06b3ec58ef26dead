import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/exports';
import type { OutcomeDocument } from '../../../shared/outcome';
import { invoke } from '../../../main/core/commands/invoke';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { documentCommands } from '../../../main/core/cli/documentCommands';
import { craftBundle, hlcAt, type CraftedLine } from '../helpers/craftBundle';
import { importBytes } from '../helpers/exchange';
import { tempCore } from '../helpers/tempCore';

const minutesId = '4a3c2d1e-0000-4000-8000-00000000abcd';
const headingId = '4a3c2d1e-0000-4000-8000-00000000abce';

/**
 * Laptop B holds the demo forum from A; then A, as if it ran a newer Plenary, sends a document of
 * a kind B has never heard of ("minutes"), with a section heading B does not know either.
 */
async function newerKindArrives() {
  const a = await tempCore();
  const b = await tempCore();
  const forum = createDemoForum(a);
  await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
  const lines: CraftedLine[] = [
    [a.deviceId, hlcAt(0, 0), 'outcome_documents', minutesId, { forum_id: forum.id, kind: 'minutes', 'title@en': 'Minutes of the closing plenary', 'title@zh': '闭幕全体会议纪要', numbering: 'numbers', co_organisers: [], deleted: 0 }],
    [
      a.deviceId,
      hlcAt(0, 1),
      'outcome_paragraphs',
      headingId,
      { forum_id: forum.id, document_id: minutesId, kind: 'heading', position: 'a0', 'text@en': 'Attendance', 'text@zh': '出席情况', status: 'draft', section: 'attendance', deleted: 0 },
      { 'text@en': [], 'text@zh': [] },
    ],
  ];
  await importBytes(b, craftBundle(a, forum.id, lines));
  return { a, b, forum };
}

const exportOf = (ctx: Parameters<typeof invoke>[0], format: 'docx' | 'md' | 'html', languages: string[]) =>
  invoke(ctx, 'export:outcome', { documentId: minutesId, format, languages, variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true, paper: 'a4' });

const textOf = (file: ExportedFile, format: string) => {
  const bytes = Buffer.from(file.data, 'base64');
  return format === 'docx' ? strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array()) : bytes.toString('utf8');
};

describe('a document kind from a newer Plenary', () => {
  it('is kept as it came, listed with its own kind, opened, and exported in every format', async () => {
    const { b, forum } = await newerKindArrives();
    const list = await invoke(b, 'outcome:list', { forumId: forum.id });
    expect(list.map((d) => d.kind)).toEqual(['consensus', 'concept_note', 'letter_of_intent', 'session_report', 'communique', 'declaration', 'key_messages', 'minutes']);
    const doc = await invoke(b, 'outcome:get', { documentId: minutesId });
    expect(doc.kind).toBe('minutes');
    expect(doc.paragraphs.map((p) => p.section)).toEqual(['attendance']);
    for (const format of ['docx', 'md', 'html'] as const) {
      const text = textOf(await exportOf(b, format, ['zh', 'en']), format);
      expect(text, format).toContain('闭幕全体会议纪要');
      // A section this Plenary has no words for prints the text the newer one wrote.
      expect(text, format).toContain('出席情况');
      expect(text, format).toContain('Attendance');
    }
  });

  it('is named "made by a newer Plenary" by documents list, never hidden', async () => {
    const { b, forum } = await newerKindArrives();
    const [list] = documentCommands;
    const lines: string[] = [];
    expect(await list?.run(b, { forum: forum.id }, (line) => lines.push(line), [])).toBe(0);
    expect(lines).toContain(`${minutesId}  minutes (made by a newer Plenary)  1 paragraphs`);
    expect(lines).toContain('  zh: 闭幕全体会议纪要');
  });

  it('keeps its kind when this laptop saves the document’s frame', async () => {
    const { b } = await newerKindArrives();
    const doc: OutcomeDocument = await invoke(b, 'outcome:get', { documentId: minutesId });
    const { title, subtitle, place, startDate, endDate, coOrganisers, preamble, leadIn, closing, numbering } = doc;
    // The form cannot show "minutes", so it sends a kind it knows; the stored kind stays.
    const saved = await invoke(b, 'outcome:update', {
      documentId: minutesId,
      document: { kind: 'consensus', title: { ...title, en: 'Minutes, corrected' }, subtitle, place, startDate: startDate || '2026-11-23', endDate: endDate || '2026-11-25', coOrganisers, preamble, leadIn, closing, numbering },
    });
    expect(saved).toMatchObject({ kind: 'minutes', title: { en: 'Minutes, corrected' } });
  });
});
