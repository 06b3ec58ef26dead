import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/exports';
import type { OutcomeDocument } from '../../../shared/outcome';
import { call, refusal } from '../drafting/draftingFixture';
import { snapshot } from '../helpers/tempCore';
import { exportFile, importFile, previewFile, translateLikeCatTool, xliffForum } from './xliffFixture';

const changeCount = (ctx: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } }) => ctx.db.prepare('SELECT count(*) FROM changes').pluck().get();

describe('translators\' files: out to a CAT tool and back', () => {
  it('exports Spanish as XLIFF 2.0 with states, notes, stable ids, the source hash and inline codes', async () => {
    const { ctx, forum, document, plain, marked } = await xliffForum();
    const file = await exportFile(ctx, forum.id, 'es');
    expect(file.fileName).toMatch(/-communique-en-es\.xlf$/);
    expect(file.xml).toContain(`<file id="f1" original="plenary:${forum.id}:document:${document.id}">`);
    expect(file.xml).toContain('srcLang="en" trgLang="es"');
    // The title has a Spanish translation (current); the paragraphs none yet (missing).
    expect(file.xml).toMatch(new RegExp(`<unit id="outcome_documents\\.title\\.${document.id}" plenary:sourceHash="[0-9a-f]{16}"`));
    expect(file.xml).toContain('<target>Comunicado de Mérida</target>');
    expect(file).toMatchObject({ units: 8, current: 2, missing: 6, outdated: 0 });
    expect(file.xml).toContain(`<unit id="outcome_paragraphs.text.${marked.id}"`);
    expect(file.xml).toContain('<note category="context">Paragraph 2</note>');
    // Bold and italic as paired codes, the cross-reference as a placeholder; the marks in originalData.
    expect(file.xml).toContain('We <pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1s" dataRefEnd="d1e">welcome</pc> the findings of paragraph <ph id="2" type="other" dataRef="d2"/>');
    expect(file.xml).toContain(`<data id="d2">[[para:${plain.id}]]</data>`);
    // The same cell has the same id in the next export.
    expect((await exportFile(ctx, forum.id, 'es')).xml).toBe(file.xml);
  });

  it('round trip: Spanish (2.0) and French (1.2) translated by a tool, imported, printed; a second import changes nothing', async () => {
    const { ctx, forum, document, plain, marked, left } = await xliffForum();
    const skip = (id: string) => id.endsWith(left.id);
    const es = translateLikeCatTool((await exportFile(ctx, forum.id, 'es')).xml, 'es', skip);
    const fr = translateLikeCatTool((await exportFile(ctx, forum.id, 'fr', { version: '1.2' })).xml, 'fr', skip);
    expect(fr).toContain('<g id="1" ctype="bold">welcome</g>');

    const preview = await previewFile(ctx, forum.id, es);
    // title, subtitle, place, preamble, lead-in, two paragraphs; the third left untranslated.
    expect(preview).toMatchObject({ lang: 'es', version: '2.0', units: 8, translated: 7, untranslated: 1, changed: 0, unknown: 0 });
    const imported = await importFile(ctx, forum.id, es);
    expect(imported).toMatchObject({ written: 7, translated: 7 });
    await importFile(ctx, forum.id, fr);

    const after = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id });
    const byId = new Map(after.paragraphs.map((p) => [p.id, p]));
    expect(byId.get(marked.id)?.text.es).toBe(`[es] We **welcome** the findings of paragraph [[para:${plain.id}]], with *thanks*.`);
    expect(byId.get(marked.id)?.text.fr).toBe(`[fr] We **welcome** the findings of paragraph [[para:${plain.id}]], with *thanks*.`);
    expect(byId.get(marked.id)?.translations).toEqual({ es: 'current', fr: 'current' });
    expect(byId.get(left.id)?.translations).toEqual({ es: 'missing', fr: 'missing' });

    const md = await call<ExportedFile>(ctx, 'export:outcome', {
      documentId: document.id,
      format: 'md',
      languages: ['es'],
      variant: 'clean',
      annexes: { participation: false, provenance: false },
      fallback: true,
      paper: 'a4',
    });
    const printed = Buffer.from(md.data, 'base64').toString('utf8');
    expect(printed).toContain('[es] We **welcome** the findings of paragraph 1');
    expect(printed).toContain('[es] Rural heritage sustains villages.');

    const before = snapshot(ctx);
    const changes = changeCount(ctx);
    const again = await importFile(ctx, forum.id, es);
    expect(again).toMatchObject({ written: 0, translated: 0, unchanged: 7, untranslated: 1 });
    expect(changeCount(ctx)).toBe(changes);
    expect(snapshot(ctx)).toBe(before);
  });

  it('keeps aside a translation whose source changed since the export, and says so', async () => {
    const { ctx, forum, document, plain } = await xliffForum();
    const es = translateLikeCatTool((await exportFile(ctx, forum.id, 'es')).xml, 'es', () => false);
    await call(ctx, 'paragraphs:update', { id: plain.id, text: { en: 'Rural heritage sustains villages and towns.' } });
    const result = await importFile(ctx, forum.id, es);
    expect(result).toMatchObject({ changed: 1, changedIds: [`outcome_paragraphs.text.${plain.id}`], written: 7 });
    const paragraph = (await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id })).paragraphs.find((p) => p.id === plain.id);
    expect(paragraph?.text.es).toBeUndefined();
    expect(paragraph?.translations.es).toBe('missing');
  });

  it('exports the agenda and the key messages with their own units and notes', async () => {
    const { ctx, forum, session, message } = await xliffForum();
    const agenda = await exportFile(ctx, forum.id, 'es', { scope: { kind: 'agenda' } });
    expect(agenda.xml).toContain(`<unit id="forums.title.${forum.id}"`);
    expect(agenda.xml).toContain('<target>Taller sobre patrimonio rural</target>');
    expect(agenda.xml).toContain(`<unit id="sessions.title.${session}"`);
    expect(agenda.xml).toContain('<note category="context">Session 2026-03-02 09:00–23:00 (plenary)</note>');
    const messages = await exportFile(ctx, forum.id, 'fr', { scope: { kind: 'keyMessages' }, version: '1.2' });
    expect(messages.xml).toContain('target-language="fr"');
    expect(messages.xml).toContain(`<trans-unit id="key_messages.text.${message.id}"`);
    expect(messages.xml).toContain('<source>Villages need <g id="1" ctype="bold">young</g> people.</source>');
    expect(messages.xml).toContain('<note from="plenary">Speakers: Ana Pérez</note>');
  });

  it('refuses a file with nothing to translate, and the source language as a target', async () => {
    const { ctx, forum } = await xliffForum();
    await call(ctx, 'keyMessages:setDeleted', { id: (await call<Array<{ id: string }>>(ctx, 'keyMessages:list', { forumId: forum.id }))[0]!.id, deleted: true });
    expect((await refusal(ctx, 'xliff:export', { forumId: forum.id, lang: 'es', scope: { kind: 'keyMessages' } })).code).toBe('not_found');
    expect((await refusal(ctx, 'xliff:export', { forumId: forum.id, lang: 'en' })).code).toBe('invalid_input');
  });
});
