import path from 'node:path';
import { benchCompilation } from './benchCompilation';
import { fmt } from './benchFormat';
import type { Group } from './benchGroups';
import { benchIssuances } from './benchIssuances';
import { benchXliff } from './benchXliff';

/** The secretariat's documents of a negotiation: translators' files, the compilation text, issuances. */
export const documentBenchGroups: Group[] = [
  {
    name: 'xliff',
    about: "translators' XLIFF files: a 60-paragraph document and a 500-session agenda out and back in",
    run: async (dir, record) => {
      const x = await benchXliff(path.join(dir, 'xliff.sqlite'));
      console.log(`XLIFF 2.0 into Spanish: a ${fmt(x.paragraphs)}-paragraph document in six languages (${fmt(x.documentUnits)} units) and a ${fmt(x.sessions)}-session agenda (${fmt(x.agendaUnits)} units, ${fmt(x.agendaBytes / 1024)} KiB); medians of ${x.runs} runs`);
      console.log(`  export: document ${fmt(x.exportDocumentMs)} ms, agenda ${fmt(x.exportAgendaMs)} ms (target < 500 ms each)`);
      console.log(`  import, every unit newly translated, backup included: document ${fmt(x.importDocumentMs)} ms, agenda ${fmt(x.importAgendaMs)} ms (target < 500 ms each)`);
      console.log(`  the same agenda file again (nothing to write): ${fmt(x.reimportAgendaMs)} ms\n`);
      record('export.document', x.exportDocumentMs, 'ms', { below: 500 });
      record('export.agenda', x.exportAgendaMs, 'ms', { below: 500 });
      record('import.document', x.importDocumentMs, 'ms', { below: 500 });
      record('import.agenda', x.importAgendaMs, 'ms', { below: 500 });
      record('reimport.agenda', x.reimportAgendaMs, 'ms');
    },
  },
  {
    name: 'compilation',
    about: 'the compilation text of a 60-paragraph document with 300 amendments and 1,000 stances, DOCX through the export worker',
    run: async (dir, record) => {
      const c = await benchCompilation(path.join(dir, 'compilation.sqlite'));
      console.log(`Compilation text: ${fmt(c.paragraphs)} paragraphs, ${fmt(c.amendments)} amendments, ${fmt(c.stances)} stances, in English, median of ${c.runs} runs (target: DOCX < 1,000 ms)`);
      console.log(`  DOCX through the export worker: median ${fmt(c.worker.medianMs)} ms, max ${fmt(c.worker.maxMs)} ms; ${fmt(c.worker.bytes / 1024)} KiB`);
      console.log(`  split, in process: model ${fmt(c.modelMs)} ms, DOCX packing ${fmt(c.docxMs)} ms (the rest: the export thread's own connection and its warming up; a new thread's start in the first run)`);
      console.log(`  HTML through the worker: median ${fmt(c.htmlMs)} ms; Markdown: ${fmt(c.markdownMs)} ms\n`);
      record('docx.median', c.worker.medianMs, 'ms', { below: 1000 });
      record('docx.max', c.worker.maxMs, 'ms');
      record('docx.size', c.worker.bytes / 1024, 'KiB');
      record('model.median', c.modelMs, 'ms');
      record('docxPacking.median', c.docxMs, 'ms');
      record('html.median', c.htmlMs, 'ms');
      record('markdown.median', c.markdownMs, 'ms');
    },
  },
  {
    name: 'issuances',
    about: 'a 60-paragraph document issued as L.1, edited, and exported as Word with tracked changes against L.1',
    run: async (dir, record) => {
      const e = await benchIssuances(path.join(dir, 'issuances.sqlite'));
      console.log(`Issuances: the ${fmt(e.paragraphs)}-paragraph document in six languages, issued (snapshot, hash, signature) in ${fmt(e.issueMs)} ms, then ${fmt(e.changed)} paragraphs edited`);
      console.log(`  DOCX with tracked changes against L.1, English (through the export worker): median ${fmt(e.docxMs.median)} ms, max ${fmt(e.docxMs.max)} ms over ${e.docxMs.runs} runs; ${fmt(e.docxMs.bytes / 1024)} KiB (target < 500 ms)`);
      console.log(`  the same in six parallel columns: median ${fmt(e.docxSixMs.median)} ms, max ${fmt(e.docxSixMs.max)} ms\n`);
      record('issue.ms', e.issueMs, 'ms');
      record('trackedDocx.median', e.docxMs.median, 'ms', { below: 500 });
      record('trackedDocx.max', e.docxMs.max, 'ms');
      record('trackedDocxSixLanguages.median', e.docxSixMs.median, 'ms');
    },
  },
];
