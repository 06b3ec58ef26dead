import type { Forum } from '../../../shared/forum';
import type { OutcomeDocument } from '../../../shared/outcome';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { getForum } from '../../../main/core/store/forums';
import { tempCore } from '../helpers/tempCore';

/** Runs a command through dispatch (validation included) and returns its value, or throws its message. */
export async function call<T>(ctx: CoreContext, name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** export:outcome's input for a document: Markdown in English, clean, no annexes, unless `extra` says otherwise. */
export const outcomeRequest = (documentId: string, extra: Record<string, unknown> = {}) => ({
  documentId,
  format: 'md',
  languages: ['en'],
  variant: 'clean',
  annexes: { participation: false, provenance: false },
  fallback: false,
  paper: 'a4',
  ...extra,
});

export interface DemoOutcome {
  ctx: CoreContext;
  forum: Forum;
  documentId: string;
  doc: OutcomeDocument;
}

/** Arabic for the demo Consensus: "the countryside…" in a sentence of its own per point. */
export const arabicPoint = (n: number) => `تؤكد الفقرة ${n} على أهمية الروابط بين المناطق الحضرية والريفية.`;

/** The demo forum (en source, zh, es; point 5 lacks Spanish), optionally with Arabic added and written everywhere. */
export async function demoOutcome(options: { arabic?: boolean } = {}): Promise<DemoOutcome> {
  const ctx = await tempCore();
  let forum = createDemoForum(ctx);
  const documentId = forum.id;
  if (options.arabic) {
    const { id, isDemo: _demo, ...rest } = getForum(ctx.db, forum.id);
    forum = await call<Forum>(ctx, 'forums:update', { id, forum: { ...rest, languages: [...rest.languages, 'ar'] } });
    const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId });
    const withAr = (texts: Record<string, string>, ar: string) => (texts[doc.sourceLanguage] ? { ...texts, ar } : texts);
    await call(ctx, 'outcome:update', {
      documentId,
      document: {
        kind: doc.kind,
        title: withAr(doc.title, 'توافق سونغيانغ 2026 بشأن الروابط الحضرية الريفية'),
        subtitle: withAr(doc.subtitle, 'الروابط الحضرية الريفية'),
        place: withAr(doc.place, 'سونغيانغ، الصين'),
        startDate: doc.startDate,
        endDate: doc.endDate,
        coOrganisers: doc.coOrganisers,
        preamble: withAr(doc.preamble, 'نحن المشاركين في المنتدى.'),
        leadIn: withAr(doc.leadIn, 'نتفق على ما يلي:'),
        closing: withAr(doc.closing, 'سونغيانغ، 2026'),
        numbering: doc.numbering,
      },
    });
    for (const p of doc.paragraphs) await call(ctx, 'paragraphs:update', { id: p.id, text: { ar: arabicPoint(p.number ?? 0) } });
  }
  const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId });
  return { ctx, forum, documentId, doc };
}

/** The error a throwing call raised, as a CoreError-like object. */
export function thrown(fn: () => unknown): { code: string; message: string; issues?: Array<{ path: string; message: string }> } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string; issues?: Array<{ path: string; message: string }> };
  }
  throw new Error('expected a refusal');
}

/** A replacement of point 2 by Kenya ("resilient and diversified"), a new point by Chile, and a stance by Peru. */
export async function amendPointTwo(ctx: CoreContext, doc: OutcomeDocument): Promise<void> {
  const p = doc.paragraphs[1];
  if (!p?.text.en) throw new Error('demo point 2 has no English text');
  await call(ctx, 'amendments:propose', {
    paragraphId: p.id,
    kind: 'replace',
    lang: 'en',
    text: p.text.en.replace('a diversified rural economy', 'a resilient rural economy'),
    proposer: { participantId: null, name: 'Kenya' },
    rationale: 'Resilience matters more.',
  });
  await call(ctx, 'amendments:propose', {
    paragraphId: p.id,
    kind: 'insert_after',
    lang: 'en',
    text: 'We will also invest in rural broadband.',
    proposer: { participantId: null, name: 'Chile' },
    rationale: '',
  });
  await call(ctx, 'stances:set', { paragraphId: p.id, delegation: { participantId: null, name: 'Peru' }, stance: 'support', note: '' });
}
