import type { ExportedFile } from '../../shared/exports';
import type { OutcomeDocument } from '../../shared/outcome';
import { closeCore, openCore } from '../../main/core/coreContext';
import { createParagraph } from '../../main/core/store/outcomeParagraphs';
import { must, percentile, time } from './measure';

export interface ConceptNoteFigures {
  paragraphs: number;
  words: number;
  pages: number;
  docxMedianMs: number;
  docxMaxMs: number;
  parallelMedianMs: number;
  runs: number;
  bytes: number;
}

/** About a hundred words of a concept note's body, with the rich text such documents carry. */
function body(n: number, lang: 'en' | 'es'): string {
  const en = `The ${n}th consideration turns on how *market towns* link the villages around them to the services, jobs and **public goods** that a county seat provides; it asks which roads, clinics and schools serve both, and who pays for them over a decade. Evidence gathered in the field visits[^n${n}] shows that small investments in cold storage and bus routes change more lives than large ones placed far away. See [the programme](https://example.org/programme) for the sessions.\n\n[^n${n}]: Field notes, day ${1 + (n % 3)}.`;
  const es = `La consideración ${n} trata de cómo las *ciudades mercado* vinculan a las aldeas de su entorno con los servicios, el empleo y los **bienes públicos** que ofrece una cabecera de condado; se pregunta qué carreteras, clínicas y escuelas sirven a ambas, y quién las paga durante una década. Las pruebas reunidas en las visitas[^n${n}] muestran que pequeñas inversiones en frío y rutas de autobús cambian más vidas que grandes obras lejanas. Véase [el programa](https://example.org/programa).\n\n[^n${n}]: Notas de campo, día ${1 + (n % 3)}.`;
  return lang === 'en' ? en : es;
}

const list = (n: number, lang: 'en' | 'es') =>
  lang === 'en'
    ? `Expected outputs of block ${n}:\n\n- a map of services shared by towns and villages\n- three costed proposals\n- a list of partners willing to act`
    : `Resultados esperados del bloque ${n}:\n\n- un mapa de servicios compartidos por ciudades y aldeas\n- tres propuestas con costes\n- una lista de socios dispuestos a actuar`;

/**
 * A concept note of about forty pages (380 paragraphs, some 27,000 words in English, with italics,
 * bold, lists, links and footnotes) exported to Word through the contract's export command, as
 * the app and the CLI do: alone, and side by side with its Spanish translation.
 */
export async function benchConceptNote(dbPath: string, paragraphs = 380, runs = 5): Promise<ConceptNoteFigures> {
  const ctx = await openCore(dbPath);
  try {
    const forum = await must<{ id: string }>(ctx, 'forums:create', {
      title: { en: 'Expert group meeting on urban-rural linkages', es: 'Reunión del grupo de expertos sobre vínculos urbano-rurales' },
      theme: {},
      venue: { en: 'Mérida, Yucatán' },
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      timeZone: 'America/Merida',
      coOrganisers: [],
      languages: ['en', 'es'],
      sourceLanguage: 'en',
      outcomeKind: 'communique',
    });
    const note = await must<OutcomeDocument>(ctx, 'outcome:create', {
      forumId: forum.id,
      document: {
        kind: 'concept_note',
        title: { en: 'Concept note', es: 'Nota conceptual' },
        subtitle: {},
        place: { en: 'Mérida', es: 'Mérida' },
        startDate: '2026-03-02',
        endDate: '2026-03-04',
        coOrganisers: [],
        preamble: {},
        leadIn: {},
        closing: {},
        numbering: 'none',
      },
    });
    const existing = await must<{ paragraphs: Array<{ id: string }> }>(ctx, 'outcome:get', { documentId: note.id });
    let after = existing.paragraphs.at(0)?.id ?? null;
    let words = 0;
    ctx.db.transaction(() => {
      for (let n = 1; n <= paragraphs; n++) {
        const text = n % 10 === 0 ? { en: list(n, 'en'), es: list(n, 'es') } : { en: body(n, 'en'), es: body(n, 'es') };
        words += text.en.split(/\s+/).length;
        after = createParagraph(ctx, { documentId: note.id, after, kind: 'numbered', text });
      }
    })();
    const exportOf = (languages: string[]) => () =>
      must<ExportedFile>(ctx, 'export:outcome', { documentId: note.id, format: 'docx', languages, variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true, paper: 'a4' });
    const single: number[] = [];
    const parallel: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= runs; run++) {
      let file: ExportedFile | undefined;
      const ms = await time(async () => (file = await exportOf(['en'])()));
      const both = await time(exportOf(['en', 'es']));
      // The first round warms the export worker up.
      if (run === 0) continue;
      single.push(ms);
      parallel.push(both);
      bytes = file?.bytes ?? 0;
    }
    return {
      paragraphs,
      words,
      // A page of A4 in the export's 11-point body holds about 650 words.
      pages: Math.round(words / 650),
      docxMedianMs: percentile(single, 0.5),
      docxMaxMs: Math.max(...single),
      parallelMedianMs: percentile(parallel, 0.5),
      runs,
      bytes,
    };
  } finally {
    closeCore(ctx);
  }
}
