import type { OutcomeDocument } from '../../../shared/outcome';
import type { CoreContext } from '../../../main/core/coreContext';
import { call, demoOutcome, type DemoOutcome } from './outcomeExportFixture';

/**
 * The demo Consensus as a negotiated text: PP/OP counted apart, point 3 a sub-paragraph, an
 * alternative to point 4 by Brazil and India, amendments to point 2 of every status (Kenya twice),
 * stances from four delegations (two recorded for the same one under two spellings), and point 6
 * deleted after Ghana proposed an amendment to it.
 */
export async function negotiatedDemo(options: { arabic?: boolean } = {}): Promise<DemoOutcome & { points: OutcomeDocument['paragraphs'] }> {
  const demo = await demoOutcome(options);
  const { ctx, doc } = demo;
  const points = doc.paragraphs.filter((p) => p.kind === 'numbered');
  const [p1, p2, p3, p4, , p6] = points;
  if (!p1 || !p2 || !p3 || !p4 || !p6) throw new Error('the demo Consensus has six points');
  await call(ctx, 'outcome:update', { documentId: doc.id, document: { ...documentInput(doc), roleNumbering: 'separate' } });
  await call(ctx, 'paragraphs:update', { id: p1.id, role: 'preambular' });
  for (const p of [p2, p3, p4]) await call(ctx, 'paragraphs:update', { id: p.id, role: 'operative' });
  await call(ctx, 'paragraphs:update', { id: p3.id, level: 1 });
  await call(ctx, 'paragraphs:addAlternative', { id: p4.id, text: { en: 'We call for a rural development fund.' }, proposers: ['Brazil', 'India'] });
  const en = p2.text.en ?? '';
  const propose = (kind: string, text: string, name: string, rationale = '', paragraphId = p2.id) =>
    call<{ id: string }>(ctx, 'amendments:propose', { paragraphId, kind, lang: 'en', text, proposer: { participantId: null, name }, rationale });
  await propose('replace', en.replace('a diversified rural economy', 'a resilient rural economy'), 'Kenya', 'Resilience matters more.');
  await propose('insert_after', 'We will also invest in rural broadband.', 'Chile');
  const rejected = await propose('delete', '', 'Kenya', 'Covered elsewhere.');
  await call(ctx, 'amendments:decide', { id: rejected.id, decision: 'rejected' });
  const withdrawn = await propose('replace', `${en} Now.`, 'Mexico');
  await call(ctx, 'amendments:decide', { id: withdrawn.id, decision: 'withdrawn' });
  const stance = (name: string, kind: string, note: string) =>
    call(ctx, 'stances:set', { paragraphId: p2.id, delegation: { participantId: null, name }, stance: kind, note });
  await stance('Peru', 'support', 'A good compromise.');
  await stance('Chile', 'support', '');
  await stance('Norway', 'objection', 'Too vague.');
  await stance('Japan', 'reservation', 'Pending instructions from capital.');
  await propose('replace', `${p6.text.en ?? ''} Deleted soon.`, 'Ghana', '', p6.id);
  await call(ctx, 'paragraphs:setDeleted', { id: p6.id, deleted: true });
  const after = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: doc.id });
  return { ...demo, doc: after, points };
}

/** The document's editable fields as outcome:update takes them. */
function documentInput(doc: OutcomeDocument) {
  return {
    kind: doc.kind,
    title: doc.title,
    subtitle: doc.subtitle,
    place: doc.place,
    startDate: doc.startDate,
    endDate: doc.endDate,
    coOrganisers: doc.coOrganisers,
    preamble: doc.preamble,
    leadIn: doc.leadIn,
    closing: doc.closing,
    numbering: doc.numbering,
  };
}

export type { CoreContext };
