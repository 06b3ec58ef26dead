import type { DraftParagraph } from '../../../../shared/outcome';

/**
 * Fractional indexes compare as plain strings (code-unit order), never with localeCompare; ties
 * (two laptops picked the same key) break by id, so every laptop shows the same order.
 */
export function byPosition(a: DraftParagraph, b: DraftParagraph): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The document's paragraphs in order, numbered points counted 1, 2, 3… as the core counts them;
 * done here too so a paragraph added, moved or retyped renumbers the others without a round trip.
 */
export function inOrder(paragraphs: readonly DraftParagraph[]): DraftParagraph[] {
  let number = 0;
  return [...paragraphs].sort(byPosition).map((p) => {
    const expected = p.kind === 'numbered' ? ++number : null;
    return p.number === expected ? p : { ...p, number: expected };
  });
}

/** The list with this paragraph in it (replacing its earlier self, or added where it belongs). */
export function withParagraph(paragraphs: readonly DraftParagraph[], paragraph: DraftParagraph): DraftParagraph[] {
  return inOrder([...paragraphs.filter((p) => p.id !== paragraph.id), paragraph]);
}

export function withoutParagraph(paragraphs: readonly DraftParagraph[], id: string): DraftParagraph[] {
  return inOrder(paragraphs.filter((p) => p.id !== id));
}

/** Where `paragraphs:move` must put a paragraph to take it one step up or down. */
export function moveTarget(paragraphs: readonly DraftParagraph[], id: string, direction: 'up' | 'down') {
  const index = paragraphs.findIndex((p) => p.id === id);
  if (index < 0) return undefined;
  if (direction === 'up') {
    if (index === 0) return undefined;
    return { after: paragraphs[index - 2]?.id ?? null, before: paragraphs[index - 1]?.id ?? null };
  }
  if (index === paragraphs.length - 1) return undefined;
  return { after: paragraphs[index + 1]?.id ?? null, before: paragraphs[index + 2]?.id ?? null };
}
