import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import { maxXliffFileBytes } from '../../../shared/xliff';
import { readXliff } from '../../../main/core/xliff/readXliff';
import { call, createDocument, refusal } from '../drafting/draftingFixture';
import { snapshot, validForum } from '../helpers/tempCore';
import { exportFile, translateLikeCatTool, xliffForum } from './xliffFixture';

async function translated() {
  const fixture = await xliffForum();
  const xml = translateLikeCatTool((await exportFile(fixture.ctx, fixture.forum.id, 'es')).xml, 'es', () => false);
  return { ...fixture, xml };
}

/** Preview and import both refuse the file with `code`, and nothing stored changes. */
async function refused(fixture: Awaited<ReturnType<typeof translated>>, xml: string, code: string) {
  const before = snapshot(fixture.ctx);
  for (const command of ['xliff:preview', 'xliff:import'] as const) {
    const error = await refusal(fixture.ctx, command, { forumId: fixture.forum.id, fileName: 'bad.xlf', xml });
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  }
  expect(snapshot(fixture.ctx)).toBe(before);
}

describe('translators\' files refused as a whole, nothing changed', () => {
  it('malformed XML: a file cut short, a tag that does not close, not XLIFF at all', async () => {
    const fixture = await translated();
    await refused(fixture, fixture.xml.slice(0, fixture.xml.length / 2), 'xliff_malformed');
    await refused(fixture, fixture.xml.replace('</source>', ''), 'xliff_malformed');
    await refused(fixture, '<html><body>translated</body></html>', 'xliff_malformed');
    await refused(fixture, '', 'xliff_malformed');
  });

  it('an XML bomb: the DOCTYPE is refused before any entity could expand', async () => {
    const fixture = await translated();
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
    const bomb = fixture.xml.replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff [\n${entities}\n]>`).replace('[es] We', '&lol9; We');
    await refused(fixture, bomb, 'xliff_doctype');
    // An entity nobody declared is an error, not an empty string.
    await refused(fixture, fixture.xml.replace('[es] We', '&lol9; We'), 'xliff_malformed');
  });

  it('a file from another forum', async () => {
    const fixture = await translated();
    const other = await call<Forum>(fixture.ctx, 'forums:create', { ...validForum, languages: ['en', 'es', 'fr'] });
    await createDocument(fixture.ctx, other.id);
    const theirs = (await exportFile(fixture.ctx, other.id, 'es')).xml;
    await refused(fixture, theirs, 'xliff_wrong_forum');
    await refused(fixture, fixture.xml.replace(/original="[^"]+"/, 'original="messages.properties"'), 'xliff_wrong_forum');
  });

  it('a file for another language, or translating from another source language', async () => {
    const fixture = await translated();
    await refused(fixture, fixture.xml.replace('trgLang="es"', 'trgLang="zh"'), 'xliff_wrong_language');
    await refused(fixture, fixture.xml.replace('trgLang="es"', 'trgLang="en"'), 'xliff_wrong_language');
    await refused(fixture, fixture.xml.replace('srcLang="en"', 'srcLang="fr"'), 'xliff_wrong_language');
  });

  it('a unit Plenary never exported, and a unit twice', async () => {
    const fixture = await translated();
    await refused(fixture, fixture.xml.replace(`<unit id="outcome_paragraphs.text.${fixture.left.id}"`, '<unit id="participants.email.abcdefgh1234"'), 'xliff_unknown_unit');
    const unit = new RegExp(`<unit id="outcome_paragraphs\\.text\\.${fixture.plain.id}"[\\s\\S]*?</unit>`).exec(fixture.xml)?.[0] ?? '';
    expect(unit).not.toBe('');
    await refused(fixture, fixture.xml.replace(unit, `${unit}\n${unit}`), 'xliff_duplicate_unit');
  });

  it('a translation with an inline code its source does not have', async () => {
    const fixture = await translated();
    await refused(fixture, fixture.xml.replace('<target>[es] Rural', '<target><ph id="9" dataRef="d9"/>[es] Rural'), 'xliff_malformed');
  });

  it('a translation the screens would not keep: a javascript: link, bold left open, too long', async () => {
    const fixture = await translated();
    await refused(fixture, fixture.xml.replace('<target>[es] Rural', '<target>[es] [aquí](javascript:alert(1)) Rural'), 'invalid_input');
    const marked = new RegExp(`(<unit id="outcome_paragraphs\\.text\\.${fixture.marked.id}"[\\s\\S]*?<target>)([\\s\\S]*?)(</target>)`);
    await refused(fixture, fixture.xml.replace(marked, '$1[es] <sc id="1" dataRef="d1s"/>Acogemos sin cerrar$3'), 'xliff_malformed');
    await refused(fixture, fixture.xml.replace(marked, '$1[es] <ec startRef="1" dataRef="d1e"/>al revés<sc id="1" dataRef="d1s"/>$3'), 'xliff_malformed');
    await refused(fixture, fixture.xml.replace('<target>Comunicado de Mérida</target>', `<target>${'Comunicado '.repeat(40)}</target>`).replace('<target>[es] Mérida Communiqué</target>', `<target>${'Comunicado '.repeat(40)}</target>`), 'invalid_input');
  });

  it('an oversized file: refused before it is parsed', async () => {
    const fixture = await translated();
    const before = snapshot(fixture.ctx);
    const huge = fixture.xml.replace('</xliff>', `<!--${'x'.repeat(maxXliffFileBytes)}--></xliff>`);
    const error = await refusal(fixture.ctx, 'xliff:import', { forumId: fixture.forum.id, fileName: 'huge.xlf', xml: huge });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'xml', message: 'validation.fileTooLarge' }] });
    // Under the limit in characters, over it in bytes: the reader counts bytes.
    expect(() => readXliff('é'.repeat(maxXliffFileBytes / 2 + 1))).toThrow(expect.objectContaining({ code: 'file_too_large' }));
    expect(snapshot(fixture.ctx)).toBe(before);
  });

  it('a unit whose row is gone is skipped as unknown, the rest imported', async () => {
    const fixture = await translated();
    await call(fixture.ctx, 'paragraphs:setDeleted', { id: fixture.left.id, deleted: true });
    const result = await call<{ unknown: number; unknownIds: string[]; written: number }>(fixture.ctx, 'xliff:import', { forumId: fixture.forum.id, fileName: 'f.xlf', xml: fixture.xml });
    expect(result).toMatchObject({ unknown: 1, unknownIds: [`outcome_paragraphs.text.${fixture.left.id}`], written: 7 });
  });
});
