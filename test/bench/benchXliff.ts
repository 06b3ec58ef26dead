import { randomUUID } from 'node:crypto';
import type { XliffExportOutput, XliffImportOutput } from '../../shared/xliff';
import { closeCore, openCore } from '../../main/core/coreContext';
import { writeRows } from '../../main/core/store/writeRows';
import { createParagraph } from '../../main/core/store/outcomeParagraphs';
import { must, percentile, time } from './measure';
import { syntheticSessions } from './syntheticForum';

export interface XliffFigures {
  paragraphs: number;
  sessions: number;
  documentUnits: number;
  agendaUnits: number;
  agendaBytes: number;
  exportDocumentMs: number;
  exportAgendaMs: number;
  importDocumentMs: number;
  importAgendaMs: number;
  reimportAgendaMs: number;
  runs: number;
}

const languages = ['en', 'fr', 'es', 'ar', 'zh', 'ru'];

/** A paragraph of about sixty words with the marks translators meet: bold, italic, a cross-reference. */
const paragraphText = (n: number, previous: string | null) =>
  `*Recognising* that market towns link the villages around them to **services, jobs and public goods**, the participants ${n} call on national and local governments to invest in roads, clinics and schools that serve both${previous ? `, as paragraph [[para:${previous}]] sets out` : ''}, and to report on progress within two years.`;

/** A whole file's targets filled as a CAT tool would: the source's words prefixed, its codes kept. */
const translate = (xml: string, prefix: string) =>
  xml.replace(/\s*<target[^>]*>[\s\S]*?<\/target>/g, '').replace(/<source>([\s\S]*?)<\/source>/g, (source: string, content: string) => `${source}<target>${prefix} ${content}</target>`);

const median = (values: number[]) => percentile(values, 0.5);

/**
 * Translators' files for a World-Urban-Forum-size event: a 60-paragraph outcome document in six
 * languages and a 500-session agenda. Each figure is the median of `runs` runs through the
 * contract (the worker composes and plans; the main connection writes), each import writing a
 * new translation of every unit, backup included; then the same agenda file imported again,
 * which writes nothing.
 */
export async function benchXliff(dbPath: string, paragraphs = 60, sessions = 500, runs = 5): Promise<XliffFigures> {
  const ctx = await openCore(dbPath);
  try {
    const forum = await must<{ id: string }>(ctx, 'forums:create', {
      title: { en: 'World Urban Forum' },
      theme: { en: 'Housing the world' },
      venue: { en: 'Cairo' },
      startDate: '2026-11-23',
      endDate: '2026-11-27',
      timeZone: 'Africa/Cairo',
      coOrganisers: [],
      languages,
      sourceLanguage: 'en',
      outcomeKind: 'declaration',
    });
    const document = await must<{ id: string }>(ctx, 'outcome:create', {
      forumId: forum.id,
      document: { kind: 'declaration', title: { en: 'Cairo Declaration' }, subtitle: {}, place: { en: 'Cairo' }, startDate: '2026-11-23', endDate: '2026-11-27', coOrganisers: [], preamble: {}, leadIn: {}, closing: {}, numbering: 'numbers' },
    });
    ctx.db.transaction(() => {
      let after: string | null = null;
      for (let n = 1; n <= paragraphs; n++) {
        const en = paragraphText(n, after);
        after = createParagraph(ctx, { documentId: document.id, after, kind: 'numbered', text: { en, fr: `[fr] ${en}`, ar: `[ar] ${en}`, zh: `[zh] ${en}`, ru: `[ru] ${en}` } });
      }
    })();
    const rows = syntheticSessions(sessions, '2026-11-23').map((s, i) => ({
      rowId: randomUUID(),
      values: { forum_id: forum.id, day: s.day, start_time: s.startTime, end_time: s.endTime, kind: s.kind, title: s.title, room: s.room, description: { en: `Session ${i + 1} asks how **housing** and *land* policies reach informal settlements.` }, deleted: 0 },
    }));
    writeRows(ctx, 'sessions', rows);

    const exportOf = (scope: { kind: string }) => must<XliffExportOutput>(ctx, 'xliff:export', { forumId: forum.id, lang: 'es', scope });
    const importOf = (xml: string) => must<XliffImportOutput>(ctx, 'xliff:import', { forumId: forum.id, fileName: 'es.xlf', xml });
    // Warm the worker and the statements once, as a laptop that has been running.
    const documentFile = await exportOf({ kind: 'document' });
    const agendaFile = await exportOf({ kind: 'agenda' });

    const figures = { exportDocument: [] as number[], exportAgenda: [] as number[], importDocument: [] as number[], importAgenda: [] as number[], reimport: [] as number[] };
    let lastAgenda = '';
    for (let run = 1; run <= runs; run++) {
      figures.exportDocument.push(await time(() => exportOf({ kind: 'document' })));
      figures.exportAgenda.push(await time(() => exportOf({ kind: 'agenda' })));
      const doc = translate(documentFile.xml, `[es ${run}]`);
      const agenda = translate(agendaFile.xml, `[es ${run}]`);
      let written = 0;
      figures.importDocument.push(await time(async () => (written = (await importOf(doc)).written)));
      if (written !== documentFile.units) throw new Error(`The document import wrote ${written} of ${documentFile.units} units.`);
      figures.importAgenda.push(await time(async () => (written = (await importOf(agenda)).written)));
      if (written !== agendaFile.units) throw new Error(`The agenda import wrote ${written} of ${agendaFile.units} units.`);
      lastAgenda = agenda;
    }
    for (let run = 1; run <= runs; run++) figures.reimport.push(await time(() => importOf(lastAgenda)));
    return {
      paragraphs,
      sessions,
      documentUnits: documentFile.units,
      agendaUnits: agendaFile.units,
      agendaBytes: Buffer.byteLength(agendaFile.xml),
      exportDocumentMs: median(figures.exportDocument),
      exportAgendaMs: median(figures.exportAgenda),
      importDocumentMs: median(figures.importDocument),
      importAgendaMs: median(figures.importAgenda),
      reimportAgendaMs: median(figures.reimport),
      runs,
    };
  } finally {
    closeCore(ctx);
  }
}
