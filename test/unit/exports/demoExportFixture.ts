import { strFromU8, unzipSync } from 'fflate';
import type { Agenda } from '../../../shared/agenda';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import type { CoreContext } from '../../../main/core/coreContext';
import { getForum, updateForum } from '../../../main/core/store/forums';
import { call } from '../agenda/agendaFixture';
import { tempCore } from '../helpers/tempCore';

/** The text of word/document.xml inside a .docx. */
export function documentXml(docx: Uint8Array): string {
  const file = unzipSync(docx)['word/document.xml'];
  if (!file) throw new Error('no word/document.xml in the file');
  return strFromU8(file);
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => entities[entity] ?? entity);

/** Every w:t text of the document, in order, joined into one string per paragraph. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join(''),
  );
}

/** The demo forum (en source, zh, es), with Arabic added as a working language. */
export async function demoCore(options: { arabic?: boolean } = {}): Promise<{ ctx: CoreContext; forumId: string }> {
  const ctx = await tempCore();
  const forum = createDemoForum(ctx);
  if (options.arabic) {
    const { id: _id, ...rest } = getForum(ctx.db, forum.id);
    updateForum(ctx, forum.id, {
      title: rest.title,
      theme: rest.theme,
      venue: rest.venue,
      startDate: rest.startDate,
      endDate: rest.endDate,
      timeZone: rest.timeZone,
      coOrganisers: rest.coOrganisers,
      languages: [...rest.languages, 'ar'],
      sourceLanguage: rest.sourceLanguage,
      outcomeKind: rest.outcomeKind,
    });
  }
  return { ctx, forumId: forum.id };
}

/** Gives the first session of the agenda an Arabic title (and leaves its other fields as they are). */
export async function translateFirstSession(ctx: CoreContext, forumId: string, lang: string, title: string): Promise<Agenda['sessions'][number]> {
  const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId });
  const first = agenda.sessions[0];
  if (!first) throw new Error('the demo has sessions');
  const { id, translations: _t, roles, ...rest } = first;
  await call(ctx, 'sessions:update', {
    id,
    session: { ...rest, title: { ...rest.title, [lang]: title }, roles: roles.map(({ participantId, role }) => ({ participantId, role })) },
  });
  return first;
}
