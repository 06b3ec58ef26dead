import type { Forum } from '../../../shared/forum';
import type { XliffExportOutput, XliffImportOutput, XliffPreview } from '../../../shared/xliff';
import type { CoreContext } from '../../../main/core/coreContext';
import { addParagraph, addSession, call, createDocument } from '../drafting/draftingFixture';
import { tempCore, validForum } from '../helpers/tempCore';

/**
 * A forum in English (source), Spanish and French with a communiqué: a paragraph with bold words
 * and a cross-reference, one plain, one the translator leaves untranslated.
 */
export async function xliffForum(ctx?: CoreContext) {
  const core = ctx ?? (await tempCore());
  const forum = await call<Forum>(core, 'forums:create', { ...validForum, languages: ['en', 'es', 'fr'] });
  const document = await createDocument(core, forum.id);
  const plain = await addParagraph(core, document.id, { en: 'Rural heritage sustains villages.' });
  const marked = await addParagraph(core, document.id, { en: `We **welcome** the findings of paragraph [[para:${plain.id}]], with *thanks*.` }, { after: plain.id });
  const left = await addParagraph(core, document.id, { en: 'Nobody translates this one.' }, { after: marked.id });
  const session = addSession(core, forum.id, 'Opening plenary', '2026-03-02', '09:00');
  const note = await call<{ id: string }>(core, 'notes:create', { sessionId: session, lang: 'en', text: 'Villages need young people.', speakerName: 'Ana Pérez' });
  const message = await call<{ id: string }>(core, 'keyMessages:promote', { sessionId: session, noteIds: [note.id], text: { en: 'Villages need **young** people.' } });
  return { ctx: core, forum, document, plain, marked, left, session, message };
}

export const exportFile = (ctx: CoreContext, forumId: string, lang: string, extra: Record<string, unknown> = {}) =>
  call<XliffExportOutput>(ctx, 'xliff:export', { forumId, lang, ...extra });
export const previewFile = (ctx: CoreContext, forumId: string, xml: string) => call<XliffPreview>(ctx, 'xliff:preview', { forumId, fileName: 'file.xlf', xml });
export const importFile = (ctx: CoreContext, forumId: string, xml: string) => call<XliffImportOutput>(ctx, 'xliff:import', { forumId, fileName: 'file.xlf', xml });

/**
 * Stands in for a CAT tool: gives every unit but `skip` a target, the source's words prefixed
 * with `[lang]` and its inline codes kept as they are, as Trados or OmegaT keep tags. It works
 * on the XML text, as a tool that knows nothing about Plenary would.
 */
export function translateLikeCatTool(xml: string, lang: string, skip: (unitId: string) => boolean): string {
  const unitTag = xml.includes('<trans-unit') ? 'trans-unit' : 'unit';
  const units = new RegExp(`(<${unitTag} id="([^"]+)"[\\s\\S]*?</${unitTag}>)`, 'g');
  return xml.replace(units, (whole: string, _unit: string, id: string) => {
    if (skip(id)) return whole;
    const withoutTarget = whole.replace(/\s*<target[^>]*>[\s\S]*?<\/target>/, '');
    return withoutTarget.replace(/<source>([\s\S]*?)<\/source>/, (source: string, content: string) => {
      // Words between codes get the prefix once, at the start; the codes stay where they were.
      const translated = `[${lang}] ${content}`;
      return `${source}\n    <target>${translated}</target>`;
    });
  });
}
