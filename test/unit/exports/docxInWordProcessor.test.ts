import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { agendaDocx } from '../../../main/core/exports/agendaExport';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { participantsDocx } from '../../../main/core/exports/participantsExport';
import { participationDocx } from '../../../main/core/exports/participationExport';
import { libreOffice, notoFonts, poppler, skipWithout } from '../../programs';
import { tempDir } from '../helpers/tempCore';
import { amendPointTwo, demoOutcome } from './outcomeExportFixture';

// Our own XML checks prove what we wrote; a real word processor proves it opens. LibreOffice
// (Debian's libreoffice-writer-nogui, which CI installs) converts each file to PDF, and the PDF's
// text must hold what the document says, tracked changes included.
const noAnnexes = { participation: false, provenance: false };

describe('Word files opened by a word processor', () => {
  beforeEach((context) => skipWithout(context, libreOffice, poppler, notoFonts));

  it('opens every export, with the amendments as tracked changes and Arabic in its own script', { timeout: 180_000 }, async () => {
    const { ctx, documentId, doc } = await demoOutcome({ arabic: true });
    await amendPointTwo(ctx, doc);
    const folder = tempDir();
    const files: Record<string, Uint8Array> = {
      'amended-en.docx': await outcomeDocx(buildOutcomeModel(ctx.db, { documentId, languages: ['en'], variant: 'amendments', annexes: noAnnexes, fallback: true }), 'a4'),
      'parallel.docx': await outcomeDocx(
        buildOutcomeModel(ctx.db, { documentId, languages: ['en', 'zh', 'ar'], variant: 'clean', annexes: { participation: true, provenance: true }, fallback: true }),
        'letter',
      ),
      'agenda-ar.docx': await agendaDocx(ctx.db, doc.forumId, 'ar', 'a4'),
      'participants-zh.docx': await participantsDocx(ctx.db, doc.forumId, 'zh'),
      'participation-es.docx': await participationDocx(ctx.db, doc.forumId, 'es'),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), bytes);
    execFileSync(libreOffice.path ?? 'soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, ...Object.keys(files)], {
      cwd: folder,
      stdio: 'ignore',
      timeout: 170_000,
    });
    const text = (name: string) => execFileSync('pdftotext', [path.join(folder, name.replace('.docx', '.pdf')), '-'], { encoding: 'utf8' });

    // Word processors show tracked changes: the deleted word and the inserted one both stand.
    const amended = text('amended-en.docx');
    expect(amended).toContain('diversified');
    expect(amended).toContain('resilient');
    expect(amended).toContain('We will also invest in rural broadband.');
    expect(amended).toContain('Sixth,');
    const parallel = text('parallel.docx');
    expect(parallel).toContain('第一，');
    // The Arabic column: the second point's ordinal and text (pdftotext splits the lam-alef of أولاً).
    expect(parallel).toContain('ثانيا');
    expect(parallel).toContain('تؤكد الفقرة');
    expect(text('agenda-ar.docx')).toMatch(/\p{Script=Arabic}/u);
    expect(text('participants-zh.docx')).toMatch(/\p{Script=Han}/u);
    expect(text('participation-es.docx')).toContain('200');
  });
});
