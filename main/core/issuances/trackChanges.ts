import { parseRichText, inlineText, type RichBlock } from '../../../shared/richText';
import { wordDiff, type DiffPart } from '../../../shared/wordDiff';
import type { OutcomeColumn, OutcomeItem, OutcomeModel } from '../exports/outcomeModelTypes';
import type { IssuanceSnapshot } from './issuanceSnapshot';

/** A printed text's words without its markup (emphasis, links, note marks), blocks a line each. */
export function printedWords(text: string): string {
  const block = (b: RichBlock) => (b.kind === 'list' ? b.items.map(inlineText).join('\n') : inlineText(b.content));
  return parseRichText(text).blocks.map(block).join('\n');
}

const wholly = (kind: 'insert' | 'delete', text: string): DiffPart[] => (text ? [{ kind, text }] : []);

/**
 * One column with each paragraph's change since the issued column of the same language: changed
 * words as a word diff, paragraphs added since wholly inserted, and paragraphs the issuance had
 * and the draft no longer has wholly deleted, where they stood. Unchanged paragraphs print as they are.
 */
function trackColumn(column: OutcomeColumn, issued: OutcomeColumn | undefined, author: string, date: string): OutcomeColumn {
  if (!issued) {
    return { ...column, items: column.items.map((item) => ({ ...item, tracked: { parts: wholly('insert', printedWords(item.text.text)), whole: 'inserted', author, date } })) };
  }
  const current = new Set(column.items.map((item) => item.paragraphId));
  const before = new Map(issued.items.map((item) => [item.paragraphId, item]));
  // Removed paragraphs go after the paragraph that preceded them in the issuance.
  const removedAfter = new Map<string | null, OutcomeItem[]>();
  let previous: string | null = null;
  for (const item of issued.items) {
    if (current.has(item.paragraphId)) previous = item.paragraphId;
    else removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), item]);
  }
  const removed = (after: string | null): OutcomeItem[] =>
    (removedAfter.get(after) ?? []).map((item) => ({ ...item, tracked: { parts: wholly('delete', printedWords(item.text.text)), whole: 'deleted', author, date } }));
  const items: OutcomeItem[] = [...removed(null)];
  for (const item of column.items) {
    const old = before.get(item.paragraphId);
    const now = printedWords(item.text.text);
    if (!old) items.push({ ...item, tracked: { parts: wholly('insert', now), whole: 'inserted', author, date } });
    else {
      const then = printedWords(old.text.text);
      items.push(then === now ? item : { ...item, tracked: { parts: wordDiff(then, now, item.text.lang), whole: null, author, date } });
    }
    items.push(...removed(item.paragraphId));
  }
  return { ...column, items };
}

/** The model with the changes since an issuance marked on every column (see trackColumn). */
export function trackChanges(model: OutcomeModel, issued: IssuanceSnapshot, author: string, date: string): OutcomeModel {
  return { ...model, columns: model.columns.map((column) => trackColumn(column, issued.columns.find((c) => c.lang === column.lang), author, date)) };
}
