import { chromium } from '@playwright/test';
import { diffWords } from 'diff';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { decideAmendment, proposeAmendment } from '../../main/core/store/amendments';
import { createParagraph, liveParagraph, updateParagraph } from '../../main/core/store/outcomeParagraphs';
import { setStance } from '../../main/core/store/stances';
import type { AmendmentKind } from '../../shared/amendments';
import { wordDiff } from '../../shared/wordDiff';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { startServer, stopServer } from '../e2e/serverFixture';
import { navigationTime } from './navigationTime';
import { must, percentile, time } from './measure';

export interface DraftingFigures {
  paragraphs: number;
  languages: number;
  amendments: number;
  /** Prose edits of paragraph texts, the accepted amendments' revisions included. */
  revisions: number;
  seedMs: number;
  /** outcome:get in the core, validation included. */
  getMedianMs: number;
  getP95Ms: number;
  /** In Chromium: from the hash change to the frame drawn with the document's last paragraph in the page. */
  openMs: number[];
  diff: Array<{ label: string; words: number; medianMs: number; p95Ms: number; diffWordsMedianMs: number }>;
}

const languages = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;

// A sentence per language, repeated to the length of a real outcome paragraph.
const sentences: Record<(typeof languages)[number], string[]> = {
  en: ['We recognise that urban and rural areas depend on each other', 'and call for integrated territorial planning', 'that keeps villages alive and cities fed.'],
  fr: ['Nous reconnaissons que les zones urbaines et rurales dépendent les unes des autres', 'et appelons à une planification territoriale intégrée', 'qui fait vivre les villages et nourrit les villes.'],
  es: ['Reconocemos que las zonas urbanas y rurales dependen unas de otras', 'y pedimos una planificación territorial integrada', 'que mantenga vivas las aldeas y alimente a las ciudades.'],
  ru: ['Мы признаем, что городские и сельские районы зависят друг от друга', 'и призываем к комплексному территориальному планированию,', 'которое сохраняет деревни и кормит города.'],
  zh: ['我们认识到城市和农村地区相互依存，', '呼吁开展综合性的国土空间规划，', '让乡村保持活力，让城市获得供给。'],
  ar: ['نحن ندرك أن المناطق الحضرية والريفية يعتمد بعضها على بعض', 'وندعو إلى تخطيط إقليمي متكامل', 'يحافظ على حيوية القرى ويوفر الغذاء للمدن.'],
};

// Square brackets would read as disputed text (the view marks them), so the marker uses parentheses.
const marker = (n: number) => `(ref. P-${String(n).padStart(3, '0')})`;

function paragraphText(lang: (typeof languages)[number], n: number, revision: number): string {
  const parts = sentences[lang];
  const joiner = lang === 'zh' ? '' : ' ';
  const body = Array.from({ length: 6 }, (_, i) => parts[(i + n) % parts.length] ?? '').join(joiner);
  return `${marker(n)}${joiner}${body}${joiner}(${revision})`;
}

/** A forum in the six UN languages with a 60-point document, its revisions, amendments and stances, all through the store (the export bench reuses it). */
export async function seed(ctx: CoreContext, paragraphCount: number, amendmentCount: number, revisionCount: number) {
  const forum = await must<{ id: string }>(ctx, 'forums:create', {
    title: { en: 'Drafting benchmark' },
    theme: {},
    venue: { en: 'Songyang' },
    startDate: '2026-11-23',
    endDate: '2026-11-25',
    timeZone: 'Asia/Shanghai',
    coOrganisers: [],
    languages: [...languages],
    sourceLanguage: 'en',
    outcomeKind: 'consensus',
  });
  const document = await must<{ id: string }>(ctx, 'outcome:create', {
    forumId: forum.id,
    document: {
      kind: 'consensus',
      title: { en: 'Songyang Consensus' },
      subtitle: {},
      place: { en: 'Songyang' },
      startDate: '2026-11-23',
      endDate: '2026-11-25',
      coOrganisers: [],
      preamble: {},
      leadIn: {},
      closing: {},
      numbering: 'ordinal',
    },
  });
  const ids: string[] = [];
  let revisions = 0;
  ctx.db.transaction(() => {
    for (let n = 1; n <= paragraphCount; n++) {
      const text = Object.fromEntries(languages.map((lang) => [lang, paragraphText(lang, n, 0)]));
      ids.push(createParagraph(ctx, { documentId: document.id, after: ids.at(-1) ?? null, kind: 'numbered', text }));
    }
    const amendmentIds: Array<{ id: string; kind: AmendmentKind }> = [];
    const amendEvery = Math.max(1, Math.floor(revisionCount / amendmentCount));
    for (let r = 1; r <= revisionCount; r++) {
      const n = ((r * 7) % paragraphCount) + 1;
      const lang = languages[r % languages.length] ?? 'en';
      updateParagraph(ctx, ids[n - 1] ?? '', { text: { [lang]: paragraphText(lang, n, r) } });
      revisions += 1;
      if (r % amendEvery === 0 && amendmentIds.length < amendmentCount) {
        const i = amendmentIds.length;
        const kind: AmendmentKind = i % 10 === 9 ? 'insert_after' : i % 10 === 8 ? 'delete' : 'replace';
        const amendLang = kind === 'replace' ? lang : 'en';
        const at = ((i * 13) % paragraphCount) + 1;
        const id = proposeAmendment(ctx, {
          paragraphId: ids[at - 1] ?? '',
          kind,
          lang: amendLang,
          text: kind === 'delete' ? '' : paragraphText(amendLang, at, 100_000 + i),
          proposer: { participantId: null, name: `Delegation ${i % 25}` },
          rationale: 'Closer to the agreed language of 2019.',
        });
        amendmentIds.push({ id, kind });
      }
    }
    // The chair's decisions: replacements accepted (each a revision) or rejected, some withdrawn.
    amendmentIds.forEach(({ id, kind }, i) => {
      if (kind === 'replace' && i % 4 === 0) {
        // Most have gone stale under later revisions: the chair reviews the current text first.
        const { paragraph_id: paragraphId, lang } = ctx.db.prepare('SELECT paragraph_id, lang FROM amendments WHERE id = ?').get(id) as { paragraph_id: string; lang: string };
        decideAmendment(ctx, id, 'accepted', liveParagraph(ctx.db, paragraphId).text[lang]);
        revisions += 1;
      } else if (i % 4 === 1) decideAmendment(ctx, id, 'rejected');
      else if (i % 4 === 2) decideAmendment(ctx, id, 'withdrawn');
    });
    ids.forEach((id, i) => {
      for (let d = 0; d < 5; d++) {
        setStance(ctx, id, { participantId: null, name: `Delegation ${(i + d) % 25}` }, (['support', 'objection', 'reservation'] as const)[(i + d) % 3] ?? 'support', '');
      }
    });
  })();
  return { forumId: forum.id, documentId: document.id, revisions };
}


/** A long paragraph (about `words` words) and the same after a few drafting edits. */
function longRevisions(lang: 'en' | 'zh', words: number): [string, string] {
  const pieces: string[] = [];
  const parts = sentences[lang];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentence = parts[i % parts.length] ?? '';
    pieces.push(sentence);
    // A Chinese word is about two characters.
    count += lang === 'zh' ? Math.round(sentence.length / 2) : sentence.split(' ').length;
  }
  const joiner = lang === 'zh' ? '' : ' ';
  const before = pieces.join(joiner);
  const after = [...pieces];
  const edit = (at: number, text: string) => (after[Math.floor(after.length * at)] = text);
  if (lang === 'en') {
    edit(0.05, 'and call for integrated and inclusive territorial planning');
    edit(0.4, 'We recognise that urban, peri-urban and rural areas depend on each other');
    edit(0.75, 'that keeps villages alive.');
    after.splice(Math.floor(after.length * 0.9), 0, 'We invite UN-Habitat to report on progress in 2027.');
  } else {
    edit(0.05, '呼吁开展综合性、包容性的国土空间规划，');
    edit(0.4, '我们认识到城市、城郊和农村地区相互依存，');
    edit(0.75, '让乡村保持活力。');
    after.splice(Math.floor(after.length * 0.9), 0, '我们邀请人居署在2027年报告进展。');
  }
  return [before, after.join(joiner)];
}

function diffFigures(lang: 'en' | 'zh', words: number, runs: number): DraftingFigures['diff'][number] {
  const [before, after] = longRevisions(lang, words);
  const ours: number[] = [];
  const peer: number[] = [];
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    wordDiff(before, after, lang);
    ours.push(performance.now() - start);
    start = performance.now();
    diffWords(before, after);
    peer.push(performance.now() - start);
  }
  return {
    label: lang === 'en' ? 'English' : 'Chinese',
    words,
    medianMs: percentile(ours, 0.5),
    p95Ms: percentile(ours, 0.95),
    diffWordsMedianMs: percentile(peer, 0.5),
  };
}

/**
 * The drafting desk at the scale of a six-language UN outcome document: outcome:get in the core,
 * the drafting view opened in Chromium, and word diffs between two revisions of a long paragraph.
 */
export async function benchDrafting(dbPath: string, runs = 5): Promise<DraftingFigures> {
  const paragraphs = 60;
  const amendments = 300;
  const ctx = await openCore(dbPath);
  let seeded: Awaited<ReturnType<typeof seed>>;
  let seedMs: number;
  const getMs: number[] = [];
  try {
    const start = performance.now();
    seeded = await seed(ctx, paragraphs, amendments, 2000);
    seedMs = performance.now() - start;
    for (let run = 0; run < 30; run++) getMs.push(await time(() => must(ctx, 'outcome:get', { documentId: seeded.documentId })));
  } finally {
    closeCore(ctx);
  }

  const server = await startServer(dbPath);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const openMs: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const forum = `#/forum/${seeded.forumId}`;
    await page.goto(`${server.url}${forum}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The text, not innerText: paragraphs below the fold skip rendering (content-visibility) until scrolled to.
    const last = JSON.stringify(marker(paragraphs));
    for (let run = 0; run < runs; run++) {
      openMs.push(await navigationTime(page, `${forum}/drafting/${seeded.documentId}`, `return document.body.textContent.includes(${last})`, true));
      await navigationTime(page, forum, `return !document.body.textContent.includes(${last})`, true);
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }

  return {
    paragraphs,
    languages: languages.length,
    amendments,
    revisions: seeded.revisions,
    seedMs,
    getMedianMs: percentile(getMs, 0.5),
    getP95Ms: percentile(getMs, 0.95),
    openMs,
    diff: [diffFigures('en', 2000, 50), diffFigures('zh', 2000, 50)],
  };
}
